import { describe, expect, it } from 'vitest';
import { denominatorScale, xLabelIndices, yScale } from './axis.js';
import { formatNumber, periodFormatter } from './format.js';
import { months } from './test-support/series.js';
import { textWidth } from './text.js';

describe('xLabelIndices', () => {
  it('labels every point when there is room', () => {
    const periods = months('2024-01', 6);
    const labels = periods.map(periodFormatter(periods));
    expect(xLabelIndices(periods, labels, 100, 11)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('thins labels so they do not overlap, on months that divide the year', () => {
    const periods = months('2022-03', 36);
    const labels = periods.map(periodFormatter(periods));
    const step = 18;
    const shown = xLabelIndices(periods, labels, step, 11);
    expect(shown.length).toBeLessThan(36);
    expect(shown.length).toBeGreaterThan(4);
    for (let k = 1; k < shown.length; k++) {
      const gap = (shown[k]! - shown[k - 1]!) * step;
      const half = (textWidth(labels[shown[k]!]!, 11) + textWidth(labels[shown[k - 1]!]!, 11)) / 2;
      expect(gap).toBeGreaterThanOrEqual(half);
    }
    // Every shown month is a multiple of the step from January.
    const k = shown[1]! - shown[0]!;
    expect(12 % k).toBe(0);
    for (const i of shown) expect((Number(periods[i]!.slice(5, 7)) - 1) % k).toBe(0);
  });

  it('thins other series evenly', () => {
    const periods = Array.from({ length: 100 }, (_, i) => i);
    const labels = periods.map(String);
    const shown = xLabelIndices(periods, labels, 5, 11);
    expect(shown[0]).toBe(0);
    expect(new Set(shown.slice(1).map((v, i) => v - shown[i]!)).size).toBe(1);
  });
});

describe('yScale', () => {
  it('covers every value with nice ticks, ignoring absent ones', () => {
    const y = yScale([13.2, null, 47.9, 20], 100, 300);
    const [lo, hi] = y.scale.domain() as [number, number];
    expect(lo).toBeLessThanOrEqual(13.2);
    expect(hi).toBeGreaterThanOrEqual(47.9);
    expect(y.ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of y.ticks) expect(Number.isInteger(t / 5) || Number.isInteger(t / 2)).toBe(true);
    expect(y.scale(lo)).toBe(300);
    expect(y.scale(hi)).toBe(100);
  });

  it('does not go below zero for non-negative values, and copes with a constant series', () => {
    expect(yScale([0, 1, 2], 0, 200).scale.domain()[0]).toBe(0);
    const [lo, hi] = yScale([5, 5], 0, 200).scale.domain() as [number, number];
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
  });
});

describe('denominatorScale', () => {
  const label = (v: number): string => formatNumber(v);

  it('is linear from 0 when the denominators are within 50 times of each other', () => {
    const x = denominatorScale([100, 2000, 4999], 50, 750, label, 11);
    expect(x.log).toBe(false);
    expect(x.scale(0)).toBe(50);
    expect(x.scale(4999)).toBeLessThan(750);
    expect(x.scale(4999)).toBeGreaterThan(720);
    expect(x.ticks[0]).toBe(0);
  });

  it('is logarithmic when the largest denominator is more than 50 times the smallest', () => {
    const x = denominatorScale([12, 80, 5000], 50, 750, label, 11);
    expect(x.log).toBe(true);
    expect(x.scale(12)).toBeGreaterThan(50);
    expect(x.scale(5000)).toBeLessThan(750);
    expect(x.scale(1000) - x.scale(100)).toBeCloseTo(x.scale(100) - x.scale(10), 6);
    expect(x.ticks).toEqual([20, 50, 100, 200, 500, 1000, 2000, 5000]);
    expect(denominatorScale([1, 50], 0, 700, label, 11).log).toBe(false);
  });

  it('keeps tick labels apart', () => {
    for (const [ds, width] of [
      [[3, 2_000_000], 300],
      [[10, 990_000], 700],
      [[1000, 1_234_567], 200],
    ] as const) {
      const x = denominatorScale(ds, 0, width, label, 11);
      for (let k = 1; k < x.ticks.length; k++) {
        const gap = x.scale(x.ticks[k]!) - x.scale(x.ticks[k - 1]!);
        const half = (textWidth(label(x.ticks[k]!), 11) + textWidth(label(x.ticks[k - 1]!), 11)) / 2;
        expect(gap).toBeGreaterThanOrEqual(half);
      }
      expect(x.ticks.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('yScale options', () => {
  it('writes percentages and stays at or below a maximum no value exceeds', () => {
    const y = yScale([0.2, 0.99, 1], 0, 300, { percent: true, max: 1 });
    expect(y.scale.domain()[1]).toBe(1);
    expect(y.ticks.map(y.format)).toContain('100%');
    expect(yScale([0.2, 1.2], 0, 300, { max: 1 }).scale.domain()[1]).toBeGreaterThan(1.2);
  });
});
