/**
 * @module auth/oidc/presenter
 * A provider as the API shows it, and as the audit log records it: never its client secret,
 * only whether one is set.
 */
import type { z } from 'zod';
import type { IdentityProviderRow } from './providers-repository.js';
import type { IdentityProviderView } from './schemas.js';

export function presentProvider(row: IdentityProviderRow): z.infer<typeof IdentityProviderView> {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecret !== null,
    emailDomains: row.emailDomains,
    defaultRole: row.defaultRole === 'unit_lead' ? null : row.defaultRole,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a provider (the secret's presence, never the secret). */
export function auditedProvider(row: IdentityProviderRow): Record<string, unknown> {
  return {
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecret !== null,
    emailDomains: row.emailDomains,
    defaultRole: row.defaultRole,
    enabled: row.enabled,
  };
}
