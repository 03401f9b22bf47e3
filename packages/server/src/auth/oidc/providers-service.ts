/**
 * @module auth/oidc/providers-service
 * An organisation's identity providers, managed by its administrators (`member.manage`) and
 * platform administrators: checked (issuer, domains, discovery), stored (the client secret sealed:
 * client-secret.ts) and audited in one transaction. Another organisation's provider is not found, exactly as an unknown one.
 */
import { recordAudit } from '../../audit/repository.js';
import type { Role } from '../../db/schema/vocabulary.js';
import type { Database } from '../../db/types.js';
import { DataError } from '../../errors.js';
import type { Organisation } from '../../organisations/repository.js';
import type { Principal } from '../principal.js';
import type { SecretBox } from '../secret-box.js';
import { requirePermission } from '../require.js';
import { openClientSecret, storedClientSecret } from './client-secret.js';
import { discover } from './discovery.js';
import { normaliseDomain } from './domains.js';
import { issuerProblem } from './issuer.js';
import { auditedProvider } from './presenter.js';
import {
  claimedDomain,
  deleteProviderRow,
  findProviderOf,
  insertProvider,
  issuerTaken,
  listProviders,
  lockDomains,
  updateProviderRow,
} from './providers-repository.js';
import type { IdentityProviderRow } from './providers-repository.js';

/** A provider as an administrator describes it. */
export interface ProviderInput {
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly emailDomains: readonly string[];
  readonly defaultRole: Exclude<Role, 'unit_lead'> | null;
  readonly enabled: boolean;
}

/** A change: absent fields stay; `clientSecret` null removes the secret. */
export type ProviderChange = { readonly [K in keyof ProviderInput]?: ProviderInput[K] | undefined };

/** The domains as stored: lower case, each once; refuses anything that is not a domain. */
function checkedDomains(values: readonly string[]): string[] {
  const domains: string[] = [];
  values.forEach((value, index) => {
    const domain = normaliseDomain(value);
    if (domain === null) {
      throw new DataError(
        'invalid_input',
        `emailDomains[${index}]: ${JSON.stringify(value)} is not an email domain such as example.nhs.uk`,
        { field: `emailDomains[${index}]` },
      );
    }
    if (!domains.includes(domain)) domains.push(domain);
  });
  return domains;
}

function checkedIssuer(issuer: string): string {
  const problem = issuerProblem(issuer);
  if (problem !== null) throw new DataError('invalid_input', `issuer ${problem}`, { field: 'issuer' });
  return issuer;
}

/** Refuses a domain another enabled provider signs in, and a second provider of the same issuer. */
async function checkClashes(
  tx: Database,
  organisationId: string,
  provider: { issuer: string; emailDomains: readonly string[]; enabled: boolean },
  exceptId: string | null,
): Promise<void> {
  await lockDomains(tx);
  if (await issuerTaken(tx, organisationId, provider.issuer, exceptId)) {
    throw new DataError(
      'conflict',
      `This organisation already has a provider with the issuer ${provider.issuer}.`,
      {
        field: 'issuer',
      },
    );
  }
  if (!provider.enabled) return;
  const taken = await claimedDomain(tx, provider.emailDomains, exceptId);
  if (taken !== undefined) {
    throw new DataError(
      'conflict',
      `emailDomains: ${taken} is already signed in through another identity provider (a domain may belong to one enabled provider only).`,
      { field: 'emailDomains', reason: 'domain_taken' },
    );
  }
}

/**
 * Reading the providers needs the role that manages them, not an API token's write scope (as
 * reading the members does).
 */
function requireReader(principal: Principal, organisationId: string): void {
  const reading: Principal =
    principal.kind === 'user' ? { ...principal, scopes: ['read', 'write'] } : principal;
  requirePermission(reading, 'member.manage', organisationId);
}

export async function providersOf(
  db: Database,
  principal: Principal,
  organisation: Organisation,
): Promise<IdentityProviderRow[]> {
  requireReader(principal, organisation.id);
  return listProviders(db, organisation.id);
}

/** The organisation's provider `id`, or not found (`mode` change: needs a token's write scope too). */
export async function providerOf(
  db: Database,
  principal: Principal,
  organisation: Organisation,
  id: string,
  mode: 'read' | 'change' = 'read',
): Promise<IdentityProviderRow> {
  if (mode === 'read') requireReader(principal, organisation.id);
  else requirePermission(principal, 'member.manage', organisation.id);
  const row = await findProviderOf(db, organisation.id, id);
  if (row === undefined) {
    throw new DataError('not_found', `This organisation has no identity provider ${id}.`, { field: 'id' });
  }
  return row;
}

/** Adds a provider after reading its discovery document. */
export async function addProvider(
  db: Database,
  secrets: SecretBox | null,
  principal: Principal,
  organisation: Organisation,
  input: ProviderInput,
  now: Date,
): Promise<IdentityProviderRow> {
  requirePermission(principal, 'member.manage', organisation.id);
  const provider = {
    ...input,
    issuer: checkedIssuer(input.issuer),
    emailDomains: checkedDomains(input.emailDomains),
  };
  await discover(provider);
  return db.transaction(async (tx) => {
    await checkClashes(tx, organisation.id, provider, null);
    const row = await insertProvider(tx, {
      organisationId: organisation.id,
      ...provider,
      ...storedClientSecret(secrets, organisation.id, provider.clientSecret),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, principal, {
      action: 'identity_provider.create',
      entityType: 'identity_provider',
      entityId: row.id,
      organisationId: organisation.id,
      summary: `Added the identity provider ${row.name} (${row.issuer})`,
      after: auditedProvider(row),
    });
    return row;
  });
}

/**
 * Changes a provider. Its discovery document is read again when the issuer changes or the
 * provider is enabled (never to disable one: that must work while the provider is down).
 */
export async function changeProvider(
  db: Database,
  secrets: SecretBox | null,
  principal: Principal,
  organisation: Organisation,
  id: string,
  change: ProviderChange,
  now: Date,
): Promise<IdentityProviderRow> {
  const before = await providerOf(db, principal, organisation, id, 'change');
  const after = {
    name: change.name ?? before.name,
    issuer: change.issuer === undefined ? before.issuer : checkedIssuer(change.issuer),
    clientId: change.clientId ?? before.clientId,
    emailDomains:
      change.emailDomains === undefined ? before.emailDomains : checkedDomains(change.emailDomains),
    defaultRole: change.defaultRole === undefined ? before.defaultRole : change.defaultRole,
    enabled: change.enabled ?? before.enabled,
  };
  if (after.enabled && (after.issuer !== before.issuer || !before.enabled)) {
    const secret =
      change.clientSecret === undefined ? openClientSecret(secrets, before) : change.clientSecret;
    await discover({ ...after, clientSecret: secret ?? null });
  }
  const stored =
    change.clientSecret === undefined
      ? { clientSecret: before.clientSecret, clientSecretSealed: before.clientSecretSealed }
      : storedClientSecret(secrets, organisation.id, change.clientSecret);
  return db.transaction(async (tx) => {
    await checkClashes(tx, organisation.id, after, id);
    // Later than the last change even within one millisecond: the discovery cache is keyed by it.
    const updatedAt = new Date(Math.max(now.getTime(), before.updatedAt.getTime() + 1));
    const row = await updateProviderRow(tx, id, { ...after, ...stored, updatedAt });
    const secret =
      change.clientSecret === undefined
        ? ''
        : change.clientSecret === null
          ? ' (client secret removed)'
          : ' (client secret replaced)';
    await recordAudit(tx, principal, {
      action: 'identity_provider.update',
      entityType: 'identity_provider',
      entityId: row.id,
      organisationId: organisation.id,
      summary: `Changed the identity provider ${row.name}${row.enabled === before.enabled ? '' : row.enabled ? ', enabling it' : ', disabling it'}${secret}`,
      before: auditedProvider(before),
      after: auditedProvider(row),
    });
    return row;
  });
}

/** Removes a provider: people linked to it sign in another way (or through a new provider) afterwards. */
export async function removeProvider(
  db: Database,
  principal: Principal,
  organisation: Organisation,
  id: string,
): Promise<void> {
  const before = await providerOf(db, principal, organisation, id, 'change');
  await db.transaction(async (tx) => {
    await deleteProviderRow(tx, id);
    await recordAudit(tx, principal, {
      action: 'identity_provider.delete',
      entityType: 'identity_provider',
      entityId: id,
      organisationId: organisation.id,
      summary: `Removed the identity provider ${before.name} (${before.issuer})`,
      before: auditedProvider(before),
    });
  });
}
