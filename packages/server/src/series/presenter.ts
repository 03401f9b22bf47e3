/**
 * @module series/presenter
 * The exact fields of a series the API sends.
 */
import type { Series } from './repository.js';
import type { SpcOptionsBody } from '../measures/schemas.js';
import type { SeriesView } from './schemas.js';

/** A series for the API. */
export function presentSeries(series: Series): SeriesView {
  return {
    id: series.id,
    measureId: series.measureId,
    organisationId: series.organisationId,
    unitId: series.unitId,
    spcOptions: series.spcOptions as SpcOptionsBody | null,
    createdAt: series.createdAt.toISOString(),
  };
}
