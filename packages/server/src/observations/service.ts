/**
 * @module observations/service
 * Reading and writing one series' points, the series checked first.
 */
import type { Database } from '../db/types.js';
import { requireSeries } from '../series/service.js';
import type { ObservationInput, Provenance } from './input.js';
import type { MergeCounts } from './merge.js';
import { readSeries, upsertObservations } from './repository.js';
import type { Observation, PeriodRange } from './repository.js';

/** A point of one series (the series is given separately). */
export type SeriesPoint = Omit<ObservationInput, 'seriesId'>;

/** Who writes: an import, a user, or both. */
export interface WriteSource {
  readonly importId?: string | undefined;
  readonly userId?: string | undefined;
}

/**
 * A series' points in period order.
 * @throws {DataError} `not_found` for an unknown series.
 */
export async function seriesObservations(
  db: Database,
  seriesId: string,
  range: PeriodRange,
): Promise<Observation[]> {
  const series = await requireSeries(db, seriesId);
  return readSeries(db, series.id, range);
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
