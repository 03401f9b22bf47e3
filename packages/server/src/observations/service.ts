/**
 * @module observations/service
 * Reading and writing one series' points, the series checked first.
 */
import type { Database } from '../db/types.js';
import type { Page, PageRequest } from '../paging.js';
import { requireSeries } from '../series/service.js';
import type { ObservationInput, Provenance } from './input.js';
import type { MergeCounts } from './merge.js';
import { readSeriesPage, upsertObservations } from './repository.js';
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
