/**
 * Input the engine refuses (spc-method.md §6), each with a code, the point's index and the field.
 */
import { describe, expect, it } from 'vitest';
import { SpcInputError, type SpcErrorCode } from './errors.js';
import type { SeriesInput } from './types.js';
import { checkPeriods, validateSeries } from './validate.js';
import { xmr } from './xmr.js';

interface Where {
  readonly code: SpcErrorCode;
  readonly index: number | undefined;
  readonly field: string | undefined;
}

function refused(fn: () => unknown): Where & { readonly message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpcInputError)
      return { code: e.code, index: e.index, field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected an SpcInputError');
}
const where = (fn: () => unknown): Where => {
  const { code, index, field } = refused(fn);
  return { code, index, field };
};

describe('validateSeries(input)', () => {
  it('returns the length of a good series', () => {
    expect(validateSeries({ values: [1, 2, 3], periods: ['a', 'b', 'c'], targets: [null, 1, null] })).toBe(3);
    expect(validateSeries({ values: [] })).toBe(0);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses a %s value, naming the point', (text, bad) => {
    const e = refused(() => validateSeries({ values: [1, 2, bad, 4] }));
    expect({ code: e.code, index: e.index, field: e.field }).toEqual({
      code: 'non_finite_value',
      index: 2,
      field: 'values',
    });
    expect(e.message).toContain(text);
  });

  it('refuses a value that is not a number', () => {
    const input = { values: [1, '2'] } as unknown as SeriesInput;
    expect(where(() => validateSeries(input))).toEqual({
      code: 'non_finite_value',
      index: 1,
      field: 'values',
    });
  });

  it('refuses a non-finite target', () => {
    expect(where(() => validateSeries({ values: [1, 2], targets: [null, Number.NaN] }))).toEqual({
      code: 'non_finite_value',
      index: 1,
      field: 'targets',
    });
  });

  it.each(['periods', 'ghosts', 'rebases', 'targets'] as const)(
    'refuses %s of another length than values',
    (field) => {
      const input = {
        values: [1, 2, 3],
        [field]: [field === 'periods' ? 1 : null],
      } as unknown as SeriesInput;
      expect(where(() => validateSeries(input))).toEqual({
        code: 'length_mismatch',
        index: undefined,
        field,
      });
    },
  );

  it('refuses a duplicate period, naming the second point', () => {
    const e = refused(() =>
      validateSeries({ values: [1, 2, 3], periods: ['2024-01', '2024-02', '2024-02'] }),
    );
    expect({ code: e.code, index: e.index, field: e.field }).toEqual({
      code: 'periods_not_increasing',
      index: 2,
      field: 'periods',
    });
    expect(e.message).toContain('Duplicate period 2024-02');
  });

  it('refuses a decreasing period', () => {
    expect(where(() => validateSeries({ values: [1, 2, 3], periods: [1, 3, 2] }))).toEqual({
      code: 'periods_not_increasing',
      index: 2,
      field: 'periods',
    });
  });

  it('refuses periods mixing numbers and strings', () => {
    const input = { values: [1, 2], periods: [1, '2024-01-01'] } as unknown as SeriesInput;
    expect(where(() => validateSeries(input))).toEqual({
      code: 'mixed_period_types',
      index: 1,
      field: 'periods',
    });
  });

  it('refuses a period that is neither a number nor a string', () => {
    const input = { values: [1, 2], periods: [new Date(0), new Date(1)] } as unknown as SeriesInput;
    expect(where(() => validateSeries(input))).toEqual({
      code: 'mixed_period_types',
      index: 0,
      field: 'periods',
    });
  });

  it('refuses a non-finite numeric period, printing it as it is (not as "null")', () => {
    const e = refused(() => validateSeries({ values: [1, 2], periods: [1, Number.NaN] }));
    expect({ code: e.code, index: e.index, field: e.field }).toEqual({
      code: 'non_finite_value',
      index: 1,
      field: 'periods',
    });
    expect(e.message).toContain('NaN');
  });
});

describe('checkPeriods(periods, allowEqual)', () => {
  it('allows equal periods only when asked (T chart event dates)', () => {
    expect(() => {
      checkPeriods([1, 1, 2], true);
    }).not.toThrow();
    expect(
      where(() => {
        checkPeriods([1, 1, 2]);
      }),
    ).toMatchObject({ code: 'periods_not_increasing', index: 1 });
    expect(
      where(() => {
        checkPeriods([1, 2, 1], true);
      }),
    ).toMatchObject({
      code: 'periods_not_increasing',
      index: 2,
    });
  });
});

describe('xmr() refuses bad input before analysing it', () => {
  it('refuses NaN, duplicate periods and an unknown option', () => {
    expect(where(() => xmr({ values: [1, Number.NaN] }))).toMatchObject({
      code: 'non_finite_value',
      index: 1,
    });
    expect(where(() => xmr({ values: [1, 2], periods: [5, 5] }))).toMatchObject({
      code: 'periods_not_increasing',
      index: 1,
    });
    expect(
      where(() => xmr({ values: [1, 2] }, { colour: 'blue' } as unknown as Record<string, never>)),
    ).toMatchObject({
      code: 'unknown_option',
      field: 'colour',
    });
  });
});
