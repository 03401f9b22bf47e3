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
  it('analyse(xmr on proportions) plots numerator ÷ denominator', () => {
    const points = PERIODS.map((p, i) => point(p, null, 10 + i, 100));
    const result = analyse({ chartType: 'xmr', dataType: 'proportion', options: {}, points });
    const direct = xmr({ values: [0.1, 0.11, 0.12, 0.13], periods: PERIODS, ghosts: GHOSTS });
    expect(JSON.stringify(result)).toBe(JSON.stringify(direct));
  });

  it('analyse(c on counts) and analyse(run) call the matching engine chart', () => {
    const points = PERIODS.map((p, i) => point(p, 3 + i));
    const c = analyse({ chartType: 'c', dataType: 'count', options: {}, points });
    expect(JSON.stringify(c)).toBe(
      JSON.stringify(attributeChart('c', { numerators: [3, 4, 5, 6], periods: PERIODS, ghosts: GHOSTS })),
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

  it('plottable(type, points) leaves out points without the numbers their type needs', () => {
    expect(plottable('value', [point('2024-01-01', null), point('2024-02-01', 1)])).toHaveLength(1);
    expect(
      plottable('rate', [point('2024-01-01', null, 1, null), point('2024-02-01', null, 1, 2)]),
    ).toHaveLength(1);
  });
});
