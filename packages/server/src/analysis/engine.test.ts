import { attributeChart, gChart, runChart, xmr } from '@groundswell/spc';
import { describe, expect, it } from 'vitest';
import { analyse, plottable } from './engine.js';
import type { StoredPoint } from './engine.js';

const point = (
  period: string,
  value: number | null,
  numerator: number | null = null,
  denominator: number | null = null,
): StoredPoint => ({
  period,
  value,
  numerator,
  denominator,
  ghost: false,
});
const PERIODS = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'];
const GHOSTS = [false, false, false, false];

describe('analyse', () => {
  // Four points: limits need a minimum of four here, else the chart is a run chart (below).
  const FOUR = { minimumPoints: 4 };

  it('analyse(xmr on proportions) plots numerator ÷ denominator', () => {
    const points = PERIODS.map((p, i) => point(p, null, 10 + i, 100));
    const result = analyse({ chartType: 'xmr', dataType: 'proportion', options: FOUR, points });
    const direct = xmr({ values: [0.1, 0.11, 0.12, 0.13], periods: PERIODS, ghosts: GHOSTS }, FOUR);
    expect(JSON.stringify(result)).toBe(JSON.stringify(direct));
  });

  it('analyse(c on counts) and analyse(run) call the matching engine chart', () => {
    const points = PERIODS.map((p, i) => point(p, 3 + i));
    const c = analyse({ chartType: 'c', dataType: 'count', options: FOUR, points });
    expect(JSON.stringify(c)).toBe(
      JSON.stringify(
        attributeChart('c', { numerators: [3, 4, 5, 6], periods: PERIODS, ghosts: GHOSTS }, FOUR),
      ),
    );
    const run = analyse({ chartType: 'run', dataType: 'count', options: {}, points });
    expect(JSON.stringify(run)).toBe(
      JSON.stringify(runChart({ values: [3, 4, 5, 6], periods: PERIODS, ghosts: GHOSTS })),
    );
  });

  it('analyse(g on events) takes each day’s value as the cases between events', () => {
    const points = PERIODS.map((p, i) => point(p, 20 + i));
    const g = analyse({ chartType: 'g', dataType: 'events', options: {}, points });
    expect(JSON.stringify(g)).toBe(
      JSON.stringify(gChart({ values: [20, 21, 22, 23], periods: PERIODS, ghosts: GHOSTS })),
    );
  });

  it('with too few points for limits (mdc) an XmR or attribute chart is a run chart on the median, saying why', () => {
    const values = [5, 7, 6, 8, 9, 8, 10, 11];
    const periods = values.map((_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`);
    const ghosts = values.map((_, i) => i === 2);
    const points = values.map((v, i) => ({ ...point(periods[i]!, v), ghost: ghosts[i]! }));
    const options = { direction: 'increase' as const };
    const result = analyse({ chartType: 'xmr', dataType: 'value', options, points });
    const direct = runChart({ values, periods, ghosts }, options);
    expect(result.chart).toBe('run');
    expect(result.points).toEqual(direct.points);
    expect(result.summary).toEqual(direct.summary);
    expect(result.summary.limitsShown).toBe(false);
    expect(result.summary.runs?.n).toBeGreaterThan(0);
    expect(result.points[0]!.mean).toBe(8); // the median of the seven non-ghosted values
    expect(result.warnings[0]).toMatchObject({ code: 'too_few_points' });
    expect(result.warnings[0]!.message).toMatch(/^7 points: at least 13 are needed/);

    // Proportions: the run chart is of numerator ÷ denominator.
    const fractions = values.map((v, i) => point(periods[i]!, null, v, 20));
    const p = analyse({ chartType: 'pp', dataType: 'proportion', options: {}, points: fractions });
    expect(p.chart).toBe('run');
    expect(p.points.map((q) => q.value)).toEqual(values.map((v) => v / 20));
  });

  it('keeps the engine’s own behaviour with enough points, trial limits (nhsr), T and G charts, or a zero denominator', () => {
    const points = PERIODS.map((p, i) => point(p, 3 + i));
    expect(analyse({ chartType: 'xmr', dataType: 'value', options: { preset: 'nhsr' }, points }).chart).toBe(
      'xmr',
    );
    expect(analyse({ chartType: 'g', dataType: 'events', options: {}, points }).chart).toBe('g');
    const zero = PERIODS.map((p, i) => point(p, null, i === 0 ? 0 : 1, i === 0 ? 0 : 4));
    // The engine's own refusal, not a run chart of 0 ÷ 0.
    expect(() => analyse({ chartType: 'u', dataType: 'rate', options: {}, points: zero })).toThrow(
      /denominators\[0\] is 0/,
    );
    const ghostsOnly = PERIODS.map((p) => ({ ...point(p, 1), ghost: true }));
    expect(analyse({ chartType: 'xmr', dataType: 'value', options: {}, points: ghostsOnly }).chart).toBe(
      'xmr',
    );
    expect(analyse({ chartType: 'xmr', dataType: 'value', options: {}, points: [] }).chart).toBe('xmr');
  });

  it('plottable(type, points) leaves out points without the numbers their type needs', () => {
    expect(plottable('value', [point('2024-01-01', null), point('2024-02-01', 1)])).toHaveLength(1);
    expect(
      plottable('rate', [point('2024-01-01', null, 1, null), point('2024-02-01', null, 1, 2)]),
    ).toHaveLength(1);
  });
});
