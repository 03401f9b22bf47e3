/**
 * @module db/constraints
 * Turning constraint violations into `DataError`s that name the input field.
 */
import type { DataErrorCode } from '../errors.js';
import { DataError } from '../errors.js';
import { pgError } from './sql.js';

/** What a violated constraint means to the caller. */
export interface ConstraintMeaning {
  readonly code: DataErrorCode;
  readonly field: string;
  readonly message: string;
}

/**
 * The `DataError` for a violation of one of `known` constraints (by constraint name), or the
 * error unchanged. Use as `catch (error) { throw asDataError(error, KNOWN) }`.
 */
export function asDataError(error: unknown, known: Readonly<Record<string, ConstraintMeaning>>): unknown {
  const constraint = pgError(error)?.constraint;
  const meaning = constraint === undefined ? undefined : known[constraint];
  if (meaning === undefined) return error;
  return new DataError(meaning.code, meaning.message, { field: meaning.field, cause: error });
}
