/**
 * @module validate
 * Checks a series before analysis (spc-method.md §6).
 */
import { SpcInputError } from './errors.js';
import type { Period, SeriesInput } from './types.js';

function checkLength(name: string, arr: readonly unknown[] | undefined, n: number): void {
  if (arr !== undefined && arr.length !== n) {
    throw new SpcInputError('length_mismatch', `${name} has ${arr.length} entries but values has ${n}`, {
      field: name,
    });
  }
}

/**
 * Refuses periods that are not strictly increasing (or, with `allowEqual`, that decrease),
 * or that mix numbers and strings.
 */
export function checkPeriods(periods: readonly Period[], allowEqual = false, field = 'periods'): void {
  if (periods.length === 0) return;
  const kind = typeof periods[0];
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    if (typeof p === 'number' && !Number.isFinite(p)) {
      // String(), not JSON.stringify(): the latter prints NaN and Infinity as "null".
      throw new SpcInputError('non_finite_value', `${field}[${i}] is ${String(p)}, not a finite number`, {
        index: i,
        field,
      });
    }
    if (typeof p !== kind || (kind !== 'number' && kind !== 'string')) {
      throw new SpcInputError(
        'mixed_period_types',
        `${field}[${i}] is ${JSON.stringify(p)}; every period must be a finite number or every period a string`,
        { index: i, field },
      );
    }
    if (i > 0) {
      const prev = periods[i - 1]!;
      if (p < prev || (!allowEqual && p === prev)) {
        throw new SpcInputError(
          'periods_not_increasing',
          p === prev
            ? `Duplicate period ${String(p)} at points ${i} and ${i + 1}`
            : `Periods must increase: ${String(p)} (point ${i + 1}) comes after ${String(prev)}`,
          { index: i, field },
        );
      }
    }
  }
}

/** Refuses NaN and ±Infinity. */
export function checkFinite(values: readonly number[], field = 'values'): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new SpcInputError('non_finite_value', `${field}[${i}] is ${String(v)}, not a finite number`, {
        index: i,
        field,
      });
    }
  }
}

/** Validates a series; returns its length. */
export function validateSeries(input: SeriesInput): number {
  const { values } = input;
  if (!Array.isArray(values)) {
    throw new SpcInputError('length_mismatch', 'values must be an array of numbers', { field: 'values' });
  }
  const n = values.length;
  checkLength('periods', input.periods, n);
  checkLength('ghosts', input.ghosts, n);
  checkLength('rebases', input.rebases, n);
  checkLength('targets', input.targets, n);
  checkFinite(values);
  if (input.periods) checkPeriods(input.periods);
  if (input.targets) checkTargets(input.targets);
  return n;
}

/** Refuses a target that is neither null (no target at that point) nor a finite number. */
export function checkTargets(targets: readonly (number | null)[]): void {
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (t !== null && t !== undefined && !Number.isFinite(t)) {
      throw new SpcInputError('non_finite_value', `targets[${i}] is ${String(t)}, not a finite number`, {
        index: i,
        field: 'targets',
      });
    }
  }
}
