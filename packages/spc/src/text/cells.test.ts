import { describe, expect, it } from 'vitest';
import { parseFlag, parseNumber } from './cells.js';

describe('parseNumber', () => {
  it('reads plain decimals and exponents exactly', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' -0.25 ')).toBe(-0.25);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('0.1')).toBe(0.1);
  });

  it('refuses what a spreadsheet might hold but is not a plain number', () => {
    for (const bad of ['', 'NA', 'N/A', '1,234', '5%', 'Infinity', 'NaN', '£3', '0x10', '1e999', '-']) {
      expect(parseNumber(bad), bad).toBeNull();
    }
  });
});

describe('parseFlag', () => {
  it('reads 1/0, true/false, yes/no and empty as false', () => {
    expect(parseFlag('1')).toBe(true);
    expect(parseFlag('TRUE')).toBe(true);
    expect(parseFlag('yes')).toBe(true);
    expect(parseFlag('0')).toBe(false);
    expect(parseFlag('')).toBe(false);
    expect(parseFlag('2')).toBeNull();
  });
});
