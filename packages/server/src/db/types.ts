/**
 * @module db/types
 * The database as the repositories see it: the same drizzle type on both engines.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/** Every table of the schema. */
export type Schema = typeof schema;

/**
 * A drizzle database or transaction over the schema, on PGlite or node-postgres alike (a
 * transaction is a database too, so repositories compose inside a caller's transaction). Raw
 * results of `execute` differ between the drivers: read them only through `queryRows`.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** Which engine a database runs on. */
export type Engine = 'pglite' | 'postgres';

/** CSV text in chunks (each chunk any number of whole or partial lines). */
export type CsvChunks = AsyncIterable<string> | Iterable<string>;

/** One transaction on one connection: drizzle for queries, and COPY on that same connection. */
export interface TransactionContext {
  readonly engine: Engine;
  /** The transaction (nested `db.transaction` calls become savepoints). */
  readonly db: Database;
  /**
   * Loads CSV (no header, PostgreSQL's CSV format: an empty unquoted field is null) into `table`'s
   * `columns` with COPY, inside this transaction. Names are quoted as identifiers.
   */
  copyCsv(table: string, columns: readonly string[], csv: CsvChunks): Promise<void>;
}

/** An open database: query through `db`, bulk-load inside `transaction`, and `close` at the end. */
export interface DatabaseHandle {
  readonly engine: Engine;
  /** The database (a PGlite instance or a node-postgres pool behind drizzle). */
  readonly db: Database;
  /** Where the data live: the PGlite data folder (`memory://` in memory), or the server without its password. */
  readonly location: string;
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it throws.
   * Inside `fn` use `ctx.db` only: PGlite has one connection, and a query on `handle.db` would
   * wait for this transaction to end.
   */
  transaction<T>(fn: (ctx: TransactionContext) => Promise<T>): Promise<T>;
  /** Applies the pending migrations of packages/server/drizzle with the engine's own migrator. */
  migrate(migrationsFolder: string): Promise<void>;
  /** Closes the database (PGlite) or ends the pool (PostgreSQL). */
  close(): Promise<void>;
}
