/**
 * @module http/error-handler
 * One global error handler: every thrown error becomes an `ErrorBody` with a fitting status.
 * Request validation (zod) → 400 naming the field; the data layer's `DataError` → 400, 404 or
 * 409; the engine's `SpcInputError` → 422; anything unknown → logged, and a generic 500.
 */
import { SpcInputError } from '@groundswell/spc';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DataError } from '../errors.js';
import { ApiError, errorBody } from './errors.js';

/** `/rows/3/period` (a JSON pointer) → `rows[3].period`. */
export function fieldName(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((part) => part !== '')
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function fromValidation(
  validation: readonly { instancePath: string; message?: string | undefined }[],
  context: string | undefined,
): ApiError {
  const issues = validation.map((issue) => ({
    field: fieldName(issue.instancePath),
    message: issue.message ?? 'is invalid',
  }));
  const first = issues[0]!;
  const where = first.field === '' ? 'the request' : first.field;
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new ApiError('invalid_input', `${where}: ${first.message}${more}`, {
    field: first.field,
    in: context,
    issues,
  });
}

function fromDataError(error: DataError): ApiError {
  const code = error.code === 'invalid_input' ? 'invalid_input' : error.code;
  return new ApiError(
    code,
    error.message,
    { field: error.field, index: error.index, reason: error.reason },
    error,
  );
}

function fromFastify(error: FastifyError): ApiError | undefined {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (status === 413) return new ApiError('payload_too_large', error.message, undefined, error);
  if (status === 415) {
    return new ApiError(
      'unsupported_media_type',
      `${error.message}; send application/json`,
      undefined,
      error,
    );
  }
  if (status === 404) return new ApiError('not_found', error.message, undefined, error);
  if (status === 429) {
    return new ApiError(
      'too_many_requests',
      `Too many attempts: ${error.message.replace(/^Rate limit exceeded, /, '')}`,
      undefined,
      error,
    );
  }
  return new ApiError('bad_request', error.message, undefined, error);
}

/** The `ApiError` an error stands for, or undefined for an unexpected one. */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (hasZodFastifySchemaValidationErrors(error))
    return fromValidation(error.validation, error.validationContext);
  if (error instanceof DataError) return fromDataError(error);
  if (error instanceof SpcInputError) {
    return new ApiError('unprocessable', `the data cannot be analysed: ${error.message}`, {
      field: error.field,
      index: error.index,
      reason: error.code,
    });
  }
  if (error instanceof Error && 'statusCode' in error) return fromFastify(error as FastifyError);
  return undefined;
}

const INTERNAL = new ApiError(
  'internal',
  'something went wrong on the server; it has been logged, try again later',
);

/** Fastify's error handler: known errors as they are, unknown ones logged and hidden behind a 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toApiError(error);
  if (known === undefined) {
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(INTERNAL.status).send(errorBody(INTERNAL));
  }
  if (known.status >= 500) request.log.error({ err: error }, known.message);
  return reply.code(known.status).send(errorBody(known));
}

/** The answer for a path no route serves. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? '';
  return reply
    .code(404)
    .send(errorBody(new ApiError('not_found', `no route serves ${request.method} ${path}`)));
}
