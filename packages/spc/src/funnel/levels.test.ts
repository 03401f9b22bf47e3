import { describe, expect, it } from 'vitest';
import { levelSpec } from './levels.js';

describe('levelSpec', () => {
  it('uses the fixed z and tail probabilities for 95% and 99.8% (spc-method.md §5)', () => {
    expect(levelSpec(95)).toEqual({ level: 95, z: 1.959964, lowerP: 0.025, upperP: 0.975 });
    expect(levelSpec(99.8)).toEqual({ level: 99.8, z: 3.090232, lowerP: 0.001, upperP: 0.999 });
  });

  it('computes other levels as Φ⁻¹(1 − α/2)', () => {
    // 99%: α = 0.01, Φ⁻¹(0.995) = 2.5758293035489004 (python3 scipy.stats.norm.ppf(0.995))
    const l99 = levelSpec(99);
    expect(l99.z).toBeCloseTo(2.5758293035489004, 14);
    expect(l99.lowerP).toBe(0.005);
    expect(l99.upperP).toBe(0.995);
    // 90%: Φ⁻¹(0.95) = 1.6448536269514722
    expect(levelSpec(90).z).toBeCloseTo(1.6448536269514722, 14);
  });
});
