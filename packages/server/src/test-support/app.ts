/**
 * @module test-support/app
 * The HTTP app over a test's database (its rolled-back transaction), driven with `inject`.
 */
import type { LightMyRequestResponse } from 'fastify';
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
  options: Omit<AppOptions, 'db'> = {},
): Promise<T> {
  const app = await buildApp({ ...options, db: 'copyCsv' in db ? savepointStore(db) : db });
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
