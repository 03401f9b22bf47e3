/**
 * @module exports/presenter
 * A series export as JSON: the analysis exactly as `GET /series/:id/analysis` sends it, with the
 * organisation, unit, stored points, annotations and provenance.
 */
import { presentSeriesAnalysis } from '../analysis/presenter.js';
import { presentAnnotation } from '../annotations/presenter.js';
import { measureUrl } from '../fhir/vocabulary.js';
import { presentImport } from '../imports/presenter.js';
import { presentObservation } from '../observations/presenter.js';
import { presentOrganisation } from '../organisations/presenter.js';
import { presentUnit } from '../units/presenter.js';
import type { SeriesExportView } from './schemas.js';
import type { SeriesExport } from './service.js';

/** What made the file. */
export const GENERATOR = 'Groundswell series export';

/** A series export for the API. */
export function presentSeriesExport(data: SeriesExport): SeriesExportView {
  return {
    ...presentSeriesAnalysis(data.analysis),
    generatedAt: data.generatedAt.toISOString(),
    organisation: presentOrganisation(data.organisation),
    unit: data.unit === null ? null : presentUnit(data.unit),
    observations: data.observations.map(presentObservation),
    annotations: data.annotations.map(presentAnnotation),
    provenance: {
      source: data.measure.source,
      visibility: data.measure.visibility,
      measureUrl: measureUrl(data.measure.code),
      generator: GENERATOR,
      imports: data.imports.map((row) => presentImport(row)),
    },
  };
}
