import { describe, expect, it } from 'vitest';
import {
  carryMapping,
  checkChoices,
  choicesFromMapping,
  mappingFits,
  mappingFromChoices,
  sampleValues,
} from './mapping';

const columns = ['Month', 'Ward', 'Measure', 'Falls', 'Bed days'];

describe('the mapping form', () => {
  it('shows a stored mapping as a choice per column, with fixed values apart', () => {
    const choices = choicesFromMapping(columns, {
      period: { column: 'Month' },
      measure: { value: 'demo-falls' },
      unit: { column: 'Ward' },
      numerator: { column: 'Falls' },
      denominator: { column: 'Bed days' },
      value: { column: 'Gone' },
    });
    expect(choices).toEqual({
      columns: { Month: 'period', Ward: 'unit', Measure: '', Falls: 'numerator', 'Bed days': 'denominator' },
      measure: 'demo-falls',
      unit: '',
    });
    expect(mappingFromChoices(choices)).toEqual({
      period: { column: 'Month' },
      unit: { column: 'Ward' },
      numerator: { column: 'Falls' },
      denominator: { column: 'Bed days' },
      measure: { value: 'demo-falls' },
    });
  });

  it('accepts a complete mapping', () => {
    const choices = choicesFromMapping(columns, {
      period: { column: 'Month' },
      measure: { column: 'Measure' },
      value: { column: 'Falls' },
    });
    expect(checkChoices(choices, false)).toEqual([]);
    expect(mappingFromChoices({ ...choices, unit: 'Medicine / Ward 10' }).unit).toEqual({
      value: 'Medicine / Ward 10',
    });
  });

  it('finds every problem, each on the control to fix, in the order of the form', () => {
    const choices = {
      columns: { Month: '', Ward: 'numerator', Measure: '', Falls: 'numerator', 'Bed days': '' },
      measure: '',
      unit: '',
    } as const;
    expect(checkChoices(choices, true)).toEqual([
      { target: 'column-0', message: 'Choose the column that holds each row’s period (a date)' },
      {
        target: 'column-0',
        message: 'Choose the column of ODS codes: a national file says which organisation each row is for',
      },
      { target: 'column-1', message: 'Choose the denominator column too: a numerator needs a denominator' },
      {
        target: 'column-3',
        message: 'Choose one column for the numerator: “Ward” and “Falls” are both the numerator',
      },
      {
        target: 'fixed-measure',
        message: 'Choose the column that names each row’s measure, or the measure every row belongs to',
      },
    ]);
  });

  it('wants a value or a numerator and denominator, not both', () => {
    const base = { measure: 'demo-falls', unit: '' };
    expect(
      checkChoices({ ...base, columns: { Month: 'period', Falls: '' } }, false).map((e) => e.message),
    ).toEqual(['Choose the column of values, or the numerator and denominator columns']);
    expect(
      checkChoices(
        { ...base, columns: { Month: 'period', A: 'value', B: 'numerator', C: 'denominator' } },
        false,
      ).map((e) => e.target),
    ).toEqual(['column-1']);
  });

  it('carries an earlier mapping to a corrected file, as far as its columns allow', () => {
    const earlier = {
      period: { column: 'Month' },
      measure: { value: 'demo-falls' },
      numerator: { column: 'Falls' },
      denominator: { column: 'Bed days' },
    };
    expect(mappingFits(earlier, columns)).toBe(true);
    expect(mappingFits(earlier, ['Month', 'Falls', 'Beddays'])).toBe(false);
    expect(
      carryMapping(
        earlier,
        { period: { column: 'Date' }, value: { column: 'Beddays' }, unit: { column: 'Ward' } },
        ['Date', 'Ward', 'Falls', 'Beddays'],
      ),
    ).toEqual({
      period: { column: 'Date' },
      unit: { column: 'Ward' },
      measure: { value: 'demo-falls' },
      numerator: { column: 'Falls' },
    });
  });

  it('picks a few distinct values of a column from the sample', () => {
    const sample = [
      ['2024-01-01', ''],
      ['2024-01-01', '3'],
      ['2024-02-01', ' 4 '],
      ['2024-03-01', '5'],
      ['2024-04-01', '6'],
    ];
    expect(sampleValues(sample, 0)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    expect(sampleValues(sample, 1, 2)).toEqual(['3', '4']);
    expect(sampleValues(sample, 5)).toEqual([]);
  });
});
