/**
 * Attribute charts where the centre line is 0 or 1: σ is 0, so every line sits on the centre line.
 */
import { describe, expect, it } from 'vitest';
import { attributeChart } from './attribute.js';

describe('attributeChart with no events at all', () => {
  const numerators = new Array<number>(15).fill(0);
  const denominators = Array.from({ length: 15 }, (_, i) => 100 + i * 10);

  for (const type of ['p', 'pp', 'u', 'up'] as const) {
    it(`${type}: every line is 0, no point signals, and there is no no_limits warning`, () => {
      const a = attributeChart(type, { numerators, denominators });
      for (const p of a.points) {
        expect([p.mean, p.lowerLimit, p.upperLimit, p.lower2Sigma, p.upper2Sigma]).toEqual([0, 0, 0, 0, 0]);
        expect(p.pointType).toBe('common_cause');
      }
      expect(a.warnings.map((w) => w.code)).not.toContain('no_limits');
    });
  }

  it('pp: events in every case put every line on 1', () => {
    const a = attributeChart('pp', { numerators: denominators, denominators });
    expect(a.points.every((p) => p.lowerLimit === 1 && p.upperLimit === 1)).toBe(true);
  });
});
