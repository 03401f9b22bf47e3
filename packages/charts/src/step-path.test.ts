import { describe, expect, it } from 'vitest';
import { stepSegments } from './step-path.js';

const xs = [5, 15, 25, 35, 45];

describe('stepSegments', () => {
  it('draws a constant line as one horizontal segment across the points’ steps', () => {
    const segs = stepSegments({ xs, ys: [50, 50, 50, 50, 50], step: 10 });
    expect(segs).toEqual([{ start: 0, end: 4, d: 'M0 50H50' }]);
  });

  it('steps where the value changes', () => {
    const segs = stepSegments({ xs, ys: [50, 50, 40, 40, 40], step: 10 });
    expect(segs).toHaveLength(1);
    expect(segs[0]!.d).toBe('M0 50H20V40H50');
  });

  it('breaks where the line is absent', () => {
    const segs = stepSegments({ xs, ys: [50, 50, null, 40, 40], step: 10 });
    expect(segs.map((s) => [s.start, s.end])).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });

  it('never joins two groups, and leaves a gap either side of the break', () => {
    const segs = stepSegments({ xs, ys: [50, 50, 50, 40, 40], groups: [1, 1, 1, 2, 2], step: 10, gap: 2 });
    expect(segs.map((s) => s.d)).toEqual(['M0 50H28', 'M32 40H50']);
  });

  it('splits groups even when their values are equal', () => {
    const segs = stepSegments({ xs, ys: [50, 50, 50, 50, 50], groups: [1, 1, 2, 2, 2], step: 10 });
    expect(segs).toHaveLength(2);
  });

  it('returns nothing for an absent line', () => {
    expect(stepSegments({ xs, ys: [null, null, null, null, null], step: 10 })).toEqual([]);
  });
});
