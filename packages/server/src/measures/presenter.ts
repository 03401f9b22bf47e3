/**
 * @module measures/presenter
 * The exact fields of a measure and a target the API sends.
 */
import type { Measure } from './repository.js';
import type { MeasureView, SpcOptionsBody, TargetView } from './schemas.js';
import type { MeasureTarget } from './targets.js';

/** A measure definition for the API. */
export function presentMeasure(measure: Measure): MeasureView {
  return {
    id: measure.id,
    ownerOrganisationId: measure.ownerOrganisationId,
    code: measure.code,
    name: measure.name,
    description: measure.description,
    unitLabel: measure.unitLabel,
    dataType: measure.dataType,
    chartType: measure.chartType,
    spcOptions: measure.spcOptions as SpcOptionsBody,
    domain: measure.domain,
    owner: measure.owner,
    source: measure.source,
    visibility: measure.visibility,
    frequency: measure.frequency,
    createdAt: measure.createdAt.toISOString(),
    updatedAt: measure.updatedAt.toISOString(),
  };
}

/** A step of a target timeline for the API. */
export function presentTarget(target: MeasureTarget): TargetView {
  return {
    id: target.id,
    measureId: target.measureId,
    organisationId: target.organisationId,
    effectiveFrom: target.effectiveFrom,
    value: target.value,
  };
}
