/**
 * @module config
 * The server's one typed configuration, read from the environment and checked at start-up,
 * listing every problem at once.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { AuthPolicy } from './auth/policy.js';
import { DEFAULT_DATA_DIR } from './db/open.js';
import { parseSecretKey } from './auth/secret-box.js';
import type { DatabaseConfig } from './db/open.js';

/** Log levels pino knows. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The server's configuration. */
export interface ServerConfig {
  /** The address to listen on (`HOST`, default 127.0.0.1; 0.0.0.0 for every interface). */
  readonly host: string;
  /** The port (`PORT`, default 3000; 0 for any free port). */
  readonly port: number;
  /** The log level (`LOG_LEVEL`, default info). */
  readonly logLevel: LogLevel;
  /**
   * The database: a PostgreSQL server when `DATABASE_URL` is set (pool size `DATABASE_POOL_MAX`),
   * otherwise embedded PGlite in `GROUNDSWELL_DATA_DIR` (default ./data/db).
   */
  readonly database: DatabaseConfig;
  /** The built web app to serve (`GROUNDSWELL_WEB_DIR`; default packages/web/dist). */
  readonly webDir?: string;
  /**
   * Sign-in rules: `GROUNDSWELL_SESSION_IDLE_MINUTES` (default 30), `GROUNDSWELL_SESSION_MAX_HOURS`
   * (12), `GROUNDSWELL_SECURE_COOKIE` (true; false only for plain HTTP away from localhost),
   * `GROUNDSWELL_DEMO_SIGN_IN` (true: demo users may sign in on a demo database),
   * `GROUNDSWELL_PUBLIC_URL` (the origin browsers reach the server at, such as
   * https://groundswell.example.nhs.uk; default http://localhost:PORT): single sign-on's callback
   * address is made from it, and must be registered with each identity provider.
   */
  readonly auth?: Partial<AuthPolicy>;
  /**
   * The key stored passwords (an organisation's SMTP password) are sealed with
   * (`GROUNDSWELL_SECRET_KEY`: 64 hex digits, e.g. `openssl rand -hex 32`). Unset with the embedded
   * database: a key file made in its data folder. Unset with PostgreSQL: no password can be stored.
   */
  readonly secretKey?: Buffer;
  /** `GROUNDSWELL_PUBLIC_URL` when set (public pages then never take their origin from a request). */
  readonly publicOrigin?: string;
  /** How often waiting notification emails are sent (`GROUNDSWELL_MAIL_INTERVAL_SECONDS`, default 30; 0: never). */
  readonly mailIntervalMs?: number;
}

const blankAsAbsent = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** `true` or `false`. */
const Flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

const Env = z.object({
  HOST: z.preprocess(blankAsAbsent, z.string().trim().default('127.0.0.1')),
  PORT: z.preprocess(
    blankAsAbsent,
    z.coerce.number({ error: 'must be a number' }).int().min(0).max(65_535).default(3000),
  ),
  LOG_LEVEL: z.preprocess(blankAsAbsent, z.enum(LOG_LEVELS).default('info')),
  DATABASE_URL: z.preprocess(
    blankAsAbsent,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  DATABASE_POOL_MAX: z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).optional()),
  GROUNDSWELL_DATA_DIR: z.preprocess(blankAsAbsent, z.string().trim().default(DEFAULT_DATA_DIR)),
  GROUNDSWELL_WEB_DIR: z.preprocess(blankAsAbsent, z.string().trim().optional()),
  GROUNDSWELL_SESSION_IDLE_MINUTES: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: 'must be a number' })
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
  ),
  GROUNDSWELL_SESSION_MAX_HOURS: z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: 'must be a number' })
      .int()
      .min(1)
      .max(24 * 30)
      .optional(),
  ),
  GROUNDSWELL_SECURE_COOKIE: z.preprocess(blankAsAbsent, Flag.optional()),
  GROUNDSWELL_DEMO_SIGN_IN: z.preprocess(blankAsAbsent, Flag.optional()),
  GROUNDSWELL_SECRET_KEY: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .refine((value) => parseSecretKey(value) !== null, {
        error: 'must be 32 bytes as 64 hex digits (openssl rand -hex 32) or base64',
      })
      .optional(),
  ),
  GROUNDSWELL_MAIL_INTERVAL_SECONDS: z.preprocess(
    blankAsAbsent,
    z.coerce.number({ error: 'must be a number' }).int().min(0).max(86_400).default(30),
  ),
  GROUNDSWELL_PUBLIC_URL: z.preprocess(
    blankAsAbsent,
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .refine((value) => /^https?:\/\/[^/?#]+\/?$/.test(value), {
        error: 'must be an origin only, such as https://groundswell.example.nhs.uk (no path)',
      })
      .optional(),
  ),
});

/** The configuration is invalid: `problems` lists every one (`PORT: must be …`). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/**
 * Reads and checks the configuration.
 * @throws {ConfigError} listing every invalid variable.
 * @example const config = loadConfig(); // from process.env
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const vars = parsed.data;
  const database: DatabaseConfig =
    vars.DATABASE_URL === undefined
      ? { engine: 'pglite', dataDir: resolve(vars.GROUNDSWELL_DATA_DIR) }
      : { engine: 'postgres', url: vars.DATABASE_URL, poolMax: vars.DATABASE_POOL_MAX };
  const web = vars.GROUNDSWELL_WEB_DIR === undefined ? {} : { webDir: resolve(vars.GROUNDSWELL_WEB_DIR) };
  const auth: Partial<AuthPolicy> = {
    ...(vars.GROUNDSWELL_SESSION_IDLE_MINUTES === undefined
      ? {}
      : { idleMs: vars.GROUNDSWELL_SESSION_IDLE_MINUTES * 60_000 }),
    ...(vars.GROUNDSWELL_SESSION_MAX_HOURS === undefined
      ? {}
      : { absoluteMs: vars.GROUNDSWELL_SESSION_MAX_HOURS * 3_600_000 }),
    ...(vars.GROUNDSWELL_SECURE_COOKIE === undefined ? {} : { secureCookie: vars.GROUNDSWELL_SECURE_COOKIE }),
    ...(vars.GROUNDSWELL_DEMO_SIGN_IN === undefined ? {} : { demoSignIn: vars.GROUNDSWELL_DEMO_SIGN_IN }),
    publicUrl: (vars.GROUNDSWELL_PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, ''),
  };
  const secretKey =
    vars.GROUNDSWELL_SECRET_KEY === undefined
      ? {}
      : { secretKey: parseSecretKey(vars.GROUNDSWELL_SECRET_KEY)! };
  return {
    host: vars.HOST,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    database,
    ...web,
    auth,
    ...secretKey,
    ...(vars.GROUNDSWELL_PUBLIC_URL === undefined
      ? {}
      : { publicOrigin: vars.GROUNDSWELL_PUBLIC_URL.replace(/\/$/, '') }),
    mailIntervalMs: vars.GROUNDSWELL_MAIL_INTERVAL_SECONDS * 1000,
  };
}
