import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  estimateOverdispersion,
  percentile,
  truncationKeeps,
  winsorise,
} from './overdispersion.js';

describe('percentile (linear interpolation, 1-based formula)', () => {
  const sorted = [-2, -0.5, 0, 1, 3];
  it('interpolates between order statistics', () => {
    // N = 5, p = 0.1: h = 4·0.1 = 0.4 → z₍₁₎ + 0.4·(z₍₂₎ − z₍₁₎) = −2 + 0.4·1.5 = −1.4
    expect(percentile(sorted, 0.1)).toBeCloseTo(-1.4, 15);
    // p = 0.9: h = 3.6 → z₍₄₎ + 0.6·(z₍₅₎ − z₍₄₎) = 1 + 0.6·2 = 2.2
    expect(percentile(sorted, 0.9)).toBeCloseTo(2.2, 15);
  });
  it('returns an order statistic when h is whole, and the only value when N = 1', () => {
    // N = 11, p = 0.1: h = 1 → z₍₂₎
    expect(percentile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1);
    expect(percentile([4], 0.9)).toBe(4);
    expect(percentile([-Infinity, 1], 0)).toBe(-Infinity);
  });
});

describe('winsorise', () => {
  it('clamps z to its 10th and 90th percentiles, in input order', () => {
    expect(winsorise([3, -2, 0, 1, -0.5]).map((v) => Number(v.toFixed(12)))).toEqual([2.2, -1.4, 0, 1, -0.5]);
  });
});

describe('averageRanks', () => {
  it('ranks from 1 and averages ties', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([-Infinity, 0, -Infinity])).toEqual([1.5, 3, 1.5]);
  });
});

describe('truncationKeeps', () => {
  it('drops units whose decile ⌊10·rank/(N+1)⌋ is 0 or ≥ 9', () => {
    // N = 10: ranks of [5, −3, 0.1, 0.2, −0.4, 0.3, 0.3, 1, −1, 2] are
    // [10, 1, 4, 5, 3, 6.5, 6.5, 8, 2, 9]; deciles ⌊10r/11⌋ = [9, 0, 3, 4, 2, 5, 5, 7, 1, 8]
    expect(truncationKeeps([5, -3, 0.1, 0.2, -0.4, 0.3, 0.3, 1, -1, 2])).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
  it('keeps everyone when N ≤ 8 (deciles 1…8) and drops the top rank from N = 9', () => {
    // N = 8: ⌊10·1/9⌋ = 1, ⌊10·8/9⌋ = 8 → all kept. N = 9: ⌊10·9/10⌋ = 9 → rank 9 dropped.
    expect(truncationKeeps([1, 2, 3, 4, 5, 6, 7, 8]).every(Boolean)).toBe(true);
    expect(truncationKeeps([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
  it('keeps tied units together', () => {
    expect(truncationKeeps([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).every(Boolean)).toBe(true); // rank 6.5 → 5
  });
});

describe('estimateOverdispersion', () => {
  it('computes φ and τ² from Winsorised z-scores (worked example)', () => {
    // z = [−2, −0.5, 0, 1, 3] → Winsorised [−1.4, −0.5, 0, 1, 2.2]
    // φ = (1.96 + 0.25 + 0 + 1 + 4.84)/5 = 8.05/5 = 1.61
    // s = [0.1, 0.2, 0.1, 0.05, 0.1] → w = 1/s² = [100, 25, 100, 400, 100]
    // Σw = 725, Σw² = 190625, Σw − Σw²/Σw = 725 − 262.9310… = 462.0689655172414
    // τ² = (5·1.61 − 4)/462.0689655172414 = 4.05/462.0689655172414 = 0.008764925373134329
    const od = estimateOverdispersion([-2, -0.5, 0, 1, 3], [0.1, 0.2, 0.1, 0.05, 0.1], 'winsorise');
    expect(od.phi).toBeCloseTo(1.61, 14);
    expect(od.tau2).toBeCloseTo(0.008764925373134329, 15);
    expect(od.n).toBe(5);
    expect(od.estimable).toBe(true);
  });

  it('sets τ² = 0 when Nφ ≤ N − 1', () => {
    // z = [0.5, −0.5, 0.2]: Winsorised at h = 0.2 and 1.8 → [0.44, −0.36, 0.2] (sorted −0.5, 0.2, 0.5:
    // q10 = −0.5 + 0.2·0.7 = −0.36, q90 = 0.2 + 0.8·0.3 = 0.44); φ = (0.1936 + 0.1296 + 0.04)/3 < 1
    const od = estimateOverdispersion([0.5, -0.5, 0.2], [0.1, 0.1, 0.1], 'winsorise');
    expect(od.phi).toBeCloseTo((0.44 ** 2 + 0.36 ** 2 + 0.04) / 3, 14);
    expect(od.tau2).toBe(0);
  });

  it('uses only the retained units when truncating', () => {
    // N = 10 as in truncationKeeps above: retained z = [0.1, 0.2, −0.4, 0.3, 0.3, 1, −1, 2]
    // φ = (0.01 + 0.04 + 0.16 + 0.09 + 0.09 + 1 + 1 + 4)/8 = 6.39/8 = 0.79875
    const z = [5, -3, 0.1, 0.2, -0.4, 0.3, 0.3, 1, -1, 2];
    const od = estimateOverdispersion(
      z,
      z.map(() => 0.1),
      'truncate',
    );
    expect(od.n).toBe(8);
    expect(od.phi).toBeCloseTo(0.79875, 14);
    expect(od.retained).toEqual([false, false, true, true, true, true, true, true, true, true]);
  });

  it('gives φ = 0 and τ² = 0 for identical units', () => {
    const od = estimateOverdispersion([0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4], 'winsorise');
    expect(od.phi).toBe(0);
    expect(od.tau2).toBe(0);
  });

  it('cannot estimate τ² from one unit: φ = z², τ² = 0', () => {
    // Σw − Σw²/Σw = w − w²/w = 0
    const od = estimateOverdispersion([2], [0.1], 'truncate');
    expect(od.phi).toBe(4);
    expect(od.tau2).toBe(0);
    expect(od.estimable).toBe(false);
  });

  it('yields +∞, not NaN, for a retained infinite z', () => {
    const od = estimateOverdispersion([-Infinity, 0.5, -0.2], [0.5, 0.2, 0.3], 'truncate');
    expect(od.phi).toBe(Infinity);
    expect(od.tau2).toBe(Infinity);
  });
});
