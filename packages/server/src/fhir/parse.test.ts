import { describe, expect, it } from 'vitest';
import { DataError } from '../errors.js';
import { parseReports } from './parse.js';

const POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';

/** A valid summary report of a proportion, with `changes` applied. */
function report(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'MeasureReport',
    status: 'complete',
    type: 'summary',
    measure: 'https://groundswell.example/fhir/Measure/ae-4-hour',
    reporter: { identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'rf4' } },
    period: { start: '2024-03-01', end: '2024-03-31' },
    group: [
      {
        population: [
          { code: { coding: [{ system: POPULATION, code: 'initial-population' }] }, count: 120 },
          { code: { coding: [{ system: POPULATION, code: 'numerator' }] }, count: 95 },
          { code: { coding: [{ code: 'denominator' }] }, count: 100 },
        ],
        measureScore: { value: 0.95 },
      },
    ],
    ...changes,
  };
}

const bundle = (...resources: unknown[]): unknown => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

/** The DataError `parseReports(body)` throws. */
function refusal(body: unknown): DataError {
  try {
    parseReports(body, 100);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('parseReports accepted the body');
}

describe('parseReports', () => {
  it('parseReports(MeasureReport) reads the measure code, period, populations, score and reporter', () => {
    expect(parseReports(report(), 100)).toEqual([
      {
        at: '',
        index: 0,
        measureCode: 'ae-4-hour',
        unit: null,
        start: '2024-03-01',
        end: '2024-03-31',
        numerator: 95,
        denominator: 100,
        score: 0.95,
        ghost: null,
        reporterOds: 'RF4',
      },
    ]);
  });

  it('parseReports(Bundle) reads each entry with its place; partial periods and a unit subject are read', () => {
    const reports = parseReports(
      bundle(report(), report({ period: { start: '2024-04' }, subject: { display: ' Ward 7 ' } })),
      100,
    );
    expect(reports.map((r) => [r.at, r.index, r.start, r.end, r.unit])).toEqual([
      ['entry[0].resource', 0, '2024-03-01', '2024-03-31', null],
      ['entry[1].resource', 1, '2024-04-01', null, 'Ward 7'],
    ]);
  });

  it('parseReports refuses each kind of bad report naming the field where it is', () => {
    const cases: [unknown, string, RegExp][] = [
      [
        bundle(report(), report({ period: { start: 'March' } })),
        'entry[1].resource.period.start',
        /FHIR date/,
      ],
      [bundle(report({ period: { end: '2024-03-31' } })), 'entry[0].resource.period.start', /required/],
      [
        bundle(report({ period: { start: '2024-03-01', end: '2024-02-01' } })),
        'entry[0].resource.period.end',
        /before/,
      ],
      [bundle(report({ status: 'pending' })), 'entry[0].resource.status', /complete/],
      [bundle(report({ type: 'individual' })), 'entry[0].resource.type', /aggregate/],
      [
        bundle(report({ measure: 'http://x.example/Library/1' })),
        'entry[0].resource.measure',
        /canonical URL/,
      ],
      [bundle(report({ measure: 42 })), 'entry[0].resource.measure', /string/],
      [bundle(report({ subject: { reference: 'Location/1' } })), 'entry[0].resource.subject.display', /unit/],
      [bundle(report({ group: [] })), 'entry[0].resource.group', /exactly one group/],
      [
        bundle(report({ group: [{ stratifier: [{ code: {} }] }] })),
        'entry[0].resource.group[0].stratifier',
        /stratified/,
      ],
      [
        bundle(
          report({ group: [{ population: [{ code: { coding: [{ code: 'numerator' }] }, count: 1.5 }] }] }),
        ),
        'entry[0].resource.group[0].population[0].count',
        /whole number/,
      ],
      [
        bundle(report({ group: [{ population: [{ code: { coding: [{ code: 'numerator' }] } }] }] })),
        'entry[0].resource.group[0].population[0].count',
        /required/,
      ],
      [
        bundle(
          report({
            group: [
              {
                population: [
                  { code: { coding: [{ code: 'numerator' }] }, count: 1 },
                  { code: { coding: [{ code: 'numerator' }] }, count: 2 },
                ],
              },
            ],
          }),
        ),
        'entry[0].resource.group[0].population[1].code',
        /second numerator/,
      ],
      [
        bundle(
          report({
            extension: [
              { url: 'https://groundswell.example/fhir/StructureDefinition/excluded-from-calculations' },
            ],
          }),
        ),
        'entry[0].resource.extension[0].valueBoolean',
        /required/,
      ],
      [
        bundle(report(), { resourceType: 'Patient' }),
        'entry[1].resource.resourceType',
        /only MeasureReports/,
      ],
      [{ resourceType: 'Bundle', entry: [{ fullUrl: 'urn:x' }] }, 'entry[0].resource', /required/],
      [{ resourceType: 'Bundle', type: 'collection' }, 'entry', /no entries/],
      [report({ period: { start: '2024-02-30' } }), 'period.start', /FHIR date/],
    ];
    for (const [body, field, message] of cases) {
      const error = refusal(body);
      expect(error.code, field).toBe('invalid_input');
      expect(error.field, field).toBe(field);
      expect(error.message, field).toMatch(message);
      expect(error.message.startsWith(`${field}: `), error.message).toBe(true);
    }
  });

  it('parseReports refuses more reports than the limit', () => {
    const error = (() => {
      try {
        parseReports(bundle(report(), report(), report()), 2);
      } catch (e) {
        return e as DataError;
      }
      return undefined;
    })();
    expect(error?.field).toBe('entry');
    expect(error?.message).toMatch(/at most 2/);
  });
});
