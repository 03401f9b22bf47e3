/**
 * @module observations/repository
 * Writing observations as a batch (atomic; new → insert, changed → update + revision, unchanged →
 * untouched) and reading series and revisions. Bulk loads use `copyObservations` (copy.ts).
 */
import { and, asc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { observationRevisions, observations } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { lockRunningImport } from '../imports/repository.js';
import { decodeCursor, OBSERVATION_PAGE_SIZES, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { requireIsoDate, requireUuid } from '../validation.js';
import { checkProvenance, rowChecker } from './input.js';
import type { ObservationInput, Provenance } from './input.js';
import { applyBatch, checkBatch } from './merge.js';
import type { MergeCounts } from './merge.js';

/** A stored point with its provenance. */
export type Observation = Omit<typeof observations.$inferSelect, 'seriesId'>;

/** One kept change of a point. */
export type ObservationRevision = typeof observationRevisions.$inferSelect;

/** Periods from and to (both included, `YYYY-MM-DD`); either may be absent. */
export interface PeriodRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The columns of an `Observation`. */
const OBSERVATION_COLUMNS = {
  period: observations.period,
  value: observations.value,
  numerator: observations.numerator,
  denominator: observations.denominator,
  ghost: observations.ghost,
  importId: observations.importId,
  recordedBy: observations.recordedBy,
  recordedAt: observations.recordedAt,
};

/** The batch as an SQL relation `s`, from one array parameter per column (no parameter limit). */
function unnestSource(rows: readonly ObservationInput[]): SQL {
  const check = rowChecker();
  const checked = rows.map((row, index) => check(row, index));
  const column = (pick: (row: (typeof checked)[number]) => unknown): SQL =>
    sql`${sql.param(checked.map(pick))}`;
  return sql`unnest(
    ${sql.param(checked.map((_, index) => index))}::int[],
    ${column((row) => row.seriesId)}::uuid[],
    ${column((row) => row.period)}::date[],
    ${column((row) => row.value)}::float8[],
    ${column((row) => row.numerator)}::float8[],
    ${column((row) => row.denominator)}::float8[],
    ${column((row) => row.ghost)}::boolean[]
  ) as s(ord, series_id, period, value, numerator, denominator, ghost)`;
}

/**
 * Writes a batch of observations atomically (in a transaction, or a savepoint inside the
 * caller's): every row is checked first, and one bad row writes nothing. For batches up to some
 * tens of thousands of rows; use `copyObservations` for bulk loads.
 * @returns how many points were added, changed and left unchanged.
 * @throws {DataError} `invalid_input` with the row's `index` and `reason`; `not_found` /
 * `conflict` for an import that does not exist or has finished.
 */
export async function upsertObservations(
  db: Database,
  rows: readonly ObservationInput[],
  provenance: Provenance,
): Promise<MergeCounts> {
  const checkedProvenance = checkProvenance(provenance);
  const source = unnestSource(rows);
  if (rows.length === 0) return { added: 0, changed: 0, unchanged: 0 };
  return db.transaction(async (tx) => {
    await lockRunningImport(tx, checkedProvenance.importId);
    await checkBatch(tx, source);
    return applyBatch(tx, source, rows.length, checkedProvenance);
  });
}

/** A series' points in period order, optionally within a range of periods. */
export async function readSeries(
  db: Database,
  seriesId: string,
  range: PeriodRange = {},
): Promise<Observation[]> {
  const conditions: (SQL | undefined)[] = [eq(observations.seriesId, requireUuid('seriesId', seriesId))];
  if (range.from !== undefined) conditions.push(gte(observations.period, requireIsoDate('from', range.from)));
  if (range.to !== undefined) conditions.push(lte(observations.period, requireIsoDate('to', range.to)));
  return db
    .select(OBSERVATION_COLUMNS)
    .from(observations)
    .where(and(...conditions))
    .orderBy(asc(observations.period));
}

/**
 * One stored point of a series, if there is one; `forUpdate` locks it until the transaction ends
 * (for a change made from what it holds).
 */
export async function readObservation(
  db: Database,
  seriesId: string,
  period: string,
  { forUpdate = false }: { readonly forUpdate?: boolean } = {},
): Promise<Observation | undefined> {
  const query = db
    .select(OBSERVATION_COLUMNS)
    .from(observations)
    .where(
      and(
        eq(observations.seriesId, requireUuid('seriesId', seriesId)),
        eq(observations.period, requireIsoDate('period', period)),
      ),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * A series' points in period order, optionally within a range of periods, a page at a time (by
 * default 1,000 points, at most 10,000: `OBSERVATION_PAGE_SIZES`).
 */
export async function readSeriesPage(
  db: Database,
  seriesId: string,
  request: PeriodRange & PageRequest = {},
): Promise<Page<Observation>> {
  const limit = pageLimit(request, OBSERVATION_PAGE_SIZES);
  const after = request.cursor ? decodeCursor(request.cursor, 1)[0]! : undefined;
  const conditions: (SQL | undefined)[] = [eq(observations.seriesId, requireUuid('seriesId', seriesId))];
  if (request.from !== undefined)
    conditions.push(gte(observations.period, requireIsoDate('from', request.from)));
  if (request.to !== undefined) conditions.push(lte(observations.period, requireIsoDate('to', request.to)));
  if (after !== undefined) conditions.push(gt(observations.period, requireIsoDate('cursor', after)));
  const rows = await db
    .select(OBSERVATION_COLUMNS)
    .from(observations)
    .where(and(...conditions))
    .orderBy(asc(observations.period))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.period],
    (row) => row,
  );
}

/** The changes of a series (or of one of its points), oldest first. */
export async function listRevisions(
  db: Database,
  seriesId: string,
  period?: string,
): Promise<ObservationRevision[]> {
  const conditions: (SQL | undefined)[] = [
    eq(observationRevisions.seriesId, requireUuid('seriesId', seriesId)),
  ];
  if (period !== undefined)
    conditions.push(eq(observationRevisions.period, requireIsoDate('period', period)));
  return db
    .select()
    .from(observationRevisions)
    .where(and(...conditions))
    .orderBy(asc(observationRevisions.period), asc(observationRevisions.id));
}
