/**
 * @module db/schema/columns
 * Constraint helpers shared by the tables. Conventions: ids are `uuid` filled by
 * `gen_random_uuid()` (PostgreSQL 13+, PGlite), except revision rows (`bigint` identity); times
 * are `timestamp with time zone`; periods are `date`; numbers are `double precision`.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { check } from 'drizzle-orm/pg-core';
import type { AnyPgColumn, CheckBuilder } from 'drizzle-orm/pg-core';

/** A CHECK that `column` holds one of `values` (constant lists only: they are inlined as literals). */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]): CheckBuilder {
  return check(name, sql`${column} in (${literals(values)})`);
}

/** Constant strings as a comma-separated list of SQL literals. */
export function literals(values: readonly string[]): SQL {
  for (const value of values) {
    if (!/^[a-z0-9_]+$/.test(value)) throw new Error(`Not a safe literal: ${value}`);
  }
  return sql.raw(values.map((value) => `'${value}'`).join(', '));
}

/** A CHECK that a double precision column is null or finite (not NaN or ±Infinity). */
export function finite(name: string, column: AnyPgColumn): CheckBuilder {
  return check(name, sql`${column} is null or (${column} > '-Infinity' and ${column} < 'Infinity')`);
}
