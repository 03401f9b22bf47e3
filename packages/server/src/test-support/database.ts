/**
 * @module test-support/database
 * One repository suite, run on every engine: PGlite always, and a PostgreSQL server when
 * `TEST_DATABASE_URL` is set (for example postgres://postgres@127.0.0.1:5432/postgres).
 *
 * PGlite: one in-memory database per test worker process, started from a migrated template
 * (initdb and migrations take seconds, loading the template about one): the template is built
 * once and kept in node_modules/.cache, keyed by the migrations and the PGlite version.
 * PostgreSQL: a fresh database per test file (`groundswell_test_…`), migrated, dropped at the end.
 * Every test runs in a transaction that is rolled back, so tests never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import pg from 'pg';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { DatabaseHandle, Engine, TransactionContext } from '../db/types.js';
import { pgliteTemplate } from './pglite-template.js';

/** The engines the suite runs on. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

const shared = globalThis as { groundswellTestPglite?: Promise<DatabaseHandle> };

/** This worker's PGlite, migrated (opened on first use, never closed: it lives in memory). */
export function workerPglite(): Promise<DatabaseHandle> {
  shared.groundswellTestPglite ??= (async () => {
    const handle = await openDatabase({
      engine: 'pglite',
      dataDir: null,
      loadDataDir: await pgliteTemplate(),
    });
    await migrate(handle);
    return handle;
  })();
  return shared.groundswellTestPglite;
}

/** The server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new, migrated PostgreSQL database on the `TEST_DATABASE_URL` server, and how to drop it. */
export async function freshPostgres(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `groundswell_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ engine: 'postgres', url: withDatabase(url, name), poolMax: 4 });
  await migrate(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

const ROLLBACK = new Error('test rollback');

/** Runs `fn` in a transaction that is always rolled back; returns what `fn` returned. */
export async function inRollback<T>(
  handle: DatabaseHandle,
  fn: (ctx: TransactionContext) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  try {
    await handle.transaction(async (ctx) => {
      result = await fn(ctx);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result as T;
}

/** A test that gets a transaction context, rolled back after it. */
export type DatabaseTest = (
  title: string,
  fn: (ctx: TransactionContext) => Promise<void>,
  timeout?: number,
) => void;

/** What a suite body receives. */
export interface SuiteTools {
  readonly engine: Engine;
  /** Declares a test run inside a rolled-back transaction. */
  readonly test: DatabaseTest;
  /** The open database, for tests that manage transactions themselves (set once `beforeAll` ran). */
  readonly handle: () => DatabaseHandle;
}

/**
 * Declares the suite once per engine: `describeEachEngine('observations', ({ test }) => {
 * test('…', async ({ db }) => { … }) })`.
 */
export function describeEachEngine(title: string, body: (tools: SuiteTools) => void): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let handle: DatabaseHandle | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (engine === 'pglite') {
          handle = await workerPglite();
        } else {
          ({ handle, drop } = await freshPostgres());
        }
      });
      afterAll(async () => {
        await drop?.();
      });
      const current = (): DatabaseHandle => {
        if (handle === undefined) throw new Error('the database is not open yet');
        return handle;
      };
      body({
        engine,
        handle: current,
        test: (name, fn, timeout) => {
          it(name, () => inRollback(current(), fn), timeout);
        },
      });
    });
  }
}
