/**
 * runChart(): run charts with Anhøj's rules (spc-method.md §4) on tiny hand-made series — the
 * median, the useful observations, the longest run and the crossings against their thresholds.
 */
import { describe, expect, it } from 'vitest';
import { crossingsMin, longestRunMax, runChart } from './run-chart.js';
import type { RunsSummary, SpcAnalysis, SpcOptions, SpcPoint } from './types.js';

const L = 1;
const H = 3;
/** Sides spelt out as values: L = 1 and H = 3, so that with as many of each the median is 2. */
const sides = (spec: string): number[] => spec.split('').map((c) => (c === 'H' ? H : L));

const runsOf = (a: SpcAnalysis): RunsSummary => a.summary.runs!;
const figures = (r: RunsSummary): unknown[] => [
  r.n,
  r.longestRun,
  r.longestRunMax,
  r.crossings,
  r.crossingsMin,
  r.signal,
];
const shifts = (a: SpcAnalysis): unknown[] => a.points.map((p) => p.shift);
const limitsOf = (p: SpcPoint): unknown[] => [
  p.lowerLimit,
  p.upperLimit,
  p.lower2Sigma,
  p.upper2Sigma,
  p.lower1Sigma,
  p.upper1Sigma,
];

/** round(log2 n) + 3 in integers: round(log2 n) = k exactly when 2^(2k−1) ≤ n² < 2^(2k+1). */
function independentLongestRunMax(n: number): number {
  let k = 0;
  while (2 ** (2 * k + 1) <= n * n) k++;
  return k + 3;
}

/** The smallest k with P(X ≤ k) ≥ 0.05 for X ~ Binomial(n − 1, ½), exactly: 20·Σ C(m, j) ≥ 2^m. */
function independentCrossingsMin(n: number): number {
  const m = n - 1;
  const total = 2n ** BigInt(m);
  let c = 1n; // C(m, 0)
  let sum = 0n;
  for (let k = 0; k <= m; k++) {
    sum += c;
    if (20n * sum >= total) return k;
    c = (c * BigInt(m - k)) / BigInt(k + 1);
  }
  return m;
}

describe('the centre line is the median of the non-ghosted points', () => {
  it('odd n: the middle value (3 1 4 1 5 → 1 1 3 4 5 → 3)', () => {
    const a = runChart({ values: [3, 1, 4, 1, 5] });
    expect(a.points.map((p) => p.mean)).toEqual([3, 3, 3, 3, 3]);
    expect(a.summary.mean).toBe(3);
    expect(a.partitions[0]!.mean).toBe(3);
  });

  it('even n: the average of the two middle values (3 1 4 1 5 9 → 1 1 3 4 5 9 → 3.5)', () => {
    expect(runChart({ values: [3, 1, 4, 1, 5, 9] }).summary.mean).toBe(3.5);
  });

  it('ghosts are left out of the median (5 6 4 7 + a ghosted 100: median 5.5, not 6)', () => {
    const a = runChart({ values: [5, 6, 4, 100, 7], ghosts: [false, false, false, true, false] });
    expect(a.summary.mean).toBe(5.5);
    expect(a.summary.n).toBe(4);
  });
});

describe('the useful observations: points on the median and ghosts are dropped', () => {
  /*
   * 5 6 4 5 6 6 5 7 5: sorted 4 5 5 5 5 6 6 6 7, median 5. The four 5s are dropped, leaving
   * 6 4 6 6 7 = H L H H H: n = 5, runs H | L | HHH, longest 3, crossings 2. The dropped 5 at point 6
   * does not break the run 6 6 (5) 7. Thresholds for n = 5: round(log2 5) + 3 = round(2.32) + 3 = 5;
   * Binomial(4, ½): P(X ≤ 0) = 1/16 = 0.0625 ≥ 0.05 → 0 crossings at least. No signal.
   */
  it('counts neither the points on the median nor lets them break a run', () => {
    const a = runChart({ values: [5, 6, 4, 5, 6, 6, 5, 7, 5] });
    expect(a.summary.mean).toBe(5);
    expect(figures(runsOf(a))).toEqual([5, 3, 5, 2, 0, false]);
  });

  it('a ghost does not break a run, whatever its value', () => {
    // A ghosted 0 inside the run 6 6 (5) 7: still one run of 3 above.
    const a = runChart({
      values: [5, 6, 4, 5, 6, 0, 6, 5, 7, 5],
      ghosts: [false, false, false, false, false, true, false, false, false, false],
    });
    expect(a.summary.mean).toBe(5);
    expect(figures(runsOf(a))).toEqual([5, 3, 5, 2, 0, false]);
    expect(a.points[5]!.shift).toBeNull();
  });

  it('a point on the median between two sides does not hide the crossing', () => {
    // 1 2 3 1 3, median 2: L (2) H L H — the 2 is dropped and L → H is still a crossing: n = 4,
    // 3 crossings; round(log2 4) + 3 = 5; Binomial(3, ½): P(X ≤ 0) = 0.125 → 0.
    const a = runChart({ values: [1, 2, 3, 1, 3] });
    expect(figures(runsOf(a))).toEqual([4, 1, 5, 3, 0, false]);
  });
});

describe("the thresholds: longest run > round(log2 n) + 3, crossings < Binomial(n − 1, ½)'s 5th percentile", () => {
  it("agree with Anhøj's published table", () => {
    // Anhøj & Olesen (2014), PLoS ONE 9(11): e113825, Table 1: n → longest run max, crossings min.
    const table: [number, number, number][] = [
      [10, 6, 2],
      [14, 7, 4],
      [20, 7, 6],
      [30, 8, 10],
      [50, 9, 19],
      [100, 10, 41],
    ];
    for (const [n, run, crossings] of table) {
      expect([n, longestRunMax(n), crossingsMin(n)]).toEqual([n, run, crossings]);
    }
  });

  it('agree with exact integer arithmetic for n = 1 … 400', () => {
    for (let n = 1; n <= 400; n++) {
      expect([n, longestRunMax(n), crossingsMin(n)]).toEqual([
        n,
        independentLongestRunMax(n),
        independentCrossingsMin(n),
      ]);
    }
  });
});

describe('signals', () => {
  /*
   * 20 points, L H L H L HHHHHHHH LLLLLLL (10 of each, median 2): 7 runs, so 6 crossings — not fewer
   * than 6 (Binomial(19, ½): P(X ≤ 5) = 0.0318, P(X ≤ 6) = 0.0835) — but a longest run of 8 >
   * round(log2 20) + 3 = round(4.32) + 3 = 7. The run of 7 below is not too long.
   */
  const LONG = sides('LHLHL' + 'HHHHHHHH' + 'LLLLLLL');

  it('from an unusually long run alone', () => {
    const a = runChart({ values: LONG });
    expect(a.summary.mean).toBe(2);
    expect(figures(runsOf(a))).toEqual([20, 8, 7, 6, 6, true]);
  });

  it("flags every point of the long run in the shift column, the other rules' columns empty", () => {
    const a = runChart({ values: LONG });
    expect(shifts(a)).toEqual(LONG.map((_v, i) => (i >= 5 && i <= 12 ? 'high' : null)));
    expect(a.points.every((p) => p.singlePoint === null && p.trend === null && p.twoOfThree === null)).toBe(
      true,
    );
  });

  it('types the flagged points by the improvement direction', () => {
    const type = (options: SpcOptions, values = LONG): string[] =>
      runChart({ values }, options).points.map((p) => p.pointType);
    const at = (t: string): string[] => LONG.map((_v, i) => (i >= 5 && i <= 12 ? t : 'common_cause'));
    expect(type({})).toEqual(at('neither_high'));
    expect(type({ direction: 'increase' })).toEqual(at('improvement'));
    expect(type({ direction: 'decrease' })).toEqual(at('concern'));
    // Mirrored, the run is below the median: low.
    const mirrored = LONG.map((v) => 4 - v);
    expect(runChart({ values: mirrored }).points[5]!.shift).toBe('low');
    expect(type({ direction: 'decrease' }, mirrored)).toEqual(at('improvement'));
  });

  it('from too few crossings alone: LLLLL HHHHH LLLLL HHHHH has 3 crossings < 6, longest run 5 ≤ 7', () => {
    const a = runChart({ values: sides('LLLLLHHHHHLLLLLHHHHH') });
    expect(figures(runsOf(a))).toEqual([20, 5, 7, 3, 6, true]);
    // No run is too long, so no point is flagged: the signal is the chart's, not a point's.
    expect(shifts(a).every((s) => s === null)).toBe(true);
  });

  it('no signal from a series that crosses often', () => {
    const a = runChart({ values: sides('LH'.repeat(10)) });
    expect(figures(runsOf(a))).toEqual([20, 1, 7, 19, 6, false]);
  });

  it('a run as long as the maximum is not a signal (strictly longer is needed)', () => {
    // LHLHLHL HHHHHHH LLLLLL: 10 each side, 9 runs (8 crossings ≥ 6), longest 7 = the maximum 7.
    const a = runChart({ values: sides('LHLHLHL' + 'HHHHHHH' + 'LLLLLL') });
    expect(figures(runsOf(a))).toEqual([20, 7, 7, 8, 6, false]);
    expect(shifts(a).every((s) => s === null)).toBe(true);
  });
});

describe('a run chart has no limits and no icons', () => {
  const LONG = sides('LHLHL' + 'HHHHHHHH' + 'LLLLLLL');
  const a = runChart({ values: LONG }, { direction: 'increase', target: 2 });

  it('no limits or σ lines on any point', () => {
    for (const p of a.points) expect(limitsOf(p)).toEqual([null, null, null, null, null, null]);
    expect(a.points.every((p) => p.movingRange === null)).toBe(true);
  });

  it('no variation or assurance icon, even with a signal, a direction and a target', () => {
    expect(a.summary).toMatchObject({
      n: 20,
      mean: 2,
      lowerLimit: null,
      upperLimit: null,
      variation: 'none',
      assurance: null,
      limitsShown: false,
    });
    expect(a.chart).toBe('run');
  });

  it('no minimum number of points: 5 points are analysed, with no too_few_points warning', () => {
    const b = runChart({ values: [3, 1, 4, 1, 5] });
    expect(b.summary.runs!.n).toBe(4);
    expect(b.warnings).toEqual([]);
  });
});

describe('partitions', () => {
  /*
   * Partition 1: 1 3 1 3 1 3 1 3 1 3 — median 2, n 10, crossings 9, longest 1: no signal.
   * Partition 2 (rebased at point 10): 10 10 10 10 10 20 20 20 20 20 — median 15, n 10, one
   * crossing < 2 (n = 10): a signal; longest 5 ≤ 6.
   */
  const values = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20];
  const rebases = values.map((_v, i) => i === 10);

  it('a rebase: each partition has its own median and runs analysis', () => {
    const a = runChart({ values, rebases });
    expect(a.partitions.map((p) => p.mean)).toEqual([2, 15]);
    expect(a.points.map((p) => p.mean)).toEqual(values.map((_v, i) => (i < 10 ? 2 : 15)));
    const runs = (a as SpcAnalysis & { runs: RunsSummary[] }).runs;
    expect(runs.map((r) => [r.partitions, ...figures(r)])).toEqual([
      [[1], 10, 1, 6, 9, 2, false],
      [[2], 10, 5, 6, 1, 2, true],
    ]);
  });

  it('the summary reports the last partition', () => {
    const a = runChart({ values, rebases });
    expect(a.summary.mean).toBe(15);
    expect(a.summary.runs).toEqual({
      partitions: [2],
      n: 10,
      longestRun: 5,
      longestRunMax: 6,
      crossings: 1,
      crossingsMin: 2,
      signal: true,
    });
  });

  it('trailing ghosts in a partition of their own do not blank the summary', () => {
    // Two ghosted 7s after a rebase on the first of them: partition 3 has nothing to analyse, so
    // the summary still reports partition 2's median, figures and signal.
    const v = [...values, 7, 7];
    const a = runChart({
      values: v,
      ghosts: v.map((_v, i) => i >= 20),
      rebases: v.map((_v, i) => i === 10 || i === 20),
    });
    expect(a.partitions).toHaveLength(3);
    expect(a.summary.mean).toBe(15);
    expect(a.summary.runs).toEqual({
      partitions: [2, 3],
      n: 10,
      longestRun: 5,
      longestRunMax: 6,
      crossings: 1,
      crossingsMin: 2,
      signal: true,
    });
  });

  /*
   * A fixed baseline of 10 points (1 3 1 3 …, median 2) and 8 points of 3 after it. The baseline and
   * the partition inheriting from it are one runs analysis against the baseline's median 2:
   * L H L H L H L H L H + H×8 → n = 18, 10 runs (9 crossings ≥ 5 for n = 18), and a last run of
   * 9 > round(log2 18) + 3 = 7 that starts in the baseline. Alone, the 8 threes would have median 3
   * and no useful point at all.
   */
  it('a fixed baseline (mdc) is analysed together with the partition inheriting from it', () => {
    const b = [...values.slice(0, 10), 3, 3, 3, 3, 3, 3, 3, 3];
    const a = runChart({ values: b }, { baseline: { points: 10 } });
    expect(a.partitions.map((p) => [p.baseline, p.inherited, p.mean])).toEqual([
      [true, false, 2],
      [false, true, 2],
    ]);
    const runs = (a as SpcAnalysis & { runs: RunsSummary[] }).runs;
    expect(runs).toHaveLength(1);
    expect([runs[0]!.partitions, ...figures(runs[0]!)]).toEqual([[1, 2], 18, 9, 7, 9, 5, true]);
    expect(shifts(a)).toEqual(b.map((_v, i) => (i >= 9 ? 'high' : null)));
    expect(a.summary.runs).toEqual(runs[0]);
  });

  it('a rebase after the inheriting partition starts a runs analysis of its own', () => {
    const b = [...values.slice(0, 10), 3, 3, 3, 3, 5, 6, 5, 6];
    const a = runChart({ values: b, rebases: b.map((_v, i) => i === 14) }, { baseline: { points: 10 } });
    const runs = (a as SpcAnalysis & { runs: RunsSummary[] }).runs;
    expect(runs.map((r) => r.partitions)).toEqual([[1, 2], [3]]);
    expect(a.partitions[2]!.mean).toBe(5.5);
    expect(figures(runs[1]!)).toEqual([4, 1, 5, 3, 0, false]);
  });
});

describe('no useful observations', () => {
  it('n = 0 (every point on the median): empty figures and no signal', () => {
    const a = runChart({ values: [5, 5, 5, 5] });
    expect(a.summary.mean).toBe(5);
    expect(a.summary.runs).toEqual({
      partitions: [1],
      n: 0,
      longestRun: null,
      longestRunMax: null,
      crossings: null,
      crossingsMin: null,
      signal: false,
    });
    expect(shifts(a)).toEqual([null, null, null, null]);
  });

  it('n = 0 (every point ghosted): no median, empty figures, no signal', () => {
    const a = runChart({ values: [1, 2, 3], ghosts: [true, true, true] });
    expect(a.summary.mean).toBeNull();
    expect(figures(runsOf(a))).toEqual([0, null, null, null, null, false]);
  });

  it('an empty series: no points, no partitions, no runs analysis, no signal', () => {
    const a = runChart({ values: [] });
    expect(a.points).toEqual([]);
    expect(a.partitions).toEqual([]);
    expect((a as SpcAnalysis & { runs: RunsSummary[] }).runs).toEqual([]);
    expect(a.summary.runs?.signal ?? false).toBe(false);
    expect(a.summary).toMatchObject({ n: 0, mean: null, variation: 'none', assurance: null });
    expect(a.warnings).toEqual([]);
  });
});
