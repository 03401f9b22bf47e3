/**
 * @module reports/run
 * Running a report for a month, as one reader sees it: the series of the definition that the
 * reader may read, each analysed on its data up to the end of the month (never later data), with
 * the month's commentary; then the content (reports/section.ts). One read-only snapshot, so every
 * section is of the same moment.
 */
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { listTargets } from '../measures/targets.js';
import type { MeasureTarget } from '../measures/targets.js';
import { getOrganisation } from '../organisations/repository.js';
import { seriesVisibleTo } from '../series/access.js';
import { monthEnd, monthOf } from './period.js';
import { commentariesFor, itemsOf, latestPeriod, pointsUpTo } from './repository.js';
import type { ReportDefinition, ReportSeriesRow } from './repository.js';
import type { ReportContent } from './schemas.js';
import { reportContent, reportSection } from './section.js';

/** The series of a definition `principal` may read, in the report's order. */
export async function readableItems(
  db: Database,
  principal: Principal,
  definition: ReportDefinition,
): Promise<ReportSeriesRow[]> {
  return (await itemsOf(db, [definition.id], seriesVisibleTo(principal))).get(definition.id) ?? [];
}

/**
 * The month to report on: `period` (YYYY-MM or a date of the month), or by default the latest month
 * any of the series has data for (the current month when none has).
 * @throws {DataError} `invalid_input` (`period`).
 */
export async function reportMonth(
  db: Database,
  rows: readonly ReportSeriesRow[],
  period: string | undefined,
  now: Date,
): Promise<string> {
  if (period !== undefined) return monthOf(period);
  const latest = await latestPeriod(
    db,
    rows.map((row) => row.seriesId),
  );
  return monthOf(latest ?? now.toISOString().slice(0, 10));
}

/**
 * The content of a definition for a month, as `principal` may read it (no other series), in the
 * transaction or snapshot `db` is.
 */
export async function buildContent(
  db: Database,
  principal: Principal,
  definition: ReportDefinition,
  period: string | undefined,
  now: Date,
): Promise<ReportContent> {
  const rows = await readableItems(db, principal, definition);
  const month = await reportMonth(db, rows, period, now);
  const ids = rows.map((row) => row.seriesId);
  const points = await pointsUpTo(db, ids, monthEnd(month));
  const commentaries = await commentariesFor(db, ids, month);
  const timelines = new Map<string, MeasureTarget[]>();
  for (const row of rows) {
    const key = `${row.measure.id}/${row.organisationId}`;
    if (!timelines.has(key)) timelines.set(key, await listTargets(db, row.measure.id, row.organisationId));
  }
  const organisation = (await getOrganisation(db, definition.organisationId))!;
  const sections = rows.map((row, index) =>
    reportSection(
      {
        row,
        points: points.get(row.seriesId) ?? [],
        targets: timelines.get(`${row.measure.id}/${row.organisationId}`) ?? [],
        commentary: commentaries.get(row.seriesId),
        period: month,
      },
      index,
    ),
  );
  return reportContent(
    {
      definitionId: definition.id,
      title: definition.title,
      description: definition.description,
      organisation: { id: organisation.id, odsCode: organisation.odsCode, name: organisation.name },
      period: month,
      generatedAt: now,
    },
    sections,
  );
}
