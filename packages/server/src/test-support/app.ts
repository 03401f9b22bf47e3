/**
 * @module test-support/app
 * The HTTP app over a test's database (its rolled-back transaction), driven with `inject`.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/types.js';
import { buildApp } from '../http/app.js';
import type { Api } from '../http/types.js';

/** Builds the app on `db`, runs `fn`, and closes the app (not the database). */
export async function withApp<T>(db: Database, fn: (app: Api) => Promise<T>): Promise<T> {
  const app = await buildApp({ db });
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
