/**
 * @module exports/context
 * What every export of a series names besides its points: the series, its measure, the
 * organisation that records it and the unit (with the display FHIR reports give it).
 */
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { unitNames } from '../units/names.js';
import type { Measure } from '../measures/repository.js';
import { requireMeasure } from '../measures/service.js';
import { getOrganisation } from '../organisations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import type { Series } from '../series/repository.js';
import { requireReadableSeries } from '../series/access.js';
import { listUnits } from '../units/repository.js';
import type { Unit } from '../units/repository.js';

/** A series and what it belongs to. */
export interface SeriesContext {
  readonly series: Series;
  readonly measure: Measure;
  readonly organisation: Organisation;
  /** The unit; null for the organisation as a whole. */
  readonly unit: Unit | null;
  /** The unit's name, or its path where another unit of the organisation has the same name. */
  readonly unitDisplay: string | null;
}

/**
 * The context of a series `principal` may read.
 * @throws {DataError} `not_found` for an unknown or hidden series.
 */
export async function seriesContext(
  db: Database,
  principal: Principal,
  seriesId: string,
): Promise<SeriesContext> {
  const series = await requireReadableSeries(db, principal, seriesId);
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  // The foreign key guarantees the organisation.
  const organisation = (await getOrganisation(db, series.organisationId))!;
  if (series.unitId === null) return { series, measure, organisation, unit: null, unitDisplay: null };
  const units = await listUnits(db, organisation.id);
  const unit = units.find((candidate) => candidate.id === series.unitId)!;
  return { series, measure, organisation, unit, unitDisplay: unitNames(units).display(unit.id) ?? unit.name };
}
