/**
 * @module http/types
 * The Fastify instance as routes see it (with the zod type provider) and what routes are given.
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthPolicy } from '../auth/policy.js';
import type { DataStore } from '../db/store.js';
import type { Database } from '../db/types.js';
import type { SecretBox } from '../auth/secret-box.js';
import type { TransportFactory } from '../mail/service.js';

/** A Fastify instance whose route schemas are zod schemas. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every route module needs. */
export interface RouteDeps {
  /** The database (or a transaction, in tests): `store.db`. */
  readonly db: Database;
  /** The database with its engine and transactions (for bulk loads with COPY). */
  readonly store: DataStore;
  /** The largest file an upload may be, in bytes (default 512 MB). */
  readonly maxUploadBytes?: number | undefined;
  /** Sign-in rules (time-outs, lock-out, cookies). */
  readonly authPolicy: AuthPolicy;
  /** The time now (tests move it). */
  readonly now: () => Date;
  /** The origin people reach the server at, when configured (`GROUNDSWELL_PUBLIC_URL`). */
  readonly publicOrigin?: string | undefined;
  /** Seals and opens stored passwords and client secrets (null: the server has no secret key). */
  readonly secrets: SecretBox | null;
  /** How emails are sent (default SMTP). */
  readonly mailTransport?: TransportFactory | undefined;
}

/** A domain's routes, added to the versioned API scope. */
export type RouteModule = (api: Api, deps: RouteDeps) => void;
