/**
 * @module auth/oidc/client-secret
 * An identity provider's client secret at rest: sealed with the server's secret key
 * (auth/secret-box.ts, bound to the provider's organisation) when the server has one, else kept as
 * given (a PostgreSQL deployment without GROUNDSWELL_SECRET_KEY, as before keys existed). Secrets
 * stored before are sealed when a server with a key starts (`sealStoredClientSecrets`).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { identityProviders } from '../../db/schema.js';
import type { Database } from '../../db/types.js';
import type { SecretBox } from '../secret-box.js';

/** What a sealed client secret is bound to: its organisation, and that it is a client secret. */
const contextOf = (organisationId: string): string => `oidc:${organisationId}`;

/** The columns that store `secret` (null: a public client) for a provider of `organisationId`. */
export function storedClientSecret(
  secrets: SecretBox | null,
  organisationId: string,
  secret: string | null,
): { clientSecret: string | null; clientSecretSealed: boolean } {
  if (secret === null) return { clientSecret: null, clientSecretSealed: false };
  if (secrets === null) return { clientSecret: secret, clientSecretSealed: false };
  return { clientSecret: secrets.seal(secret, contextOf(organisationId)), clientSecretSealed: true };
}

/**
 * A stored provider's client secret as the provider must be sent it: null for a public client,
 * undefined when it is sealed and this server cannot open it (no key, or another key).
 */
export function openClientSecret(
  secrets: SecretBox | null,
  row: { organisationId: string; clientSecret: string | null; clientSecretSealed: boolean },
): string | null | undefined {
  if (row.clientSecret === null) return null;
  if (!row.clientSecretSealed) return row.clientSecret;
  return secrets?.open(row.clientSecret, contextOf(row.organisationId)) ?? undefined;
}

/** Seals every client secret still stored as given; returns how many. */
export async function sealStoredClientSecrets(db: Database, secrets: SecretBox): Promise<number> {
  const plain = await db
    .select({
      id: identityProviders.id,
      organisationId: identityProviders.organisationId,
      clientSecret: identityProviders.clientSecret,
    })
    .from(identityProviders)
    .where(and(isNotNull(identityProviders.clientSecret), eq(identityProviders.clientSecretSealed, false)));
  for (const row of plain) {
    // Only if still as read (a change made meanwhile wins); updated_at is kept: the secret is the same.
    await db
      .update(identityProviders)
      .set(storedClientSecret(secrets, row.organisationId, row.clientSecret))
      .where(
        and(
          eq(identityProviders.id, row.id),
          eq(identityProviders.clientSecretSealed, false),
          eq(identityProviders.clientSecret, row.clientSecret!),
        ),
      );
  }
  return plain.length;
}
