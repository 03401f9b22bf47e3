/**
 * @module db/postgres
 * A PostgreSQL server (15 or newer) through a node-postgres pool.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema.js';
import { quoteIdentifier } from './sql.js';
import type { CsvChunks, DatabaseHandle, TransactionContext } from './types.js';

/** How to reach the server. */
export interface PostgresConfig {
  readonly engine: 'postgres';
  /** A connection URL: `postgres://user:password@host:5432/database`. */
  readonly url: string;
  /** The most connections this process opens (default 10). */
  readonly poolMax?: number | undefined;
}

/** A handle on a PostgreSQL server, with the pool itself. */
export interface PostgresHandle extends DatabaseHandle {
  readonly engine: 'postgres';
  readonly pool: pg.Pool;
}

/** Key of the advisory lock that lets one server at a time migrate. */
const MIGRATION_LOCK = '7240613001';

/** Opens a pool on a PostgreSQL server. No connection is made until the first query. */
export function openPostgres(config: PostgresConfig): PostgresHandle {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax ?? 10,
    application_name: 'groundswell',
  });
  // An idle connection that dies (a server restart) is dropped by the pool; without a listener
  // its error would end the process.
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema });

  return {
    engine: 'postgres',
    pool,
    db,
    location: withoutPassword(config.url),
    transaction: async <T>(fn: (ctx: TransactionContext) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        return await drizzle({ client, schema }).transaction((tx) =>
          fn({
            engine: 'postgres',
            db: tx,
            copyCsv: (table, columns, csv) => copyIntoPostgres(client, table, columns, csv),
          }),
        );
      } finally {
        client.release();
      }
    },
    migrate: async (migrationsFolder) => {
      // Several servers may start at once: the first to take the lock migrates, the others then
      // find nothing left to do. A session-level lock: run this over a direct connection, not
      // through a transaction-mode pooler.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrate(drizzle({ client, schema }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** COPY FROM STDIN, streamed: the CSV is never held whole in memory. */
async function copyIntoPostgres(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  csv: CsvChunks,
): Promise<void> {
  const target = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
  await pipeline(Readable.from(csv), client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)));
}

/** The URL without its password, for logs. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}
