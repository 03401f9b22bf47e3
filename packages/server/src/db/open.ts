/**
 * @module db/open
 * Choosing and opening the engine from the configuration or the environment.
 */
import { resolve } from 'node:path';
import { openPglite } from './pglite.js';
import type { PgliteConfig } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { PostgresConfig } from './postgres.js';
import type { DatabaseHandle } from './types.js';

/** Which database to open. */
export type DatabaseConfig = PgliteConfig | PostgresConfig;

/** The PGlite data folder when `GROUNDSWELL_DATA_DIR` is not set (relative to the working folder). */
export const DEFAULT_DATA_DIR = './data/db';

/**
 * The configuration from the environment: `DATABASE_URL` set → that PostgreSQL server (with
 * `DATABASE_POOL_MAX` connections at most); otherwise PGlite in `GROUNDSWELL_DATA_DIR`
 * (default `./data/db`).
 */
export function databaseConfigFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const poolMax = env.DATABASE_POOL_MAX === undefined ? undefined : Number(env.DATABASE_POOL_MAX);
    if (poolMax !== undefined && !(Number.isInteger(poolMax) && poolMax > 0)) {
      throw new Error(
        `DATABASE_POOL_MAX must be a whole number above 0, got ${JSON.stringify(env.DATABASE_POOL_MAX)}`,
      );
    }
    return { engine: 'postgres', url, poolMax };
  }
  return { engine: 'pglite', dataDir: resolve(env.GROUNDSWELL_DATA_DIR?.trim() || DEFAULT_DATA_DIR) };
}

/**
 * Opens the database (it does not migrate: call `migrate` next). Same drizzle type on both
 * engines; `close()` it at the end.
 */
export async function openDatabase(
  config: DatabaseConfig = databaseConfigFromEnv(),
): Promise<DatabaseHandle> {
  switch (config.engine) {
    case 'pglite':
      return openPglite(config);
    case 'postgres':
      return Promise.resolve(openPostgres(config));
  }
}
