/**
 * @module http/errors
 * The API's one error vocabulary: a stable `code`, the HTTP status that goes with it and a
 * message a person can act on. Every error response has the body `{ error: { code, message,
 * details? } }` (see `error-handler.ts`, which turns any thrown error into one).
 */
import { z } from 'zod';

/** The stable codes of API errors, with their HTTP status. */
export const ERROR_STATUS = {
  /** A request field is missing or malformed (`details.field` names it). */
  invalid_input: 400,
  /** The request body is not valid JSON, or of a type the API does not take. */
  bad_request: 400,
  /** The request needs a signed-in person (or an API token), and has none that is valid. */
  unauthenticated: 401,
  /** The person may not do this (their role, a token's scope, or a missing CSRF token). */
  forbidden: 403,
  /** The id (or path) names nothing, or nothing the person may see. */
  not_found: 404,
  /** The change clashes with data already stored (a duplicate, a rule on existing data). */
  conflict: 409,
  /** The request body is larger than the server accepts. */
  payload_too_large: 413,
  /** The content type is not one the API takes (send `application/json`). */
  unsupported_media_type: 415,
  /** The stored data cannot be analysed as asked (the SPC engine refused them). */
  unprocessable: 422,
  /** Too many attempts (sign-in): wait and try again. */
  too_many_requests: 429,
  /** Something failed inside the server; it has been logged. */
  internal: 500,
  /** A dependency (the database) is not reachable. */
  unavailable: 503,
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Where an error is, and other facts a client may use. */
export interface ErrorDetails {
  /** The request field at fault: `odsCode`, `rows[3].period`, `spcOptions.direction`... */
  readonly field?: string | undefined;
  /** Where the field is, for request validation: `body`, `querystring`, `params` or `headers`. */
  readonly in?: string | undefined;
  /** 0-based index of the offending row in a batch. */
  readonly index?: number | undefined;
  /** A finer reason (`unknown_series`, `duplicate_point`, `too_small`...). */
  readonly reason?: string | undefined;
  /** Every problem found, when there are several (validation). */
  readonly issues?: readonly { readonly field: string; readonly message: string }[] | undefined;
}

/** An error the API reports as it is: its code, status, message and details reach the client. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** The body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly details?: ErrorDetails;
  };
}

/** The error body of `error`, with details only when there are some. */
export function errorBody(error: ApiError): ErrorBody {
  const details = error.details === undefined ? undefined : withoutUndefined(error.details);
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(details === undefined || Object.keys(details).length === 0 ? {} : { details }),
    },
  };
}

function withoutUndefined(details: ErrorDetails): ErrorDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
}

/** The error body as a zod schema, for the OpenAPI document. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z
        .object({
          field: z.string().optional(),
          in: z.string().optional(),
          index: z.number().int().optional(),
          reason: z.string().optional(),
          issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
        })
        .optional(),
    }),
  })
  .describe('An error: a stable code, a message a person can act on, and where');

/** The error responses every route may give, for its `response` schema. */
export const ERROR_RESPONSES = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
} as const;
