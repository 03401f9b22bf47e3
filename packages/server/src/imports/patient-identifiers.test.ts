import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierColumns, isNhsNumber, nhsNumberInRow } from './patient-identifiers.js';

describe('isNhsNumber', () => {
  it('accepts numbers whose modulus 11 check digit is right, with or without spaces', () => {
    // 943 476 5919: 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 9·3 + 1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9 ✓
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('943 476 5919')).toBe(true);
    expect(isNhsNumber('943-476-5919')).toBe(true);
  });

  it('accepts a check digit of 0 where 11 − remainder is 11', () => {
    // 100 000 000 x: 1·10 = 10; 10 mod 11 = 10; 11 − 10 = 1, so 1000000001 is valid.
    expect(isNhsNumber('1000000001')).toBe(true);
    // 000 000 000 0: sum 0, remainder 0, 11 − 0 = 11 → check digit 0.
    expect(isNhsNumber('0000000000')).toBe(true);
  });

  it('refuses a wrong check digit, a check value of 10, and anything not 10 digits', () => {
    expect(isNhsNumber('9434765918')).toBe(false);
    // 100 000 001 x: 1·10 + 1·2 = 12; 12 mod 11 = 1; 11 − 1 = 10, so no check digit is valid.
    for (let d = 0; d <= 9; d++) expect(isNhsNumber(`100000001${d}`)).toBe(false);
    expect(isNhsNumber('943476591')).toBe(false);
    expect(isNhsNumber('94347659190')).toBe(false);
    expect(isNhsNumber('94347 65919')).toBe(false);
    expect(isNhsNumber('12.5')).toBe(false);
  });

  it('agrees with the rule written as patterns, on any text', () => {
    // The rule as it was first written: groups of 3, 3 and 4 digits, a space or hyphen allowed between.
    const byPattern = (text: string): boolean => {
      const digits = text.trim().replace(/^(\d{3})[ -]?(\d{3})[ -]?(\d{4})$/, '$1$2$3');
      if (!/^\d{10}$/.test(digits)) return false;
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
      const check = 11 - (sum % 11);
      return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9]);
    };
    const character = fc.constantFrom('0', '1', '3', '4', '5', '6', '7', '9', ' ', '-', '\t', 'a', '٣');
    const text = fc.oneof(
      fc.array(character, { minLength: 8, maxLength: 14 }).map((c) => c.join('')),
      fc.stringMatching(/^\s?\d{3}[ -]?\d{3}[ -]?\d{4}\s?$/),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(isNhsNumber(t)).toBe(byPattern(t));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('identifierColumns', () => {
  it('names columns that look like patient identifiers and says why', () => {
    const problems = identifierColumns([
      'period',
      'NHS Number',
      'Patient ID',
      'DOB',
      'ward',
      'Post code',
      'value',
    ]);
    expect(problems.map((p) => p.column)).toEqual(['NHS Number', 'Patient ID', 'DOB', 'Post code']);
    expect(problems[0]!.reason).toMatch(/"NHS Number" looks like an NHS number/);
  });

  it('leaves aggregate columns alone', () => {
    expect(
      identifierColumns(['period', 'org_code', 'unit_name', 'attendances', 'breaches', 'patients']),
    ).toEqual([]);
  });
});

describe('nhsNumberInRow', () => {
  it('finds a valid NHS number in any cell, naming the row and column but not the number', () => {
    const p = nhsNumberInRow(['period', 'ref', 'value'], ['2024-01-01', '943 476 5919', '3'], 7);
    expect(p?.column).toBe('ref');
    expect(p?.reason).toMatch(/Row 7, column "ref" holds a valid NHS number/);
    expect(p?.reason).not.toContain('943');
  });

  it('ignores counts and numbers that fail the check', () => {
    expect(nhsNumberInRow(['a', 'b'], ['9434765918', '1234567'], 2)).toBeNull();
  });
});
