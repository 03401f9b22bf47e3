import { attributeChart, tChart, xmr } from '@groundswell/spc';
import { describe, expect, it } from 'vitest';
import type { StoredPoint } from '../analysis/engine.js';
import { months } from '../test-support/fixtures.js';
import { seriesCard, sparkline, summaryMatrix, targetAt } from './cards.js';
import type { CardInput } from './cards.js';

/** A centre line or limit as the sparkline carries it: 6 significant figures (null stays null). */
const drawn = (value: number | null): number | null => (value === null ? null : Number(value.toPrecision(6)));

const VALUES = [12, 15, 11, 14, 13, 16, 12, 18, 21, 22, 19, 23, 24, 22, 25, 26, 24, 27, 29, 28];
const PERIODS = months(VALUES.length);

const valuePoint = (period: string, value: number | null, ghost = false): StoredPoint => ({
  period,
  value,
  numerator: null,
  denominator: null,
  ghost,
});

function input(overrides: Partial<CardInput> = {}): CardInput {
  return {
    chartType: 'xmr',
    dataType: 'value',
    spcOptions: { direction: 'increase' },
    points: PERIODS.map((period, i) => valuePoint(period, VALUES[i]!, i === 3)),
    targets: [],
    annotations: new Map(),
    ...overrides,
  };
}

describe('seriesCard', () => {
  it('has the icons, warnings and lines of the engine on the same points, targets and options', () => {
    const targets = [
      { effectiveFrom: '2019-01-01', value: 20 },
      { effectiveFrom: '2021-01-01', value: 25 },
    ];
    const card = seriesCard(
      input({
        targets,
        annotations: new Map([
          ['2020-03-01', 2],
          ['2019-01-01', 1],
        ]),
      }),
    );
    const direct = xmr(
      {
        values: VALUES,
        periods: PERIODS,
        ghosts: VALUES.map((_, i) => i === 3),
        targets: PERIODS.map((period) => (period < '2021-01-01' ? 20 : 25)),
      },
      { direction: 'increase' },
    );
    expect(card).toMatchObject({
      direction: 'increase',
      pointCount: 20,
      latest: valuePoint('2021-08-01', 28),
      target: 25,
      variation: direct.summary.variation,
      assurance: direct.summary.assurance,
      annotationCount: 3,
    });
    expect(card.warnings).toEqual(direct.warnings.map(({ code, message }) => ({ code, message })));
    const line = sparkline(card.spark, 60);
    expect(line.offset).toBe(0);
    expect(line.periods).toEqual(PERIODS);
    expect(line.values).toEqual(VALUES);
    expect(line.mean).toEqual(direct.points.map((p) => p.mean).map(drawn));
    expect(line.lower).toEqual(direct.points.map((p) => p.lowerLimit).map(drawn));
    expect(line.upper).toEqual(direct.points.map((p) => p.upperLimit).map(drawn));
    expect(line.target).toEqual(direct.points.map((p) => p.target));
    const indexesOf = (test: (type: string) => boolean): number[] =>
      direct.points.flatMap((p, i) => (test(p.pointType) ? [i] : []));
    expect(line.improvement).toEqual(indexesOf((t) => t === 'improvement'));
    expect(line.improvement.length).toBeGreaterThan(0);
    expect(line.concern).toEqual(indexesOf((t) => t === 'concern'));
    expect(line.neither).toEqual(indexesOf((t) => t.startsWith('neither')));
    expect(line.ghosts).toEqual([3]);
    expect(line.annotated).toEqual([2]);
  });

  it('shows neither-direction signals with a neutral direction, and no target line without targets', () => {
    const card = seriesCard(input({ spcOptions: {} }));
    expect(card.direction).toBe('neutral');
    expect(card.variation).toBe('neither_high');
    const line = sparkline(card.spark, 60);
    expect(line.neither.length).toBeGreaterThan(0);
    expect([line.improvement, line.concern]).toEqual([[], []]);
    expect(line.target).toBeNull();
    expect(card.target).toBeNull();
  });

  it('counts every stored point but plots only those with the numbers their type needs', () => {
    const points = PERIODS.slice(0, 15).map((period, i) => ({
      period,
      value: null,
      numerator: 40 + i,
      denominator: i === 14 ? null : 100,
      ghost: false,
    }));
    const card = seriesCard(input({ chartType: 'p', dataType: 'proportion', spcOptions: {}, points }));
    expect(card.pointCount).toBe(15);
    expect(card.latest).toEqual(points[14]);
    const direct = attributeChart('p', {
      numerators: points.slice(0, 14).map((p) => p.numerator),
      denominators: points.slice(0, 14).map(() => 100),
      periods: PERIODS.slice(0, 14),
      ghosts: points.slice(0, 14).map(() => false),
    });
    const line = sparkline(card.spark, 60);
    expect(line.values).toEqual(direct.points.map((p) => p.value));
    expect(line.upper).toEqual(direct.points.map((p) => p.upperLimit).map(drawn));
  });

  it('T charts: the sparkline is of days between events, dated by each later event, without targets', () => {
    const days = ['2024-01-03', '2024-01-20', '2024-02-11', '2024-03-01'];
    const card = seriesCard(
      input({
        chartType: 't',
        dataType: 'events',
        spcOptions: {},
        points: days.map((day, i) => valuePoint(day, i === 2 ? 2 : 1)),
        targets: [{ effectiveFrom: '2024-01-01', value: 30 }],
      }),
    );
    const direct = tChart({ dates: ['2024-01-03', '2024-01-20', '2024-02-11', '2024-02-11', '2024-03-01'] });
    const line = sparkline(card.spark, 60);
    expect(line.periods).toEqual(direct.points.map((p) => p.period));
    expect(line.values).toEqual(direct.points.map((p) => p.value));
    expect(line.target).toBeNull();
    expect(card.target).toBe(30);
  });

  it('a series the engine refuses gets no icons and a not_analysed warning instead of failing', () => {
    const points = PERIODS.slice(0, 3).map((period, i) => ({
      period,
      value: null,
      numerator: i,
      denominator: i === 0 ? 0 : 10,
      ghost: false,
    }));
    const card = seriesCard(
      input({ chartType: 'u', dataType: 'rate', spcOptions: { direction: 'decrease' }, points }),
    );
    expect(card).toMatchObject({ variation: 'none', assurance: null, direction: 'decrease', pointCount: 3 });
    expect(card.warnings).toEqual([
      { code: 'not_analysed', message: expect.stringMatching(/^the data cannot be analysed: /) as string },
    ]);
    expect(sparkline(card.spark, 60).values).toEqual([]);
  });

  it('an empty series has no latest point, no target and nothing to draw', () => {
    const card = seriesCard(input({ points: [], targets: [{ effectiveFrom: '2020-01-01', value: 1 }] }));
    expect(card).toMatchObject({ pointCount: 0, latest: null, target: null, variation: 'none' });
    expect(sparkline(card.spark, 60)).toMatchObject({ offset: 0, values: [], target: null });
  });
});

describe('sparkline', () => {
  it('shows the latest points, with indexes into what is shown and the offset of the first', () => {
    const card = seriesCard(input({ annotations: new Map([[PERIODS[19]!, 1]]) }));
    const all = sparkline(card.spark, 60);
    const last = sparkline(card.spark, 5);
    expect(last.offset).toBe(15);
    expect(last.values).toEqual(VALUES.slice(15));
    expect(last.periods).toEqual(PERIODS.slice(15));
    expect(last.upper).toEqual(all.upper.slice(15));
    expect(last.improvement).toEqual(all.improvement.filter((i) => i >= 15).map((i) => i - 15));
    expect(last.annotated).toEqual([4]);
    expect(sparkline(card.spark, 0)).toMatchObject({ offset: 20, values: [], improvement: [] });
  });
});

describe('summaryMatrix', () => {
  it('has every variation × assurance cell in order, each with its series', () => {
    const matrix = summaryMatrix([
      { id: 'a', variation: 'improvement_high', assurance: 'pass' },
      { id: 'b', variation: 'common_cause', assurance: null },
      { id: 'c', variation: 'improvement_high', assurance: 'pass' },
    ]);
    expect(matrix).toHaveLength(32);
    expect(matrix[0]).toEqual({
      variation: 'improvement_high',
      assurance: 'pass',
      count: 2,
      seriesIds: ['a', 'c'],
    });
    expect(matrix.slice(0, 4).map((cell) => cell.assurance)).toEqual(['pass', 'hit_or_miss', 'fail', null]);
    expect(
      matrix.find((cell) => cell.variation === 'common_cause' && cell.assurance === null)?.seriesIds,
    ).toEqual(['b']);
    expect(matrix.at(-1)).toEqual({ variation: 'none', assurance: null, count: 0, seriesIds: [] });
  });
});

describe('targetAt', () => {
  it('is the value of the last step on or before the period, null before the first or where unset', () => {
    const timeline = [
      { effectiveFrom: '2020-04-01', value: 0.95 },
      { effectiveFrom: '2023-04-01', value: null },
    ];
    expect(targetAt(timeline, '2020-03-31')).toBeNull();
    expect(targetAt(timeline, '2020-04-01')).toBe(0.95);
    expect(targetAt(timeline, '2023-04-01')).toBeNull();
    expect(targetAt([], '2020-04-01')).toBeNull();
  });
});
