/**
 * @module db/sql
 * Raw SQL helpers that behave the same on both engines.
 */
import type { SQL } from 'drizzle-orm';
import type { Database } from './types.js';

/**
 * Runs a raw query and returns its rows. Both drivers put rows in `rows`. Cast counts to `int`
 * (`bigint` comes back as a string from node-postgres) and avoid `date`/`timestamp` columns
 * here (the drivers parse them differently); read those through the query builder.
 */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** A PostgreSQL error's fields, as both drivers report them. */
export interface PgErrorFields {
  /** SQLSTATE, for example `23505` (unique violation). */
  readonly code: string;
  readonly constraint: string | undefined;
  readonly detail: string | undefined;
}

/** The PostgreSQL error behind `error` (drizzle wraps driver errors in `cause`), if there is one. */
export function pgError(error: unknown): PgErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; detail?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
        detail: typeof candidate.detail === 'string' ? candidate.detail : undefined,
      };
    }
    current = candidate.cause;
  }
  return undefined;
}

/** SQLSTATE codes the repositories translate into `DataError`s. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';

/** Quotes an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
