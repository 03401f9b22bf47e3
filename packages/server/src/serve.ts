/**
 * @module serve
 * Starting the server: read the configuration, open and migrate the database, build the app,
 * listen on HOST:PORT and log one line when ready; close cleanly on SIGINT and SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { sealStoredClientSecrets } from './auth/oidc/client-secret.js';
import { issueSetupLink } from './auth/setup.js';
import { loadConfig } from './config.js';
import type { ServerConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import type { DatabaseHandle } from './db/types.js';
import { buildApp } from './http/app.js';
import { startMailer } from './mail/delivery.js';
import type { Mailer } from './mail/delivery.js';
import { keyFileIn, secretBox } from './auth/secret-box.js';
import type { Api } from './http/types.js';

/** How to start. */
export interface StartOptions {
  /** The configuration (default: `loadConfig()` from the environment). */
  readonly config?: ServerConfig;
  /** Close on SIGINT and SIGTERM (default true). */
  readonly handleSignals?: boolean;
  /**
   * Runs after the migrations and before the server listens (for example loading the demo data on
   * first start), so that the server is ready when it says so.
   */
  readonly prepare?: (database: DatabaseHandle) => Promise<void>;
}

/** A listening server. */
export interface RunningServer {
  readonly app: Api;
  readonly database: DatabaseHandle;
  /** Where it listens: `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Stops accepting requests, finishes those in flight, then closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the server and resolves once it listens.
 * @throws {ConfigError} for an invalid environment; database and listen errors as they are.
 * @example const server = await startServer(); // … later: await server.close();
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const database = await openDatabase(config.database);
  let app: Api | undefined;
  try {
    await migrate(database);
    await options.prepare?.(database);
    const secretKey = await secretKeyOf(config);
    app = await buildApp({
      db: database,
      logger: { level: config.logLevel },
      webDir: config.webDir,
      authPolicy: config.auth,
      publicOrigin: config.publicOrigin,
      secretKey,
    });
    const where = `${database.engine} database at ${database.location}`;
    const url = await app.listen({
      host: config.host,
      port: config.port,
      listenTextResolver: (address) => `Groundswell ready at ${address} (${where})`,
    });
    await announceSetupLink(app, database, url);
    if (secretKey !== undefined) {
      const sealed = await sealStoredClientSecrets(database.db, secretBox(secretKey));
      if (sealed > 0)
        app.log.info(`sealed ${sealed} identity provider client secret(s) stored before with the secret key`);
    }
    const mailer =
      (config.mailIntervalMs ?? 30_000) > 0
        ? startMailer(
            database.db,
            { secrets: secretKey === undefined ? null : secretBox(secretKey) },
            {
              publicUrl: config.auth?.publicUrl ?? url,
              intervalMs: config.mailIntervalMs ?? 30_000,
              log: app.log,
            },
          )
        : undefined;
    return running(app, database, url, options.handleSignals ?? true, mailer);
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}

/**
 * The key stored passwords are sealed with: the configured one; with the embedded database, its key
 * file (or, in memory, a key for this run only); with PostgreSQL and no key, none.
 */
async function secretKeyOf(config: ServerConfig): Promise<Buffer | undefined> {
  if (config.secretKey !== undefined) return config.secretKey;
  if (config.database.engine !== 'pglite') return undefined;
  return config.database.dataDir === null ? randomBytes(32) : keyFileIn(config.database.dataDir);
}

/**
 * While no administrator exists, logs a one-time link that creates the first one (each start
 * replaces the last link; it works once, for 24 hours).
 */
async function announceSetupLink(app: Api, database: DatabaseHandle, url: string): Promise<void> {
  const token = await issueSetupLink(database.db, new Date());
  if (token === null) return;
  app.log.warn(
    `No administrator yet. Create the first one at ${url}/setup?token=${token} (this link works once, within 24 hours; a restart replaces it)`,
  );
}

function running(
  app: Api,
  database: DatabaseHandle,
  url: string,
  handleSignals: boolean,
  mailer: Mailer | undefined,
): RunningServer {
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await mailer?.stop();
      await app.close();
      await database.close();
    })();
    return closing;
  };
  function onSignal(signal: NodeJS.Signals): void {
    app.log.info(`${signal}: shutting down`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  }
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { app, database, url, close };
}
