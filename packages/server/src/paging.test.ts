import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, OBSERVATION_PAGE_SIZES, pageLimit, toPage } from './paging.js';

describe('paging', () => {
  it('pageLimit takes the default, and refuses sizes outside the list’s bounds', () => {
    expect(pageLimit({})).toBe(50);
    expect(pageLimit({ limit: 500 })).toBe(500);
    expect(() => pageLimit({ limit: 501 })).toThrow(/from 1 to 500/);
    expect(() => pageLimit({ limit: 0 })).toThrow();
    expect(() => pageLimit({ limit: 1.5 })).toThrow();
    expect(pageLimit({}, OBSERVATION_PAGE_SIZES)).toBe(1000);
    expect(pageLimit({ limit: 10_000 }, OBSERVATION_PAGE_SIZES)).toBe(10_000);
    expect(() => pageLimit({ limit: 10_001 }, OBSERVATION_PAGE_SIZES)).toThrow(/from 1 to 10000/);
  });

  it('a cursor carries its key, and a cursor not made here (or of another length) is refused', () => {
    const cursor = encodeCursor(['2020-01-01']);
    expect(decodeCursor(cursor, 1)).toEqual(['2020-01-01']);
    expect(() => decodeCursor(cursor, 2)).toThrow(/cursor/);
    expect(() => decodeCursor('not a cursor', 1)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor([]).slice(1), 0)).toThrow(/cursor/);
  });

  it('toPage gives a cursor only when there is more', () => {
    const key = (n: number): string[] => [String(n)];
    expect(toPage([1, 2, 3], 2, key, (n) => n * 10)).toEqual({
      items: [10, 20],
      nextCursor: encodeCursor(['2']),
    });
    expect(toPage([1, 2], 2, key, (n) => n)).toEqual({ items: [1, 2], nextCursor: null });
  });
});
