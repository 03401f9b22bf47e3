/**
 * @module auth/oidc/providers-repository
 * The identity_providers table: an organisation's providers, the one that signs in an email
 * domain, and the rule that a domain belongs to one enabled provider at most.
 */
import { and, arrayContains, arrayOverlaps, asc, eq, ne, sql } from 'drizzle-orm';
import { identityProviders, organisations } from '../../db/schema.js';
import type { Database } from '../../db/types.js';

export type IdentityProviderRow = typeof identityProviders.$inferSelect;
export type NewIdentityProvider = typeof identityProviders.$inferInsert;

/**
 * The key of the transaction lock taken while a provider's domains change, so that two
 * administrators cannot claim the same domain at the same moment (the rule spans rows).
 */
const DOMAINS_LOCK = 7_301_100_004;

/** Waits for, then holds until the transaction ends, the lock on every provider's domains. */
export async function lockDomains(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${DOMAINS_LOCK})`);
}

export async function listProviders(db: Database, organisationId: string): Promise<IdentityProviderRow[]> {
  return db
    .select()
    .from(identityProviders)
    .where(eq(identityProviders.organisationId, organisationId))
    .orderBy(asc(identityProviders.name), asc(identityProviders.id));
}

/** The provider `id` of this organisation (another organisation's is not found, as an unknown one). */
export async function findProviderOf(
  db: Database,
  organisationId: string,
  id: string,
): Promise<IdentityProviderRow | undefined> {
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, id), eq(identityProviders.organisationId, organisationId)));
  return row;
}

/** An enabled provider, for signing in. */
export async function findEnabledProvider(
  db: Database,
  id: string,
): Promise<IdentityProviderRow | undefined> {
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, id), eq(identityProviders.enabled, true)));
  return row;
}

/** The enabled provider that signs in addresses of `domain`, with its organisation's name. */
export async function providerForDomain(
  db: Database,
  domain: string,
): Promise<{ id: string; name: string; organisationName: string } | undefined> {
  const [row] = await db
    .select({ id: identityProviders.id, name: identityProviders.name, organisationName: organisations.name })
    .from(identityProviders)
    .innerJoin(organisations, eq(organisations.id, identityProviders.organisationId))
    .where(and(eq(identityProviders.enabled, true), arrayContains(identityProviders.emailDomains, [domain])))
    .limit(1);
  return row;
}

/** The first of `domains` that an enabled provider other than `exceptId` already signs in. */
export async function claimedDomain(
  db: Database,
  domains: readonly string[],
  exceptId: string | null,
): Promise<string | undefined> {
  if (domains.length === 0) return undefined;
  const rows = await db
    .select({ emailDomains: identityProviders.emailDomains })
    .from(identityProviders)
    .where(
      and(
        eq(identityProviders.enabled, true),
        arrayOverlaps(identityProviders.emailDomains, [...domains]),
        exceptId === null ? undefined : ne(identityProviders.id, exceptId),
      ),
    );
  const taken = new Set(rows.flatMap((row) => row.emailDomains));
  return domains.find((domain) => taken.has(domain));
}

/** Whether the organisation has another provider with this issuer. */
export async function issuerTaken(
  db: Database,
  organisationId: string,
  issuer: string,
  exceptId: string | null,
): Promise<boolean> {
  const [row] = await db
    .select({ id: identityProviders.id })
    .from(identityProviders)
    .where(
      and(
        eq(identityProviders.organisationId, organisationId),
        eq(identityProviders.issuer, issuer),
        exceptId === null ? undefined : ne(identityProviders.id, exceptId),
      ),
    );
  return row !== undefined;
}

export async function insertProvider(
  db: Database,
  values: NewIdentityProvider,
): Promise<IdentityProviderRow> {
  const [row] = await db.insert(identityProviders).values(values).returning();
  return row!;
}

export async function updateProviderRow(
  db: Database,
  id: string,
  values: Partial<NewIdentityProvider>,
): Promise<IdentityProviderRow> {
  const [row] = await db
    .update(identityProviders)
    .set(values)
    .where(eq(identityProviders.id, id))
    .returning();
  return row!;
}

/** Deletes a provider: its people's links to it and its sign-ins under way go with it. */
export async function deleteProviderRow(db: Database, id: string): Promise<void> {
  await db.delete(identityProviders).where(eq(identityProviders.id, id));
}
