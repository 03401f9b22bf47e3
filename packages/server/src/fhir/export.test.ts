import { describe, expect, it } from 'vitest';
import { toBundle, toMeasureReport } from './export.js';
import type { ReportPoint, ReportSource } from './export.js';
import { parseReport } from './parse.js';

const RECORDED = new Date('2024-04-05T09:30:00Z');

const point = (overrides: Partial<ReportPoint>): ReportPoint => ({
  period: '2024-03-01',
  value: null,
  numerator: null,
  denominator: null,
  ghost: false,
  recordedAt: RECORDED,
  ...overrides,
});

const source = (
  overrides: Partial<ReportSource['measure']> = {},
  unit: string | null = null,
): ReportSource => ({
  measure: {
    code: 'ae-4-hour',
    dataType: 'proportion',
    chartType: 'pp',
    frequency: 'month',
    unitLabel: '%',
    spcOptions: { direction: 'increase' },
    ...overrides,
  },
  organisation: { odsCode: 'RF4', name: 'Barking, Havering and Redbridge' },
  unit,
});

describe('toMeasureReport', () => {
  it('toMeasureReport(proportion) is a complete summary report with numerator and denominator counts and the fraction as score', () => {
    const report = toMeasureReport(source({}, 'Type 1 A&E'), point({ numerator: 9012, denominator: 10_250 }));
    expect(report).toEqual({
      resourceType: 'MeasureReport',
      status: 'complete',
      type: 'summary',
      measure: 'https://groundswell.example/fhir/Measure/ae-4-hour',
      subject: { display: 'Type 1 A&E' },
      date: '2024-04-05T09:30:00.000Z',
      reporter: {
        identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RF4' },
        display: 'Barking, Havering and Redbridge',
      },
      period: { start: '2024-03-01', end: '2024-03-31' },
      improvementNotation: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'increase' },
        ],
      },
      group: [
        {
          population: [
            {
              code: {
                coding: [
                  { system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'numerator' },
                ],
              },
              count: 9012,
            },
            {
              code: {
                coding: [
                  { system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'denominator' },
                ],
              },
              count: 10_250,
            },
          ],
          measureScore: { value: 9012 / 10_250 },
        },
      ],
    });
  });

  it('toMeasureReport(rate) writes a fractional exposure in the decimal extension, not in count', () => {
    const report = toMeasureReport(
      source({ code: 'falls', dataType: 'rate', chartType: 'up', unitLabel: 'falls per 1,000 bed days' }),
      point({ numerator: 4, denominator: 0.812 }),
    );
    const [numerator, denominator] = report.group![0]!.population!;
    expect(numerator!.count).toBe(4);
    expect(denominator!.count).toBeUndefined();
    expect(denominator!.extension).toEqual([
      {
        url: 'https://groundswell.example/fhir/StructureDefinition/population-decimal-count',
        valueDecimal: 0.812,
      },
    ]);
    expect(report.group![0]!.measureScore).toEqual({ value: 4 / 0.812, unit: 'falls per 1,000 bed days' });
  });

  it('toMeasureReport(value) has a measureScore only; a ghost point carries the exclusion extension; neutral has no notation', () => {
    const report = toMeasureReport(
      source({
        code: 'los',
        dataType: 'value',
        chartType: 'xmr',
        unitLabel: 'days',
        spcOptions: {},
        frequency: 'quarter',
      }),
      point({ period: '2024-04-01', value: 4.25, ghost: true }),
    );
    expect(report.group).toEqual([{ measureScore: { value: 4.25, unit: 'days' } }]);
    expect(report.extension).toEqual([
      {
        url: 'https://groundswell.example/fhir/StructureDefinition/excluded-from-calculations',
        valueBoolean: true,
      },
    ]);
    expect(report.period).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(report.improvementNotation).toBeUndefined();
    expect(report.subject).toBeUndefined();
  });

  it('toMeasureReport(a proportion with a denominator of 0) has its populations but no score', () => {
    const report = toMeasureReport(source(), point({ numerator: 0, denominator: 0 }));
    expect(report.group![0]!.measureScore).toBeUndefined();
    expect(report.group![0]!.population!.map((p) => p.count)).toEqual([0, 0]);
  });

  it('parseReport(toMeasureReport(point)) reads back the same numbers, period, unit and flag', () => {
    const cases: [ReportSource, ReportPoint][] = [
      [source({}, 'Ward 7'), point({ numerator: 45, denominator: 50 })],
      [source({ dataType: 'rate', chartType: 'u' }), point({ numerator: 3, denominator: 0.7 })],
      [source({ dataType: 'count', chartType: 'c' }), point({ value: 17, ghost: true })],
    ];
    for (const [from, p] of cases) {
      const read = parseReport(JSON.parse(JSON.stringify(toMeasureReport(from, p))), '', 0);
      expect(read).toMatchObject({
        measureCode: from.measure.code,
        unit: from.unit,
        start: p.period,
        end: '2024-03-31',
        ghost: p.ghost ? true : null,
        reporterOds: 'RF4',
      });
      if (p.value === null) expect([read.numerator, read.denominator]).toEqual([p.numerator, p.denominator]);
      else expect(read.score).toBe(p.value);
    }
  });
});

describe('toBundle', () => {
  it('toBundle(points) is a collection Bundle of one report per point, in order, stamped with the time', () => {
    const bundle = toBundle(
      source(),
      [
        point({ period: '2024-01-01', numerator: 1, denominator: 2 }),
        point({ period: '2024-02-01', numerator: 2, denominator: 2 }),
      ],
      new Date('2024-05-01T12:00:00Z'),
    );
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.timestamp).toBe('2024-05-01T12:00:00.000Z');
    expect(bundle.entry.map((e) => e.resource.period)).toEqual([
      { start: '2024-01-01', end: '2024-01-31' },
      { start: '2024-02-01', end: '2024-02-29' },
    ]);
  });
});
