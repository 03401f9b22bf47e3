/**
 * @module api/send
 * A change sent to the API: its data, or the failure with the request field the server named, so
 * that a form can put the message on the control at fault.
 */
import { ApiFailure, data } from './client';

/** An API failure that names the request field at fault (`details.field`), as the forms need. */
export class FieldFailure extends ApiFailure {
  readonly field: string | undefined;

  constructor(failure: ApiFailure, field: string | undefined) {
    super(failure.status, failure.code, failure.message, failure.issues);
    this.name = 'FieldFailure';
    this.field = field;
  }
}

/**
 * `data(call)` for a change: the data, or the failure with the field the server named (a 400 from
 * the data layer names one field and no list of issues).
 */
export async function send<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (cause) {
    return data(Promise.reject(cause instanceof Error ? cause : new Error(String(cause))));
  }
  try {
    return await data(Promise.resolve(result));
  } catch (failure) {
    if (!(failure instanceof ApiFailure)) throw failure;
    const body = result.error as { error?: { details?: { field?: unknown } } } | undefined;
    const field = body?.error?.details?.field;
    throw new FieldFailure(failure, typeof field === 'string' ? field : undefined);
  }
}
