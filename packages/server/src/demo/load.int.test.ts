import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { analyseSeries } from '../analysis/service.js';
import { getMeasureByCode, listMeasures } from '../measures/repository.js';
import { readSeries } from '../observations/repository.js';
import { getOrganisationByOdsCode } from '../organisations/repository.js';
import { listSeries } from '../series/repository.js';
import { listUnits, unitTree } from '../units/repository.js';
import { describeEachEngine } from '../test-support/database.js';
import { DEMO_CSV, DEMO_TRUST, loadDemoData } from './load.js';

/** The demo file cut to three providers (RF4, the demo trust, among them), every month. */
function smallDemo(): string {
  const lines = readFileSync(DEMO_CSV, 'utf8').trim().split('\n');
  return [lines[0], ...lines.slice(1).filter((l) => /^[^,]*,(RF4|R1H|RQM),/.test(l))].join('\n') + '\n';
}

describeEachEngine('demo data', ({ test }) => {
  test('loads providers, units, shared A&E measures with the 95% target, and synthetic wards for the demo trust', async ({
    db,
  }) => {
    const text = smallDemo();
    const rows = text.trim().split('\n').length - 1;
    const summary = await loadDemoData(db, text);
    expect(summary.loaded).toBe(true);
    expect(summary.organisations).toBe(3);

    const rf4 = (await getOrganisationByOdsCode(db, 'RF4'))!;
    const fourHour = (await getMeasureByCode(db, null, 'ae-4-hour'))!;
    expect(fourHour).toMatchObject({ dataType: 'proportion', chartType: 'pp', visibility: 'public' });

    // Every A&E row gives attendances, admissions, 4-hour and conversion points; each of the
    // five wards gets 36 months of three synthetic measures.
    expect(summary.observations).toBe(rows * 4 + 5 * 3 * 36);

    const tree = await unitTree(db, rf4.id);
    const names = JSON.stringify(tree);
    expect(names).toContain('Type 1 A&E');
    expect(names).toContain('Ward 10 (acute medicine)');

    const own = await listMeasures(db, { organisationId: rf4.id });
    // RF4's own measures: three synthetic ward measures, its demo staff survey's, and one per level
    // of its demo QI curriculum (capability by unit, published by the capability domain).
    const mine = own.items.filter((m) => m.ownerOrganisationId === rf4.id);
    const synthetic = mine.filter((m) => !m.code.startsWith('capability-'));
    expect(synthetic.length).toBe(4);
    expect(synthetic.filter((m) => m.code.startsWith('survey-'))).toHaveLength(1);
    for (const m of synthetic) expect(m.name).toContain('synthetic demo data');

    // RF4's type 1 four-hour series: 36 months, proportions = (attendances − breaches) / attendances.
    const type1 = (await listUnits(db, rf4.id)).find((u) => u.name.startsWith('Type 1'))!;
    const series = (await listSeries(db, { measureId: fourHour.id, organisationId: rf4.id })).filter(
      (s) => s.unitId === type1.id,
    );
    expect(series).toHaveLength(1);
    const points = await readSeries(db, series[0]!.id);
    expect(points.length).toBe(36);
    for (const p of points) expect(p.numerator! / p.denominator!).toBeGreaterThan(0.4);

    // Analysed as a Laney p′ chart, higher is better, against the 95% standard.
    const { analysis } = await analyseSeries(db, series[0]!.id);
    expect(analysis.chart).toBe('pp');
    expect(analysis.summary.n).toBe(36);
    expect(analysis.summary.assurance).toBe('fail');
    expect(DEMO_TRUST).toBe('RF4');
  }, 120_000);

  test('loading twice adds nothing', async ({ db }) => {
    const text = smallDemo();
    await loadDemoData(db, text);
    expect(await loadDemoData(db, text)).toEqual({
      loaded: false,
      organisations: 0,
      series: 0,
      observations: 0,
    });
  }, 120_000);
});
