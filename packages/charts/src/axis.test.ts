import { describe, expect, it } from 'vitest';
import { xLabelIndices, yScale } from './axis.js';
import { periodFormatter } from './format.js';
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
