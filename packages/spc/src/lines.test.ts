/**
 * Centre lines, process limits and σ lines of each chart (spc-method.md §1 "Limits", §2).
 */
import { describe, expect, it } from 'vitest';
import { gLines, tLines, xmrLines } from './lines.js';

describe('xmrLines({ mean, mrBar })', () => {
  it('is mean ± 2.66·m̄R, with 2σ at ⅔ and 1σ at ⅓ of that distance', () => {
    // mean 11, m̄R 2: 2.66·2 = 5.32; ⅔ of it 3.5467; ⅓ of it 1.7733.
    const l = xmrLines({ mean: 11, mrBar: 2, nUsed: 12 });
    expect(l.mean).toBe(11);
    expect(l.upper).toBeCloseTo(16.32, 13);
    expect(l.lower).toBeCloseTo(5.68, 13);
    expect(l.upper2).toBeCloseTo(11 + 10.64 / 3, 13);
    expect(l.lower2).toBeCloseTo(11 - 10.64 / 3, 13);
    expect(l.upper1).toBeCloseTo(11 + 5.32 / 3, 13);
    expect(l.lower1).toBeCloseTo(11 - 5.32 / 3, 13);
  });

  it('does not floor the lower limit at zero', () => {
    expect(xmrLines({ mean: 1, mrBar: 1, nUsed: 13 }).lower).toBeCloseTo(-1.66, 13);
  });

  it('has a mean but no limits without a moving range (NaN)', () => {
    const l = xmrLines({ mean: 4, mrBar: NaN, nUsed: 1 });
    expect(l.mean).toBe(4);
    expect([l.lower, l.upper, l.lower2, l.upper2, l.lower1, l.upper1].every(Number.isNaN)).toBe(true);
  });

  it('puts every line on the mean when m̄R is 0', () => {
    const l = xmrLines({ mean: 5, mrBar: 0, nUsed: 13 });
    expect([l.lower, l.upper, l.lower2, l.upper2, l.lower1, l.upper1]).toEqual([5, 5, 5, 5, 5, 5]);
  });
});

describe('tLines({ mean, mrBar }) of the transformed values y = d^(1/3.6)', () => {
  it('raises every line back to the power 3.6', () => {
    // ȳ = 2, m̄R 0.5: upper 2 + 1.33 = 3.33, lower 0.67; 2σ 2 ± 0.8867; 1σ 2 ± 0.4433.
    const l = tLines({ mean: 2, mrBar: 0.5, nUsed: 13 });
    expect(l.mean).toBeCloseTo(2 ** 3.6, 12);
    expect(l.upper).toBeCloseTo(3.33 ** 3.6, 10);
    expect(l.lower).toBeCloseTo(0.67 ** 3.6, 12);
    expect(l.upper2).toBeCloseTo((2 + 2.66 / 3) ** 3.6, 10);
    expect(l.lower1).toBeCloseTo((2 - 1.33 / 3) ** 3.6, 12);
  });

  it('leaves out a lower line whose inner term is negative', () => {
    // ȳ = 0.5, m̄R 1: 0.5 − 2.66, 0.5 − 1.7733 and 0.5 − 0.8867 are all negative.
    const l = tLines({ mean: 0.5, mrBar: 1, nUsed: 13 });
    expect([l.lower, l.lower2, l.lower1].every(Number.isNaN)).toBe(true);
    expect(l.upper).toBeCloseTo(3.16 ** 3.6, 10);
  });

  it('keeps a lower line whose inner term is exactly 0 (at 0)', () => {
    expect(tLines({ mean: 2.66, mrBar: 1, nUsed: 13 }).lower).toBe(0);
  });
});

describe('gLines({ mean: m })', () => {
  it('has centre 0.693·m, upper limit m + 3·√(m(m+1)) and no other line', () => {
    // m = 3: centre 2.079; √12 = 3.4641016; upper 3 + 10.3923048 = 13.3923048.
    const l = gLines({ mean: 3, mrBar: NaN, nUsed: 13 });
    expect(l.mean).toBeCloseTo(2.079, 15);
    expect(l.upper).toBeCloseTo(13.3923048, 7);
    expect([l.lower, l.lower2, l.upper2, l.lower1, l.upper1].every(Number.isNaN)).toBe(true);
  });

  it('has centre and upper limit 0 when every count is 0', () => {
    const l = gLines({ mean: 0, mrBar: NaN, nUsed: 13 });
    expect([l.mean, l.upper]).toEqual([0, 0]);
  });
});
