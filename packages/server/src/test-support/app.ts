/**
 * @module test-support/app
 * The HTTP app over a test's database (its rolled-back transaction), driven with `inject`.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { operatorToken } from './users.js';
import { savepointStore } from '../db/store.js';
import type { Database, TransactionContext } from '../db/types.js';
import { buildApp } from '../http/app.js';
import type { AppOptions } from '../http/app.js';
import type { Api } from '../http/types.js';

/**
 * Builds the app on a test's database, runs `fn`, and closes the app (not the database). Given
 * the whole transaction context, the app can also load in bulk (imports), in savepoints.
 */
export async function withApp<T>(
  db: Database | TransactionContext,
  fn: (app: Api) => Promise<T>,
  options: Omit<AppOptions, 'db'> & {
    /**
     * Who requests without their own `cookie` or `authorization` header come from: by default a
     * platform administrator's API token (tests of what the API does); `public` for signed-out
     * requests (tests of access).
     */
    readonly as?: 'operator' | 'public';
  } = {},
): Promise<T> {
  const { as = 'operator', ...appOptions } = options;
  const app = await buildApp({ ...appOptions, db: 'copyCsv' in db ? savepointStore(db) : db });
  if (as === 'operator') {
    const handle = 'copyCsv' in db ? db.db : db;
    const authorization = `Bearer ${await operatorToken(handle)}`;
    const inject = app.inject.bind(app);
    // Adds the operator's token to requests that name no one else.
    (app as { inject: unknown }).inject = (opts: InjectOptions | string) => {
      const request = typeof opts === 'string' ? { url: opts } : opts;
      const headers = (request.headers ?? {}) as Record<string, unknown>;
      const named = 'cookie' in headers || 'authorization' in headers || request.cookies !== undefined;
      return inject(named ? request : { ...request, headers: { ...headers, authorization } });
    };
  }
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** The JSON body of a response, typed as the test expects. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of JSON, as `response.json<T>()`
export function body<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return response.json<T>();
}

/** An error response's `error` member. */
export interface ErrorJson {
  readonly error: {
    code: string;
    message: string;
    details?: { field?: string; in?: string; index?: number };
  };
}
