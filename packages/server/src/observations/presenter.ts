/**
 * @module observations/presenter
 * The exact fields of a stored point the API sends.
 */
import type { Observation } from './repository.js';
import type { ObservationView } from './schemas.js';

/** A stored point for the API. */
export function presentObservation(observation: Observation): ObservationView {
  return {
    period: observation.period,
    value: observation.value,
    numerator: observation.numerator,
    denominator: observation.denominator,
    ghost: observation.ghost,
    importId: observation.importId,
    recordedBy: observation.recordedBy,
    recordedAt: observation.recordedAt.toISOString(),
  };
}
