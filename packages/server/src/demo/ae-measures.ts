/**
 * @module demo/ae-measures
 * The shared (national) A&E measures of the demo: every provider records them the same way, so
 * their data are comparable across organisations.
 */
import type { NewMeasure } from '../measures/input.js';

export const AE_SOURCE =
  'NHS England, A&E Waiting Times and Activity (via NHSRdatasets 0.3.3), Open Government Licence v3.0';

/** The four shared measures; `code` is the stable key. */
export const AE_MEASURES = {
  attendances: {
    ownerOrganisationId: null,
    code: 'ae-attendances',
    name: 'A&E attendances',
    description: 'Patients who attended the A&E department in the month.',
    unitLabel: 'attendances',
    dataType: 'count',
    chartType: 'xmr',
    spcOptions: { direction: 'neutral' },
    domain: 'effectiveness',
    source: AE_SOURCE,
    visibility: 'public',
    frequency: 'month',
  },
  fourHour: {
    ownerOrganisationId: null,
    code: 'ae-4-hour',
    name: 'A&E 4-hour performance',
    description:
      'Share of A&E attendances admitted, transferred or discharged within 4 hours of arrival (attendances minus 4-hour breaches, out of attendances). The national standard is 95%.',
    unitLabel: '%',
    dataType: 'proportion',
    chartType: 'pp',
    spcOptions: { direction: 'increase' },
    domain: 'effectiveness',
    source: AE_SOURCE,
    visibility: 'public',
    frequency: 'month',
  },
  admissions: {
    ownerOrganisationId: null,
    code: 'ae-admissions',
    name: 'Emergency admissions via A&E',
    description: 'Patients admitted to hospital from the A&E department in the month.',
    unitLabel: 'admissions',
    dataType: 'count',
    chartType: 'xmr',
    spcOptions: { direction: 'neutral' },
    domain: 'effectiveness',
    source: AE_SOURCE,
    visibility: 'public',
    frequency: 'month',
  },
  conversion: {
    ownerOrganisationId: null,
    code: 'ae-conversion',
    name: 'A&E conversion rate',
    description: 'Share of A&E attendances admitted to hospital (admissions out of attendances).',
    unitLabel: '%',
    dataType: 'proportion',
    chartType: 'pp',
    spcOptions: { direction: 'neutral' },
    domain: 'effectiveness',
    source: AE_SOURCE,
    visibility: 'public',
    frequency: 'month',
  },
} as const satisfies Record<string, NewMeasure>;

/** The 4-hour standard, from the start of the data. */
export const FOUR_HOUR_TARGET = { effectiveFrom: '2016-04-01', value: 0.95 } as const;

/** A&E department types, as units of each provider. */
export const DEPARTMENT_TYPES: Readonly<Record<string, string>> = {
  '1': 'Type 1 A&E (major emergency department)',
  '2': 'Type 2 A&E (single specialty)',
  other: 'Other A&E (urgent treatment centre, minor injury unit)',
};
