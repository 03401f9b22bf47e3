/**
 * The demo trust's monthly board report: loaded with the demo data over every series the trust
 * records, grouped by domain, with commentary on the latest month; loading again adds nothing.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { SYSTEM } from '../auth/principal.js';
import { measureSeries, reportDefinitions } from '../db/schema.js';
import { addDemoReports, DEMO_REPORT_TITLE } from '../demo/reports.js';
import { DEMO_CSV, DEMO_TRUST, loadDemoData } from '../demo/load.js';
import { getOrganisationByOdsCode } from '../organisations/repository.js';
import { describeEachEngine } from '../test-support/database.js';
import { runReport } from './service.js';

/** The demo file cut to the demo trust. */
function trustOnly(): string {
  const lines = readFileSync(DEMO_CSV, 'utf8').trim().split('\n');
  return (
    [lines[0], ...lines.slice(1).filter((l) => new RegExp(`^[^,]*,${DEMO_TRUST},`).test(l))].join('\n') + '\n'
  );
}

describeEachEngine('demo board report', ({ test }) => {
  test('the demo trust has a monthly board report over all its series, with commentary on the latest month', async ({
    db,
  }) => {
    await loadDemoData(db, trustOnly());
    const trust = (await getOrganisationByOdsCode(db, DEMO_TRUST))!;
    const definitions = await db
      .select()
      .from(reportDefinitions)
      .where(eq(reportDefinitions.organisationId, trust.id));
    expect(definitions.map((d) => d.title)).toEqual([DEMO_REPORT_TITLE]);
    const all = await db
      .select({ id: measureSeries.id })
      .from(measureSeries)
      .where(eq(measureSeries.organisationId, trust.id));
    const run = await runReport(db, SYSTEM, definitions[0]!.id, undefined, new Date());
    const sections = run.content.domains.flatMap((d) => d.sections);
    expect(sections.map((s) => s.seriesId).sort()).toEqual(all.map((s) => s.id).sort());
    expect(run.content.domains.map((d) => d.domain)).toEqual([
      ...new Set(sections.map((s) => s.measure.domain)),
    ]);
    const commented = sections.filter((s) => s.commentary !== null).map((s) => s.title);
    expect(commented).toHaveLength(2);
    expect(commented.some((t) => t.startsWith('Inpatient falls'))).toBe(true);
    expect(await addDemoReports(db, trust.id)).toBe(0);
  }, 240_000);
});
