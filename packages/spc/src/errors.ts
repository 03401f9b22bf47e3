/**
 * @module errors
 * The engine's one error type: what is wrong and where.
 */

export type SpcErrorCode =
  | 'non_finite_value'
  | 'periods_not_increasing'
  | 'mixed_period_types'
  | 'length_mismatch'
  | 'unknown_option'
  | 'invalid_option'
  | 'negative_value'
  | 'negative_denominator'
  | 'numerator_exceeds_denominator'
  | 'zero_denominator'
  | 'invalid_funnel_input';

/** Raised for input the engine refuses (spc-method.md §6). */
export class SpcInputError extends Error {
  override readonly name = 'SpcInputError';
  readonly code: SpcErrorCode;
  /** 0-based index of the offending point, where there is one. */
  readonly index: number | undefined;
  /** The option or input field at fault. */
  readonly field: string | undefined;

  constructor(code: SpcErrorCode, message: string, where: { index?: number; field?: string } = {}) {
    super(message);
    this.code = code;
    this.index = where.index;
    this.field = where.field;
  }
}
