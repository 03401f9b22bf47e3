/**
 * @module demo/reports
 * The demo trust's monthly board report (integrated performance report): every series the trust
 * records, grouped in the report by their measures' domain, with the owners' commentary on two of
 * them for the latest month, so that a demo executive can run, read and issue it straight away.
 * Written straight to the tables, as the rest of the demo data is; adding it twice adds nothing.
 */
import { and, asc, eq, max, inArray } from 'drizzle-orm';
import {
  measures,
  measureSeries,
  observations,
  reportDefinitions,
  reportItems,
  seriesCommentaries,
  units,
} from '../db/schema.js';
import type { Database } from '../db/types.js';

/** The demo report's title. */
export const DEMO_REPORT_TITLE = 'Monthly board report';

/** The commentary written on the latest month: a measure's code and unit, and the words. */
const DEMO_COMMENTARY = [
  {
    code: 'ae-4-hour',
    unit: 'Type 1 A&E (major emergency department)',
    text:
      'Performance remains below the 95% standard. The streaming pilot at the front door started this month; ' +
      'the urgent care board reviews its first results next month. (Demo commentary.)',
  },
  {
    code: 'demo-falls',
    unit: 'Ward 10 (acute medicine)',
    text:
      'The falls rate has stayed lower since the night-time intentional rounding project: the improvement is ' +
      'sustained, and the ward is sharing its approach with Ward 14. (Demo commentary on synthetic data.)',
  },
] as const;

/** Adds the demo trust's board report unless it has one; returns the number of series in it. */
export async function addDemoReports(db: Database, trustId: string): Promise<number> {
  const [existing] = await db
    .select({ id: reportDefinitions.id })
    .from(reportDefinitions)
    .where(
      and(eq(reportDefinitions.organisationId, trustId), eq(reportDefinitions.title, DEMO_REPORT_TITLE)),
    );
  if (existing !== undefined) return 0;
  const series = await db
    .select({ id: measureSeries.id, code: measures.code, unit: units.name })
    .from(measureSeries)
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .leftJoin(units, eq(units.id, measureSeries.unitId))
    .where(eq(measureSeries.organisationId, trustId))
    .orderBy(asc(measures.domain), asc(measures.name), asc(units.name));
  if (series.length === 0) return 0;
  const [definition] = await db
    .insert(reportDefinitions)
    .values({
      organisationId: trustId,
      title: DEMO_REPORT_TITLE,
      description:
        'The board’s integrated performance report: every measure the trust records, by domain, with its SPC chart, ' +
        'icons, the analysis in words and the owner’s commentary. (Demo report.)',
    })
    .returning({ id: reportDefinitions.id });
  await db
    .insert(reportItems)
    .values(series.map((row, position) => ({ definitionId: definition!.id, seriesId: row.id, position })));
  const [latest] = await db
    .select({ period: max(observations.period) })
    .from(observations)
    .where(
      inArray(
        observations.seriesId,
        series.map((row) => row.id),
      ),
    );
  if (latest?.period != null) {
    const month = `${latest.period.slice(0, 7)}-01`;
    for (const note of DEMO_COMMENTARY) {
      const row = series.find((s) => s.code === note.code && s.unit === note.unit);
      if (row === undefined) continue;
      await db
        .insert(seriesCommentaries)
        .values({ seriesId: row.id, period: month, text: note.text })
        .onConflictDoNothing();
    }
  }
  return series.length;
}
