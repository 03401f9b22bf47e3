/**
 * @module api/client
 * The typed HTTP client of the Groundswell API (paths and bodies checked against the generated
 * `schema.d.ts`), and the one error type every page shows.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** Schemas of the API by name (`Schema<'Dashboard'>`). */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K];

/** The client; every path is `/api/v1/...`. */
export const api = createClient<paths>({ baseUrl: '' });

/** The signed-in session's CSRF token (api/session.ts sets it whenever the session loads or changes). */
let csrfToken: string | null = null;

/** Methods that change nothing: they need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Remembers the session's CSRF token (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * The header every change made with the session cookie must carry (`X-CSRF-Token`), or none when
 * signed out: for requests that do not go through `api` (an upload with XMLHttpRequest).
 */
export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { 'X-CSRF-Token': csrfToken };
}

// Every change (POST, PUT, PATCH, DELETE) carries the session's CSRF token, else the server refuses it (403).
api.use({
  onRequest({ request }) {
    if (csrfToken !== null && !SAFE_METHODS.has(request.method.toUpperCase())) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
});

/** An error the API reported (its stable code and a message a person can act on), or a network failure. */
export class ApiFailure extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: readonly { field: string; message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    issues: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { issues?: { field: string; message: string }[] } };
}

/**
 * The data of an openapi-fetch result, or an `ApiFailure` thrown with the server's message.
 * @example const org = await data(api.GET('/api/v1/organisations/{ref}', { params: { path: { ref } } }));
 */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiFailure(
      0,
      'network',
      `Groundswell could not be reached (${String(cause)}). Check your connection and try again.`,
    );
  }
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok) return undefined as T;
  const body = (result.error ?? {}) as ErrorBody;
  throw new ApiFailure(
    result.response.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `The server answered ${result.response.status} ${result.response.statusText}.`,
    body.error?.details?.issues ?? [],
  );
}
