import { describe, expect, it } from 'vitest';
import { curveDenominators, limitCurves } from './curves.js';
import { levelSpec } from './levels.js';
import { proportionMethod } from './proportions.js';

describe('curveDenominators', () => {
  it('spaces points geometrically with exact ends', () => {
    // 10 → 1000 in 3 points: 10, √(10·1000) = 100, 1000
    const d = curveDenominators(10, 1000, 3);
    expect(d[0]).toBe(10);
    expect(d[1]).toBeCloseTo(100, 12);
    expect(d[2]).toBe(1000);
    const many = curveDenominators(3, 7000, 100);
    expect(many).toHaveLength(100);
    for (let i = 2; i < many.length; i++) {
      expect(many[i]! / many[i - 1]!).toBeCloseTo(many[1]! / many[0]!, 10);
    }
  });

  it('collapses to one point when every denominator is the same', () => {
    expect(curveDenominators(30, 30, 100)).toEqual([30]);
  });
});

describe('limitCurves', () => {
  it('evaluates the method at each denominator and level', () => {
    const m = proportionMethod(10, 100);
    const levels = [levelSpec(95), levelSpec(99.8)];
    const curves = limitCurves(m, levels, null, [100, 400]);
    expect(curves.map((c) => c.level)).toEqual([95, 99.8]);
    expect(curves[0]!.z).toBe(1.959964);
    expect(curves[0]!.points[0]).toEqual({ denominator: 100, ...m.limits(100, levels[0]!, null) });
    expect(curves[1]!.points[1]).toEqual({ denominator: 400, ...m.limits(400, levels[1]!, null) });
  });
});
