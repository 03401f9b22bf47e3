/**
 * Shift: `length` consecutive non-ghosted points all above (or all below) the mean, within one
 * partition; every point of the run is flagged, the first included (spc-method.md §1).
 */
import { describe, expect, it } from 'vitest';
import type { Lines } from '../lines.js';
import { xmr } from '../xmr.js';
import type { Side, SpcOptions } from '../types.js';
import { shift } from './shift.js';
import { sideName, usedIndices } from './sides.js';

interface Case {
  readonly mean?: number | readonly number[];
  readonly length?: number;
  readonly partitions?: readonly number[];
  readonly ghosts?: readonly boolean[];
}

/** Lines with only a centre line, one set per point. */
function meanLines(mean: readonly number[]): Lines {
  const at = mean.map((m) => ({
    mean: m,
    lower: NaN,
    upper: NaN,
    lower2: NaN,
    upper2: NaN,
    lower1: NaN,
    upper1: NaN,
  }));
  return { at, index: mean.map((_m, i) => i) };
}

/** shift() on a hand-made series; the mean is 1.5 unless given. */
function run(values: readonly number[], c: Case = {}): Side[] {
  const n = values.length;
  const mean = Array.from({ length: n }, (_, i) =>
    typeof c.mean === 'object' ? c.mean[i]! : (c.mean ?? 1.5),
  );
  const partitionOf = c.partitions ?? new Array<number>(n).fill(0);
  const bits = shift(values, usedIndices(n, c.ghosts), partitionOf, meanLines(mean), c.length ?? 6);
  return Array.from(bits, sideName);
}

const H = 'high';
const L = 'low';
const _ = null;

describe('shift(values, used, partitionOf, lines, length)', () => {
  it('flags every point of a run of 6 above the mean, the first included', () => {
    expect(run([1, 2, 2, 2, 2, 2, 2, 1])).toEqual([_, H, H, H, H, H, H, _]);
  });

  it('flags a run of 6 below the mean as low', () => {
    expect(run([2, 1, 1, 1, 1, 1, 1, 2])).toEqual([_, L, L, L, L, L, L, _]);
  });

  it('does not flag a run one point shorter than the length', () => {
    expect(run([1, 2, 2, 2, 2, 2, 1])).toEqual([_, _, _, _, _, _, _]);
  });

  it('keeps flagging the points of a run longer than the length', () => {
    expect(run([2, 2, 2, 2, 2, 2, 2, 2])).toEqual([H, H, H, H, H, H, H, H]);
  });

  it('needs 7 points with length 7', () => {
    expect(run([2, 2, 2, 2, 2, 2], { length: 7 })).toEqual([_, _, _, _, _, _]);
    expect(run([2, 2, 2, 2, 2, 2, 2], { length: 7 })).toEqual([H, H, H, H, H, H, H]);
  });

  it('breaks the run at a point exactly on the mean (neither above nor below)', () => {
    // 3 above, 1.5 on the mean, 3 above: two runs of 3.
    expect(run([2, 2, 2, 1.5, 2, 2, 2])).toEqual([_, _, _, _, _, _, _]);
  });

  it('restarts the count when the run changes side', () => {
    expect(run([2, 2, 2, 1, 1, 1, 1, 1, 1])).toEqual([_, _, _, L, L, L, L, L, L]);
  });

  it('does not cross a partition boundary', () => {
    expect(run([2, 2, 2, 2, 2, 2], { partitions: [0, 0, 0, 1, 1, 1] })).toEqual([_, _, _, _, _, _]);
  });

  it("compares each point with its own partition's mean", () => {
    // Partition 2's mean is 5: its 2s are below.
    const mean = [1.5, 1.5, 5, 5, 5, 5, 5, 5];
    const partitions = [0, 0, 1, 1, 1, 1, 1, 1];
    expect(run([2, 2, 2, 2, 2, 2, 2, 2], { mean, partitions })).toEqual([_, _, L, L, L, L, L, L]);
  });

  it('skips a ghosted point: it neither breaks nor joins the run', () => {
    // The ghost (value 0, below the mean) sits inside six non-ghosted points above the mean.
    const ghosts = [false, false, false, true, false, false, false];
    expect(run([2, 2, 2, 0, 2, 2, 2], { ghosts })).toEqual([H, H, H, _, H, H, H]);
  });

  it('returns nothing for an empty series', () => {
    expect(run([])).toEqual([]);
  });
});

/**
 * BASE: 12 points alternating 10, 12 — mean 11, every moving range 2, m̄R 2; upper limit
 * 11 + 2.66·2 = 16.32, lower 5.68, 2σ lines 11 ± 3.5467. With `baseline: { points: 12 }` the
 * points after it do not move the lines, in either preset.
 */
const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
const shifts = (after: readonly number[], options: SpcOptions, ghosts?: boolean[]): Side[] =>
  xmr(
    { values: [...BASE, ...after], ...(ghosts ? { ghosts: [...BASE.map(() => false), ...ghosts] } : {}) },
    { baseline: { points: 12 }, ...options },
  ).points.map((p) => p.shift);

describe('xmr(): the shift rule under each preset', () => {
  it('mdc flags 6 points above the mean after the baseline', () => {
    expect(shifts([12.5, 12, 12, 12, 12, 12, 11], { preset: 'mdc' }).slice(12)).toEqual([
      H,
      H,
      H,
      H,
      H,
      H,
      _,
    ]);
  });

  it('mdc: the baseline end is a boundary — 1 baseline point + 5 after is no shift', () => {
    // Point 12 (value 12, the last of BASE) is above the mean, then 5 more above: a run of 6
    // only if the shift could cross into the inherited partition.
    const a = shifts([12, 12, 12, 12, 12, 11], { preset: 'mdc' });
    expect(a.every((s) => s === null)).toBe(true);
    // The same lines without the boundary (a restart baseline) give the shift.
    const b = shifts([12, 12, 12, 12, 12, 11], { preset: 'mdc', baselineMode: 'restart' });
    expect(b.slice(11)).toEqual([H, H, H, H, H, H, _]);
  });

  it('nhsr needs 7 points: 6 below the mean after the baseline is no shift', () => {
    // The last baseline point (12) is above, so the run below is exactly 6.
    expect(shifts([10, 10, 10, 10, 10, 10, 11], { preset: 'nhsr' }).every((s) => s === null)).toBe(true);
    expect(shifts([10, 10, 10, 10, 10, 10, 10, 11], { preset: 'nhsr' }).slice(12)).toEqual([
      L,
      L,
      L,
      L,
      L,
      L,
      L,
      _,
    ]);
  });

  it('nhsr: a shift runs across the baseline end (the restart baseline is not a partition)', () => {
    // The last baseline point (12) and six more above: 7.
    const a = shifts([12, 12, 12, 12, 12, 12, 11], { preset: 'nhsr' });
    expect(a.slice(11)).toEqual([H, H, H, H, H, H, H, _]);
  });

  it('a ghost inside the run is skipped, even one on the mean', () => {
    const ghosts = [false, false, false, true, false, false, false, false];
    const a = shifts([12, 12, 12, 11, 12, 12, 12, 11], { preset: 'mdc' }, ghosts);
    expect(a.slice(12)).toEqual([H, H, H, _, H, H, H, _]);
  });

  it('a rebase inside a run splits it: each part is judged against its own mean', () => {
    // Partition 1: 10, 12 ×5 then 12, 12, 12 (mean 146/13 ≈ 11.23): its last four points are above.
    // Partition 2: 12, 12, 12, then 10, 12 alternating (mean 146/13): its first three are above.
    // 4 + 3 = 7 above, but no partition holds 6.
    const p1 = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 12, 12, 12];
    const p2 = [12, 12, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
    const values = [...p1, ...p2];
    const rebases = values.map((_v, i) => i === 13);
    expect(xmr({ values, rebases }).points.every((p) => p.shift === null)).toBe(true);
    // Without the rebase the whole series has mean 292/26 ≈ 11.23 and points 9–15 form a run of 7.
    const whole = xmr({ values }).points.map((p) => p.shift);
    expect(whole.slice(8, 17)).toEqual([_, H, H, H, H, H, H, H, _]);
  });
});
