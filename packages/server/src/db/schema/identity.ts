/**
 * @module db/schema/identity
 * People, their roles in organisations, what organisations grant each other, sign-in sessions,
 * personal API tokens and one-time links (invitations and the first administrator's set-up).
 * Secrets (session ids, tokens, links) are stored only as SHA-256 hashes; passwords as Argon2id.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from './columns.js';
import { organisations, units } from './organisations.js';
import { GRANT_SCOPES, ROLES, TOKEN_SCOPES, USER_STATUSES } from './vocabulary.js';

/**
 * A person. `email` is stored lower case and is unique; `password_hash` is null for people who
 * sign in only through their organisation's identity provider. `platform_admin`: manages
 * organisations and every organisation's members (the first administrator). `demo`: a demo
 * user, who can sign in only while the database holds the demo data.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    status: text('status', { enum: USER_STATUSES }).notNull().default('invited'),
    platformAdmin: boolean('platform_admin').notNull().default(false),
    demo: boolean('demo').notNull().default(false),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** Whether their notifications are also emailed (when their organisation has a mail server). */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('users_email_key').on(t.email),
    check('users_email_check', sql`${t.email} = lower(${t.email}) and ${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('users_display_name_check', sql`length(trim(${t.displayName})) between 1 and 200`),
    check('users_failed_sign_ins_check', sql`${t.failedSignIns} >= 0`),
    oneOf('users_status_check', t.status, USER_STATUSES),
  ],
);

/**
 * A person's role in an organisation (one role each). `unit_id`: the unit a unit lead leads
 * (required for that role, and only for it); it must belong to the same organisation.
 */
export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'memberships_pkey', columns: [t.userId, t.organisationId] }),
    index('memberships_organisation_idx').on(t.organisationId),
    foreignKey({
      name: 'memberships_unit_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [units.id, units.organisationId],
    }),
    oneOf('memberships_role_check', t.role, ROLES),
    check('memberships_unit_check', sql`(${t.role} = 'unit_lead') = (${t.unitId} is not null)`),
  ],
);

/** One organisation letting another's members see its measures (read only; see GRANT_SCOPES). */
export const organisationGrants = pgTable(
  'organisation_grants',
  {
    grantorId: uuid('grantor_id')
      .notNull()
      .references(() => organisations.id),
    granteeId: uuid('grantee_id')
      .notNull()
      .references(() => organisations.id),
    scope: text('scope', { enum: GRANT_SCOPES }).notNull().default('published'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'organisation_grants_pkey', columns: [t.grantorId, t.granteeId] }),
    index('organisation_grants_grantee_idx').on(t.granteeId),
    check('organisation_grants_not_self_check', sql`${t.grantorId} <> ${t.granteeId}`),
    oneOf('organisation_grants_scope_check', t.scope, GRANT_SCOPES),
  ],
);

/**
 * A signed-in browser. The cookie holds a random id; the table holds its SHA-256. Ends at
 * `expires_at` (absolute) or after the idle time-out since `last_seen_at`, or when revoked.
 * `csrf_token` is sent back in a header on every write made with the cookie.
 */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    method: text('method').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    check('sessions_method_check', sql`${t.method} in ('password', 'oidc', 'demo', 'setup')`),
  ],
);

/**
 * A personal API token for data pipelines: shown once, stored as its SHA-256, acting as its owner
 * within `scopes`, until revoked or `expires_at`. `prefix`: its first characters, to tell tokens
 * apart in a list.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes', { enum: TOKEN_SCOPES }).array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    unique('api_tokens_token_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
    check('api_tokens_name_check', sql`length(trim(${t.name})) between 1 and 100`),
    check(
      'api_tokens_scopes_check',
      sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array['read', 'write']::text[]`,
    ),
  ],
);

/**
 * A one-time link: an invitation to an organisation with a role, or (organisation null, platform
 * administrator) the first run's set-up link. Stored as its SHA-256; used once, before it expires.
 */
export const oneTimeLinks = pgTable(
  'one_time_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    purpose: text('purpose').notNull(),
    email: text('email'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    role: text('role', { enum: ROLES }),
    unitId: uuid('unit_id').references(() => units.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    unique('one_time_links_token_hash_key').on(t.tokenHash),
    check('one_time_links_purpose_check', sql`${t.purpose} in ('setup', 'invitation')`),
    check(
      'one_time_links_invitation_check',
      sql`${t.purpose} = 'setup' or (${t.email} is not null and ${t.organisationId} is not null and ${t.role} is not null)`,
    ),
  ],
);
