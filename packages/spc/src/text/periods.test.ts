import { describe, expect, it } from 'vitest';
import { formatPeriod, parsePeriod } from './periods.js';

describe('parsePeriod', () => {
  it('reads ISO, UK and month forms of the same day as the same day number', () => {
    const iso = parsePeriod('2024-03-01');
    expect(iso).toEqual({ value: 19783, kind: 'date' });
    expect(parsePeriod('01/03/2024')).toEqual(iso);
    expect(parsePeriod('2024-03')).toEqual(iso);
    expect(parsePeriod(' 2024-03-01 ')).toEqual(iso);
  });

  it('reads UK order, never US order: 03/01/2024 is 3 January', () => {
    expect(formatPeriod(parsePeriod('03/01/2024')!.value, 'date')).toBe('2024-01-03');
  });

  it('refuses dates that do not exist', () => {
    expect(parsePeriod('2023-02-29')).toBeNull();
    expect(parsePeriod('31/04/2024')).toBeNull();
    expect(parsePeriod('2024-13')).toBeNull();
  });

  it('reads date-times as fractions of a day, in UTC unless an offset is given', () => {
    expect(parsePeriod('2024-03-01T12:00')).toEqual({ value: 19783.5, kind: 'datetime' });
    expect(parsePeriod('2024-03-01 12:00:00')!.value).toBe(19783.5);
    expect(parsePeriod('2024-03-01T13:00:00+01:00')!.value).toBe(19783.5);
  });

  it('reads plain numbers as numbers and refuses anything else', () => {
    expect(parsePeriod('42')).toEqual({ value: 42, kind: 'number' });
    expect(parsePeriod('March 2024')).toBeNull();
    expect(parsePeriod('')).toBeNull();
    expect(parsePeriod('NA')).toBeNull();
  });
});

describe('formatPeriod', () => {
  it('writes dates, date-times and numbers back in ISO form', () => {
    expect(formatPeriod(19783, 'date')).toBe('2024-03-01');
    expect(formatPeriod(19783.5, 'datetime')).toBe('2024-03-01T12:00:00Z');
    expect(formatPeriod(7, 'number')).toBe('7');
  });
});
