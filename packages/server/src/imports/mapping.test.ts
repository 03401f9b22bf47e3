import { describe, expect, it } from 'vitest';
import { checkMapping, completeMapping, suggestMapping } from './mapping.js';
import type { ImportMapping } from './mapping-types.js';

const COLUMNS = ['Month', 'Measure code', 'Ward', 'Numerator', 'Denominator', 'Org code'];

describe('suggestMapping', () => {
  it('guesses each field from the header names', () => {
    expect(suggestMapping(COLUMNS)).toEqual({
      period: { column: 'Month' },
      measure: { column: 'Measure code' },
      unit: { column: 'Ward' },
      organisation: { column: 'Org code' },
      numerator: { column: 'Numerator' },
      denominator: { column: 'Denominator' },
    });
    expect(suggestMapping(['when', 'how many'])).toEqual({});
  });

  it('where names say nothing, takes the one column of dates and the one remaining column of numbers', () => {
    const sample = [
      ['2024-01', 'Ward 10', '4', 'ok'],
      ['01/02/2024', 'Ward 10', '2.5', 'ok'],
    ];
    expect(suggestMapping(['When', 'Ward', 'Falls', 'Note'], sample)).toEqual({
      period: { column: 'When' },
      unit: { column: 'Ward' },
      value: { column: 'Falls' },
    });
    // Two numeric columns: no guess.
    expect(suggestMapping(['Month', 'A', 'B'], [['2024-01', '1', '2']]).value).toBeUndefined();
  });
});

describe('checkMapping', () => {
  const good: ImportMapping = {
    period: { column: 'Month' },
    measure: { column: 'Measure code' },
    unit: { column: 'Ward' },
    numerator: { column: 'Numerator' },
    denominator: { column: 'Denominator' },
  };

  it('accepts a complete mapping', () => {
    expect(() => {
      checkMapping(good, COLUMNS, false);
    }).not.toThrow();
    expect(() => {
      checkMapping({ ...good, organisation: { column: 'Org code' } }, COLUMNS, true);
    }).not.toThrow();
  });

  it('names the field at fault', () => {
    const cases: [ImportMapping, boolean, string, RegExp][] = [
      [{ ...good, period: { column: 'month' } }, false, 'mapping.period.column', /did you mean "Month"/],
      [
        { ...good, unit: { column: 'Team' } },
        false,
        'mapping.unit.column',
        /no column "Team" \(its columns: "Month", /,
      ],
      [{ ...good, numerator: undefined }, false, 'mapping.numerator', /a numerator needs a denominator/],
      [{ period: good.period, measure: good.measure }, false, 'mapping.value', /map a value column/],
      [good, true, 'mapping.organisation', /column of ODS codes/],
      [
        { ...good, organisation: { value: 'RF4' } },
        false,
        'mapping.organisation',
        /leave the organisation unmapped/,
      ],
      [{ ...good, measure: { value: '  ' } }, false, 'mapping.measure.value', /a column or a value/],
      [
        { ...good, value: { column: 'Ward' } },
        false,
        'mapping.value.column',
        /mapped to both unit and value/,
      ],
    ];
    for (const [mapping, national, field, message] of cases) {
      expect(() => {
        checkMapping(mapping, COLUMNS, national);
      }).toThrow(message);
      try {
        checkMapping(mapping, COLUMNS, national);
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid_input', field });
      }
    }
  });
});

describe('completeMapping', () => {
  const suggested = {
    period: { column: 'Month' },
    unit: { column: 'Ward' },
    value: { column: 'Bed days' },
  };

  it('fills the fields a person left out, but not with a column they mapped elsewhere', () => {
    expect(
      completeMapping(suggested, { numerator: { column: 'Falls' }, denominator: { column: 'Bed days' } }),
    ).toEqual({
      period: { column: 'Month' },
      unit: { column: 'Ward' },
      numerator: { column: 'Falls' },
      denominator: { column: 'Bed days' },
    });
  });

  it('drops a suggested value when a numerator and denominator were chosen, and the reverse', () => {
    expect(completeMapping({ value: { column: 'A' } }, { numerator: { column: 'N' } })).toEqual({
      numerator: { column: 'N' },
    });
    expect(
      completeMapping(
        { numerator: { column: 'N' }, denominator: { column: 'D' } },
        { value: { column: 'V' } },
      ),
    ).toEqual({ value: { column: 'V' } });
    expect(completeMapping(suggested, { unit: { value: 'Ward 10' } })).toEqual({
      ...suggested,
      unit: { value: 'Ward 10' },
    });
  });
});
