import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RepeatFinder } from './repeats.js';

describe('RepeatFinder', () => {
  it('names each later row of a repeated series and day with the first such row', () => {
    const finder = new RepeatFinder();
    finder.add('a', 19_723, 2);
    finder.add('b', 19_723, 3);
    finder.add('a', 19_754, 4);
    finder.add('a', 19_723, 5);
    finder.add('a', 19_723, 9);
    expect(finder.repeats()).toEqual([
      { row: 5, firstRow: 2, day: 19_723 },
      { row: 9, firstRow: 2, day: 19_723 },
    ]);
  });

  it('agrees with a plain map on any rows, past the arrays’ first growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('s1', 's2', 's3'), fc.integer({ min: -3000, max: 2_900_000 })), {
          maxLength: 300,
        }),
        (cells) => {
          const finder = new RepeatFinder();
          const first = new Map<string, number>();
          const expected: { row: number; firstRow: number; day: number }[] = [];
          cells.forEach(([series, day], i) => {
            const row = i + 2;
            finder.add(series, day, row);
            const key = `${series}|${day}`;
            const seen = first.get(key);
            if (seen === undefined) first.set(key, row);
            else expected.push({ row, firstRow: seen, day });
          });
          expect(finder.repeats()).toEqual(expected);
        },
      ),
    );
  });
});
