/**
 * Warnings returned with an analysis (spc-method.md §1 "Minimum points", "Shift and trend
 * lengths", §6). Warnings are data, never errors.
 */
import { describe, expect, it } from 'vitest';
import type { SpcAnalysis, SpcOptions, WarningCode } from './types.js';
import { xmr } from './xmr.js';

const VALUES = [5, 7, 6, 8, 7, 6, 9, 7, 8, 6, 7, 8, 7];
const codes = (a: SpcAnalysis): WarningCode[] => a.warnings.map((w) => w.code);
const warned = (options: SpcOptions, values: readonly number[] = VALUES): WarningCode[] =>
  codes(xmr({ values }, options));

describe('xmr() warnings: run lengths outside 6–8', () => {
  it.each([6, 7, 8])('none for a shift or trend of %i', (length) => {
    expect(warned({ shiftLength: length, trendLength: length })).toEqual([]);
  });

  it('unusual_shift_length for 5 and for 9', () => {
    expect(warned({ shiftLength: 5 })).toEqual(['unusual_shift_length']);
    expect(warned({ shiftLength: 9 })).toEqual(['unusual_shift_length']);
  });

  it('unusual_trend_length for 5 and for 9', () => {
    expect(warned({ trendLength: 5 })).toEqual(['unusual_trend_length']);
    expect(warned({ trendLength: 9 })).toEqual(['unusual_trend_length']);
  });

  it('names the length in the message', () => {
    expect(xmr({ values: VALUES }, { shiftLength: 9 }).warnings[0]!.message).toContain('9');
  });
});

describe('xmr() warnings: short partitions and missing limits', () => {
  it('mdc: too_few_points (and nothing else) for a run chart', () => {
    expect(warned({}, VALUES.slice(0, 5))).toEqual(['too_few_points']);
  });

  it('mdc: short_partition for a partition that sets its limits from fewer than 12 points', () => {
    // 13 points, then a rebase and 11 more: partition 2 has 11.
    const values = [...VALUES, ...VALUES.slice(0, 11)];
    const a = xmr({ values, rebases: values.map((_v, i) => i === 13) });
    expect(a.warnings).toEqual([expect.objectContaining({ code: 'short_partition', partition: 2 })]);
  });

  it('mdc: no short_partition for a 12-point partition, nor for one that inherits a baseline', () => {
    const values = [...VALUES, ...VALUES.slice(0, 12)];
    expect(codes(xmr({ values, rebases: values.map((_v, i) => i === 13) }))).toEqual([]);
    expect(codes(xmr({ values: [...VALUES, 7, 7] }, { baseline: { points: 13 } }))).toEqual([]);
  });

  it('mdc: short_partition for a baseline of fewer than 12 points', () => {
    const a = xmr({ values: VALUES }, { baseline: { points: 11 } });
    expect(a.warnings).toEqual([expect.objectContaining({ code: 'short_partition', partition: 1 })]);
  });

  it('no_limits for a one-point partition (no moving range)', () => {
    const values = [...VALUES, 7];
    const a = xmr({ values, rebases: values.map((_v, i) => i === 13) });
    expect(a.warnings).toEqual([expect.objectContaining({ code: 'no_limits', partition: 2 })]);
    expect(a.points[13]!.mean).toBe(7);
    expect(a.points[13]!.upperLimit).toBeNull();
  });

  it('nhsr: trial_limits on every partition of fewer than 13 points', () => {
    const values = [...VALUES, ...VALUES.slice(0, 12)];
    const a = xmr({ values, rebases: values.map((_v, i) => i === 13) }, { preset: 'nhsr' });
    expect(a.warnings).toEqual([expect.objectContaining({ code: 'trial_limits', partition: 2 })]);
  });

  it('nhsr: trial_limits counts non-ghosted points', () => {
    const a = xmr({ values: VALUES, ghosts: VALUES.map((_v, i) => i === 4) }, { preset: 'nhsr' });
    expect(codes(a)).toEqual(['trial_limits']);
  });
});

describe('xmr() warnings: targets', () => {
  it('target_ignored when a target is given without an improvement direction', () => {
    expect(warned({ target: 5 })).toEqual(['target_ignored']);
    expect(codes(xmr({ values: VALUES, targets: VALUES.map(() => 5) }))).toEqual(['target_ignored']);
    expect(warned({ target: 5, direction: 'increase' })).toEqual([]);
  });
});
