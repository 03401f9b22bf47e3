/**
 * @module observations/service
 * Reading and writing one series' points, the series checked first.
 */
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Page, PageRequest } from '../paging.js';
import { requireSeries } from '../series/service.js';
import type { ObservationInput, Provenance } from './input.js';
import type { MergeCounts } from './merge.js';
import { readObservation, readSeriesPage, upsertObservations } from './repository.js';
import type { Observation, PeriodRange } from './repository.js';

/** A point of one series (the series is given separately). */
export type SeriesPoint = Omit<ObservationInput, 'seriesId'>;

/** Who writes: an import, a user, or both. */
export interface WriteSource {
  readonly importId?: string | undefined;
  readonly userId?: string | undefined;
}

/**
 * A series' points in period order, a page at a time.
 * @throws {DataError} `not_found` for an unknown series.
 */
export async function seriesObservations(
  db: Database,
  seriesId: string,
  request: PeriodRange & PageRequest,
): Promise<Page<Observation>> {
  const series = await requireSeries(db, seriesId);
  return readSeriesPage(db, series.id, request);
}

function provenanceOf(source: WriteSource): Provenance {
  return source.importId === undefined
    ? { userId: source.userId ?? '' }
    : { importId: source.importId, userId: source.userId ?? null };
}

/**
 * Writes points of one series, all or nothing.
 * @throws {DataError} `not_found` (series, import), `invalid_input` naming `rows[i].field`.
 */
export async function writeSeriesObservations(
  db: Database,
  seriesId: string,
  points: readonly SeriesPoint[],
  source: WriteSource,
): Promise<MergeCounts> {
  const series = await requireSeries(db, seriesId);
  const rows = points.map((point) => ({ ...point, seriesId: series.id }));
  return upsertObservations(db, rows, provenanceOf(source));
}

/**
 * The user recorded as making a change from the web app until sign-in exists (issue 6), when the
 * request names none: revisions need a user or an import.
 */
export const UNSIGNED_EDITOR = '00000000-0000-4000-8000-000000000000';

/**
 * Ghosts a stored point (left out of every calculation, still drawn) or brings it back, keeping
 * its numbers: a change like any other write, so the previous state is kept as a revision, the
 * point's provenance becomes the user, and the series' `data_version` moves on. Setting the flag
 * it already has changes nothing.
 * @returns the point as now stored.
 * @throws {DataError} `not_found` (series; `period` when the series has no point there),
 * `invalid_input`.
 */
export async function setObservationGhost(
  db: Database,
  seriesId: string,
  period: string,
  ghost: boolean,
  userId: string = UNSIGNED_EDITOR,
): Promise<Observation> {
  return db.transaction(async (tx) => {
    const series = await requireSeries(tx, seriesId);
    const point = await readObservation(tx, series.id, period, { forUpdate: true });
    if (point === undefined) {
      throw new DataError('not_found', 'the series has no point for this period', { field: 'period' });
    }
    if (point.ghost === ghost) return point;
    const { value, numerator, denominator } = point;
    await upsertObservations(
      tx,
      [{ seriesId: series.id, period: point.period, value, numerator, denominator, ghost }],
      {
        userId,
      },
    );
    return (await readObservation(tx, series.id, point.period))!;
  });
}
