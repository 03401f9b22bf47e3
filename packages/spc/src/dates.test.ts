/**
 * ISO calendar dates as day numbers (used by T charts).
 */
import { describe, expect, it } from 'vitest';
import { dayToIsoDate, isoDateToDay, toDays } from './dates.js';
import { SpcInputError } from './errors.js';

describe('isoDateToDay(text) and dayToIsoDate(day)', () => {
  it('counts days from 1970-01-01', () => {
    expect(isoDateToDay('1970-01-01')).toBe(0);
    expect(isoDateToDay('1970-01-02')).toBe(1);
    expect(isoDateToDay('2024-03-01') - isoDateToDay('2024-02-28')).toBe(2);
    expect(dayToIsoDate(isoDateToDay('2024-02-29'))).toBe('2024-02-29');
  });

  it('is NaN for anything that is not a real calendar date', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-1-5', '01/02/2024', '']) {
      expect(isoDateToDay(text)).toBeNaN();
    }
  });
});

describe('toDays(dates)', () => {
  it('accepts day numbers and ISO dates', () => {
    expect(toDays([0, '1970-01-03', 7])).toEqual([0, 2, 7]);
  });

  it('refuses a bad date, naming it', () => {
    expect(() => toDays(['2024-01-01', 'soon'])).toThrow(SpcInputError);
    expect(() => toDays(['2024-01-01', 'soon'])).toThrow(/dates\[1\]/);
  });
});
