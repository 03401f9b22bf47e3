/**
 * @module commands/serve
 * `groundswell serve` and `groundswell migrate`: the server, with the demo data on first start.
 */
import type * as ServerModule from '@groundswell/server';

/** The server and its database drivers load only for these commands, not for every CLI start. */
const server = (): Promise<typeof ServerModule> => import('@groundswell/server');

export interface ServeFlags {
  /** Load the bundled demo data into an empty database (default true). */
  readonly demo: boolean;
}

/**
 * Starts the server; unless `--no-demo`, first loads the demo data into an empty database. The
 * demo load runs on its own connection, closed before the server opens the database again: an
 * embedded database keeps the memory it grew to while loading until it is closed.
 */
export async function runServe(flags: ServeFlags): Promise<void> {
  const { databaseConfigFromEnv, loadConfig, loadDemoData, migrate, openDatabase, startServer } =
    await server();
  // The configuration first: a bad HOST or PORT is reported before anything is opened or loaded.
  const config = loadConfig();
  if (flags.demo) {
    const handle = await openDatabase(databaseConfigFromEnv());
    try {
      await migrate(handle);
      const started = performance.now();
      const summary = await loadDemoData(handle.db);
      if (summary.loaded) {
        process.stderr.write(
          `groundswell: loaded the demo data (${summary.organisations} organisations, ${summary.series} series, ${summary.observations} observations) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }
    } finally {
      await handle.close();
    }
  }
  await startServer({ config });
}

/** Applies the database migrations and exits. */
export async function runMigrate(): Promise<void> {
  const { databaseConfigFromEnv, migrate, openDatabase } = await server();
  const handle = await openDatabase(databaseConfigFromEnv());
  try {
    await migrate(handle);
    process.stderr.write('groundswell: the database is up to date\n');
  } finally {
    await handle.close();
  }
}
