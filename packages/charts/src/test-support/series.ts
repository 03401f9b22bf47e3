/**
 * @module test-support/series
 * Small hand-made series for the tests.
 */

/** `n` first-of-month ISO dates starting at `from` (`YYYY-MM`). */
export function months(from: string, n: number): string[] {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 10));
}

/** `n` flags, true at the given indices. */
export function flags(n: number, ...at: number[]): boolean[] {
  return Array.from({ length: n }, (_, i) => at.includes(i));
}

/** Stable: 15 points around 10, only common cause. */
export const STABLE = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 10];

/** 10 points around 10 then 7 around 14: the last 7 are a shift above the mean (from index 10). */
export const SHIFT_UP = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 14, 14.5, 13.5, 14, 14.5, 13.5, 14];

/** 11 points around 10 then a rising trend of 7 points (from index 11). */
export const TREND_UP = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 9.2, 9.6, 10, 10.4, 10.8, 11.2];

/** Stable, then a last point far above the upper limit. */
export const SPIKE = [...STABLE, 30];
