/**
 * Suppression of small groups: primary (fewer than the minimum), complementary (no hidden part can
 * be recovered as total − shown parts), and nothing shown before a period is final. A random
 * search checks the property itself on many periods.
 */
import { describe, expect, it } from 'vitest';
import { groupSize, suppressPeriod } from './suppression.js';
import type { Cell, Part } from './suppression.js';

const part = (unitId: string, yes: number, no: number, dontKnow = 0): Part => ({
  unitId,
  sortKey: unitId,
  yes,
  no,
  dontKnow,
});

const statuses = (cells: ReadonlyMap<string, Cell>): Record<string, string> =>
  Object.fromEntries([...cells].map(([id, cell]) => [id, cell.status]));

describe('suppressPeriod', () => {
  it('shows every group of at least the minimum, and the total', () => {
    const cells = suppressPeriod([part('a', 4, 2), part('b', 3, 3, 1)], 5, true);
    expect(statuses(cells.parts)).toEqual({ a: 'shown', b: 'shown' });
    expect(cells.total).toEqual({ status: 'shown', yes: 7, no: 5, dontKnow: 1 });
    expect(cells.parts.get('b')).toEqual({ status: 'shown', yes: 3, no: 3, dontKnow: 1 });
  });

  it('counts "don’t know" answers towards the size, as they count in the proportion’s denominator', () => {
    const cells = suppressPeriod(
      [part('a', 2, 2, 9), part('b', 10, 0), part('c', 1, 1, 2), part('d', 5, 1)],
      5,
      true,
    );
    expect(cells.parts.get('a')).toEqual({ status: 'shown', yes: 2, no: 2, dontKnow: 9 });
    // c: 4 answers in all, too few; d, the smallest other part, hidden with it.
    expect(statuses(cells.parts)).toEqual({ a: 'shown', b: 'shown', c: 'suppressed', d: 'suppressed' });
  });

  it('hides the next-smallest part when exactly one part is hidden', () => {
    const cells = suppressPeriod([part('big', 20, 5), part('mid', 4, 2), part('small', 1, 1)], 5, true);
    expect(statuses(cells.parts)).toEqual({ big: 'shown', mid: 'suppressed', small: 'suppressed' });
    expect(cells.total.status).toBe('shown');
  });

  it('hides more parts, smallest first, until the hidden ones together reach the minimum', () => {
    const cells = suppressPeriod(
      [part('a', 1, 0), part('b', 1, 1), part('c', 3, 3), part('d', 3, 4), part('e', 9, 9)],
      10,
      true,
    );
    // a (1), b (2), c (6) and d (7) are below 10 and hidden: together 16, so e (18) stays shown.
    expect(statuses(cells.parts)).toEqual({
      a: 'suppressed',
      b: 'suppressed',
      c: 'suppressed',
      d: 'suppressed',
      e: 'shown',
    });
    const five = suppressPeriod(
      [part('a', 1, 0), part('b', 1, 1), part('c', 3, 3), part('d', 3, 4), part('e', 9, 9)],
      5,
      true,
    );
    // a (1) and b (2) are below 5: together 3, so the smallest shown part, c (6), is hidden too.
    expect(statuses(five.parts)).toEqual({
      a: 'suppressed',
      b: 'suppressed',
      c: 'suppressed',
      d: 'shown',
      e: 'shown',
    });
  });

  it('hides the total (and so every part) when the total is below the minimum', () => {
    const cells = suppressPeriod([part('a', 1, 1), part('b', 1, 0)], 5, true);
    expect(cells.total).toEqual({ status: 'suppressed' });
    expect(statuses(cells.parts)).toEqual({ a: 'suppressed', b: 'suppressed' });
  });

  it('keeps hidden parts hidden when they already sum to the minimum', () => {
    const cells = suppressPeriod([part('a', 2, 1), part('b', 1, 2), part('c', 10, 10)], 5, true);
    expect(statuses(cells.parts)).toEqual({ a: 'suppressed', b: 'suppressed', c: 'shown' });
  });

  it('shows nothing while a period is not final, and "none" for a unit without responses', () => {
    const cells = suppressPeriod([part('a', 10, 10), part('b', 0, 0)], 5, false);
    expect(cells.total).toEqual({ status: 'collecting' });
    expect(statuses(cells.parts)).toEqual({ a: 'collecting', b: 'none' });
  });

  it('refuses a minimum below 5', () => {
    expect(() => suppressPeriod([], 4, true)).toThrow(RangeError);
  });

  it('never lets a hidden part, or hidden parts together, be worked out from the total (random periods)', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let round = 0; round < 2_000; round += 1) {
      const minGroup = 5 + random(6);
      const parts = Array.from({ length: 1 + random(6) }, (_, i) =>
        part(`u${i}`, random(9), random(6), random(3)),
      );
      const cells = suppressPeriod(parts, minGroup, true);
      for (const p of parts) {
        const cell = cells.parts.get(p.unitId)!;
        if (cell.status === 'shown') expect(groupSize(cell)).toBeGreaterThanOrEqual(minGroup);
      }
      if (cells.total.status !== 'shown') {
        expect(parts.every((p) => cells.parts.get(p.unitId)!.status !== 'shown')).toBe(true);
        continue;
      }
      expect(groupSize(cells.total)).toBeGreaterThanOrEqual(minGroup);
      const hidden = parts.filter((p) => cells.parts.get(p.unitId)!.status === 'suppressed');
      const hiddenSize = hidden.reduce((n, p) => n + groupSize(p), 0);
      // total − shown parts = the hidden parts together: nothing, or a group of at least the minimum.
      expect(hidden.length === 0 || hiddenSize >= minGroup, JSON.stringify({ minGroup, parts })).toBe(true);
    }
  });
});
