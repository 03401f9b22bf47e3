/**
 * @module errors
 * The data layer's one error type: a stable code, a message a person can act on, and where.
 */

/**
 * `invalid_input`: a value is missing or malformed; `not_found`: a referenced row does not exist
 * (or the person may not see it); `conflict`: the change clashes with data already stored (a
 * duplicate, a rule on existing data); `unauthenticated`: no valid sign-in; `forbidden`: the
 * person may not do this; `too_many_requests`: too many attempts (sign-in lock-out).
 */
export type DataErrorCode =
  'invalid_input' | 'not_found' | 'conflict' | 'unauthenticated' | 'forbidden' | 'too_many_requests';

/** Raised by the repositories for input they refuse. */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly code: DataErrorCode;
  /** The input field at fault (`odsCode`, `spcOptions.direction`, `rows[12].period`...). */
  readonly field: string | undefined;
  /** 0-based index of the offending row in a batch, where there is one. */
  readonly index: number | undefined;
  /** A finer reason for batch rows (`unknown_series`, `duplicate_point`, `value_required`...). */
  readonly reason: string | undefined;

  constructor(
    code: DataErrorCode,
    message: string,
    where: { field?: string; index?: number; reason?: string; cause?: unknown } = {},
  ) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.code = code;
    this.field = where.field;
    this.index = where.index;
    this.reason = where.reason;
  }
}
