import { describe, expect, it } from 'vitest';
import { fromTyped, isIsoDate, parseNumber, toTyped } from './typed';

describe('what a person types', () => {
  it('reads numbers with thousands separators and refuses anything else', () => {
    expect(parseNumber(' 1,250.5 ')).toBe(1250.5);
    expect(parseNumber('-.5')).toBe(-0.5);
    expect(parseNumber('95%')).toBeNull();
    expect(parseNumber('1e3')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('29/02/2024')).toBe(false);
  });

  it('types proportions as percentages and reads them back without float noise', () => {
    expect(toTyped(0.07, true)).toBe('7');
    expect(fromTyped(7, true)).toBe(0.07);
    expect(toTyped(0.07, false)).toBe('0.07');
    expect(fromTyped(Number(toTyped(0.123456, true)), true)).toBe(0.123456);
  });
});
