/**
 * @module db/pglite
 * The embedded engine: PGlite (PostgreSQL in WebAssembly) in a data folder or in memory.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle, PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { lockFolder } from './folder-lock.js';
import * as schema from './schema.js';
import { quoteIdentifier } from './sql.js';
import type { CsvChunks, DatabaseHandle, Schema, TransactionContext } from './types.js';

/** Where PGlite keeps its data. */
export interface PgliteConfig {
  readonly engine: 'pglite';
  /** The data folder (created if missing), or null for a database in memory. */
  readonly dataDir: string | null;
  /** A `dumpDataDir()` tarball to start a new database from (tests, restores). */
  readonly loadDataDir?: Blob | undefined;
}

/** A handle on PGlite, with the instance itself for dumps. */
export interface PgliteHandle extends DatabaseHandle {
  readonly engine: 'pglite';
  readonly client: PGlite;
}

type Tables = ExtractTablesWithRelations<Schema>;

/** Opens (creating if needed) a PGlite database. A new data folder takes seconds (initdb). */
export async function openPglite(config: PgliteConfig): Promise<PgliteHandle> {
  let release = (): Promise<void> => Promise.resolve();
  if (config.dataDir !== null) {
    await mkdir(config.dataDir, { recursive: true });
    release = await lockFolder(config.dataDir);
  }
  const location = config.dataDir ?? 'memory://';
  let client: PGlite;
  try {
    client = await PGlite.create(
      location,
      config.loadDataDir === undefined ? {} : { loadDataDir: config.loadDataDir },
    );
  } catch (error) {
    await release();
    throw error;
  }
  const db = drizzle({ client, schema });

  // A drizzle transaction over PGlite's own transaction object, so that COPY with a blob can run
  // on it (PGlite queries outside it would wait for the transaction to end).
  const dialect = new PgDialect();
  const tables = extractTablesRelationalConfig<Tables>(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };

  return {
    engine: 'pglite',
    client,
    db,
    location,
    transaction: <T>(fn: (ctx: TransactionContext) => Promise<T>): Promise<T> =>
      client.transaction(async (native) => {
        const session = new PgliteSession<Schema, Tables>(native, dialect, relational, {});
        const tx = new PgliteTransaction<Schema, Tables>(dialect, session, relational);
        return fn({
          engine: 'pglite',
          db: tx,
          copyCsv: (table, columns, csv) => copyIntoPglite(native, table, columns, csv),
        });
      }),
    migrate: (migrationsFolder) => migrate(db, { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        await release();
      }
    },
  };
}

/** COPY from a blob: PGlite reads `/dev/blob` from the query's `blob` option (held in memory). */
async function copyIntoPglite(
  native: Transaction,
  table: string,
  columns: readonly string[],
  csv: CsvChunks,
): Promise<void> {
  const chunks: string[] = [];
  for await (const chunk of csv) chunks.push(chunk);
  const target = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
  await native.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob(chunks) });
}
