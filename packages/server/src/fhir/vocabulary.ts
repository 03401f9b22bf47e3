/**
 * @module fhir/vocabulary
 * The URLs and codes of Groundswell's FHIR R4 MeasureReports: the canonical URL of a measure,
 * the NHS ODS identifier system, the HL7 code systems used and Groundswell's own extensions.
 */

/**
 * The base of Groundswell's canonical URLs. `.example` is a reserved domain: these URLs name
 * things, they are not fetched (see docs/deviations.md §10).
 */
export const FHIR_BASE = 'https://groundswell.example/fhir';

/** NHS England's identifier system for ODS organisation codes. */
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';

/** HL7's code system of measure populations (`numerator`, `denominator`…). */
export const MEASURE_POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';

/** HL7's code system of improvement notations (`increase`, `decrease`). */
export const IMPROVEMENT_NOTATION_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';

/** Extension on a MeasureReport: `valueBoolean` true leaves the point out of the SPC calculations. */
export const GHOST_EXTENSION = `${FHIR_BASE}/StructureDefinition/excluded-from-calculations`;

/**
 * Extension on a population: its size as `valueDecimal` where it is not a whole number (a rate's
 * exposure, such as bed days ÷ 1,000), since `count` is an integer.
 */
export const DECIMAL_COUNT_EXTENSION = `${FHIR_BASE}/StructureDefinition/population-decimal-count`;

/**
 * The canonical URL of a measure.
 * @example measureUrl('ae-4-hour') // 'https://groundswell.example/fhir/Measure/ae-4-hour'
 */
export function measureUrl(code: string): string {
  return `${FHIR_BASE}/Measure/${code}`;
}

const MEASURE_URL = /\/Measure\/([^/|?#]+)(?:\|[^/]*)?$/;

/**
 * The measure code of a canonical URL `…/Measure/<code>` (any base, an optional `|version`
 * ignored), or undefined when the URL does not have that form.
 * @example measureCodeOf('https://groundswell.example/fhir/Measure/ae-4-hour|2') // 'ae-4-hour'
 */
export function measureCodeOf(url: string): string | undefined {
  const match = MEASURE_URL.exec(url.trim());
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
