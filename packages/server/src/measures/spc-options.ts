/**
 * @module measures/spc-options
 * A measure's stored SPC options: what the SPC engine takes, minus the target (kept over time
 * in `measure_targets`), with rebase and baseline dates as ISO dates so that they survive JSON.
 */
import { resolveOptions, SpcInputError } from '@groundswell/spc';
import type { SpcOptions } from '@groundswell/spc';
import { DataError } from '../errors.js';
import { isIsoDate } from '../validation.js';

/** The options kept on a measure (`measures.spc_options`, a JSON object). */
export type StoredSpcOptions = Omit<SpcOptions, 'target' | 'rebaseAt' | 'baseline'> & {
  /** Periods (ISO dates) at which a new partition starts. */
  readonly rebaseAt?: readonly string[] | undefined;
  /** Fix the limits on the first N points, or on the points up to a date. */
  readonly baseline?: { readonly points: number } | { readonly until: string } | null | undefined;
};

const FIELD = 'spcOptions';

function invalid(message: string, field = FIELD): never {
  throw new DataError('invalid_input', message, { field });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkDates(value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every(isIsoDate)) {
    invalid('rebaseAt must be a list of dates (YYYY-MM-DD)', `${FIELD}.rebaseAt`);
  }
}

function checkBaseline(value: unknown): void {
  if (value === undefined || value === null) return;
  if (isPlainObject(value) && 'until' in value && !isIsoDate(value.until)) {
    invalid('baseline.until must be a date (YYYY-MM-DD)', `${FIELD}.baseline`);
  }
}

/**
 * Checks stored SPC options as the engine would (unknown options and invalid values are refused)
 * and returns them without `undefined` members, ready to store as JSON.
 * @throws {DataError} `invalid_input` naming the option (`spcOptions.<name>`).
 */
export function parseSpcOptions(input: unknown): StoredSpcOptions {
  if (input === undefined || input === null) return {};
  if (!isPlainObject(input)) invalid('must be an object');
  if ('target' in input) invalid('the target is set over time with setTarget, not here', `${FIELD}.target`);
  checkDates(input.rebaseAt);
  checkBaseline(input.baseline);
  try {
    resolveOptions(input);
  } catch (error) {
    if (error instanceof SpcInputError) invalid(error.message, `${FIELD}.${error.field ?? ''}`);
    throw error;
  }
  return JSON.parse(JSON.stringify(input)) as StoredSpcOptions;
}
