/**
 * @module db/schema/single-sign-on
 * Single sign-on with OpenID Connect, configured per organisation: each organisation's identity
 * providers (its Microsoft Entra tenant, NHS identity service…), the people known to each by the
 * provider's subject, and the sign-ins under way (authorisation code flow with PKCE), kept in the
 * database so that any server can finish a sign-in another began.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { literals } from './columns.js';
import { users } from './identity.js';
import { organisations } from './organisations.js';
import { ROLES } from './vocabulary.js';

/**
 * An organisation's OpenID Connect provider. `issuer`: its issuer URL (discovery at
 * `/.well-known/openid-configuration`). `client_secret`: null for a public client (PKCE only);
 * never returned by the API; sealed with the server's secret key when it has one
 * (`client_secret_sealed`), else as given. `email_domains`: the addresses that sign in through it (lower case,
 * each domain in one provider only). `default_role`: the role given to a person of such an address
 * who signs in for the first time without an invitation (null: only people already members or
 * invited may sign in).
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret'),
    /** Whether `client_secret` is sealed with the server's secret key (auth/secret-box.ts). */
    clientSecretSealed: boolean('client_secret_sealed').notNull().default(false),
    emailDomains: text('email_domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    defaultRole: text('default_role', { enum: ROLES }),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('identity_providers_organisation_idx').on(t.organisationId),
    unique('identity_providers_organisation_issuer_key').on(t.organisationId, t.issuer),
    check('identity_providers_name_check', sql`length(trim(${t.name})) between 1 and 100`),
    check('identity_providers_issuer_check', sql`${t.issuer} ~ '^https?://'`),
    check('identity_providers_client_id_check', sql`length(trim(${t.clientId})) between 1 and 500`),
    // A unit lead needs a unit, which a first sign-in cannot say.
    check(
      'identity_providers_default_role_check',
      sql`${t.defaultRole} is null or ${t.defaultRole} in (${literals(ROLES.filter((role) => role !== 'unit_lead'))})`,
    ),
    check('identity_providers_email_domains_check', sql`array_position(${t.emailDomains}, null) is null`),
  ],
);

/** A person as one identity provider knows them: its `sub` claim, stable for that provider. */
export const userIdentities = pgTable(
  'user_identities',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'user_identities_pkey', columns: [t.providerId, t.subject] }),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/**
 * A single sign-on under way: the browser was sent to the provider with `state` (stored as its
 * SHA-256), a nonce and a PKCE challenge whose verifier is kept here; it comes back once, before
 * `expires_at`, to the same or another server. `return_to`: a path in this app.
 */
export const signInRequests = pgTable(
  'sign_in_requests',
  {
    stateHash: text('state_hash').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to').notNull().default('/'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sign_in_requests_expires_idx').on(t.expiresAt),
    // A path in this app: not another site (`//host`, or a backslash that browsers read as a slash).
    check(
      'sign_in_requests_return_to_check',
      sql`left(${t.returnTo}, 1) = '/' and left(${t.returnTo}, 2) <> '//' and strpos(${t.returnTo}, chr(92)) = 0`,
    ),
  ],
);
