/**
 * @module fhir/service
 * A series as a FHIR Bundle of MeasureReports.
 */
import { effectiveSpcOptions } from '../analysis/options.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { seriesContext } from '../exports/context.js';
import { readSeries } from '../observations/repository.js';
import { toBundle } from './export.js';
import type { ReportBundle } from './export.js';

/**
 * Every stored point of a series `principal` may read as a summary MeasureReport, in a collection
 * Bundle.
 * @throws {DataError} `not_found` for an unknown or hidden series.
 */
export async function seriesBundle(
  db: Database,
  principal: Principal,
  seriesId: string,
): Promise<ReportBundle> {
  const context = await seriesContext(db, principal, seriesId);
  const points = await readSeries(db, context.series.id);
  // The series' own SPC options (its improvement direction) over the measure's.
  const measure = {
    ...context.measure,
    spcOptions: effectiveSpcOptions(context.measure.spcOptions, context.series.spcOptions),
  };
  return toBundle(
    { measure, organisation: context.organisation, unit: context.unitDisplay },
    points,
    new Date(),
  );
}
