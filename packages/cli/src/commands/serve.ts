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

/** Starts the server (migrations, then the demo data unless `--no-demo`); runs until stopped. */
export async function runServe(flags: ServeFlags): Promise<void> {
  const { loadDemoData, startServer } = await server();
  await startServer({
    prepare: async (database) => {
      if (!flags.demo) return;
      const started = performance.now();
      const summary = await loadDemoData(database.db);
      if (summary.loaded) {
        process.stderr.write(
          `groundswell: loaded the demo data (${summary.organisations} organisations, ${summary.series} series, ${summary.observations} observations) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }
    },
  });
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
