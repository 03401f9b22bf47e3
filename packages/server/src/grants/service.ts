/**
 * @module grants/service
 * Granting another organisation (a provider's commissioner, say) read access to this
 * organisation's published (`published`) or also internal (`internal`) measures, never private
 * ones and never a change. Managing grants needs `member.manage` in the grantor; every change is
 * audited in its own transaction.
 */
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { GrantScope } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Organisation } from '../organisations/repository.js';
import { findOrganisation } from '../organisations/service.js';
import {
  deleteGrant,
  findGrant,
  insertGrant,
  listGiven,
  listReceived,
  updateGrantScope,
} from './repository.js';
import type { GrantRow } from './repository.js';

const SCOPE_WORDS: Record<GrantScope, string> = {
  published: 'published measures',
  internal: 'published and internal measures',
};

/** Listing needs the role that manages grants, not an API token's write scope. */
function requireReader(principal: Principal, organisationId: string): void {
  const reading: Principal =
    principal.kind === 'user' ? { ...principal, scopes: ['read', 'write'] } : principal;
  requirePermission(reading, 'member.manage', organisationId);
}

async function organisationFor(
  db: Database,
  principal: Principal,
  ref: string,
  mode: 'read' | 'change',
): Promise<Organisation> {
  const organisation = await findOrganisation(db, ref);
  if (mode === 'read') requireReader(principal, organisation.id);
  else requirePermission(principal, 'member.manage', organisation.id);
  return organisation;
}

/** The grants an organisation gives (member.manage there). */
export async function grantsGiven(db: Database, principal: Principal, ref: string): Promise<GrantRow[]> {
  const organisation = await organisationFor(db, principal, ref, 'read');
  return listGiven(db, organisation.id);
}

/** The grants an organisation has received (member.manage there). */
export async function grantsReceived(db: Database, principal: Principal, ref: string): Promise<GrantRow[]> {
  const organisation = await organisationFor(db, principal, ref, 'read');
  return listReceived(db, organisation.id);
}

/**
 * Gives `grantee` (an id or ODS code) access of `scope` to the organisation's measures, or changes
 * the scope of the grant it has. `created`: whether the grant is new.
 */
export async function grantAccess(
  db: Database,
  principal: Principal,
  ref: string,
  input: { grantee: string; scope: GrantScope },
  now: Date,
): Promise<{ grant: GrantRow; created: boolean }> {
  const grantor = await organisationFor(db, principal, ref, 'change');
  const grantee = await findOrganisation(db, input.grantee, 'grantee');
  if (grantee.id === grantor.id) {
    throw new DataError(
      'invalid_input',
      'An organisation cannot grant access to itself: its members see its data already.',
      {
        field: 'grantee',
      },
    );
  }
  return db.transaction(async (tx) => {
    const existing = await findGrant(tx, grantor.id, grantee.id);
    const subject = {
      entityType: 'organisation_grant',
      entityId: `${grantor.id}:${grantee.id}`,
      organisationId: grantor.id,
    };
    if (existing === undefined) {
      await insertGrant(tx, { grantorId: grantor.id, granteeId: grantee.id, scope: input.scope }, now);
      await recordAudit(tx, principal, {
        action: 'grant.create',
        ...subject,
        summary: `Let ${grantee.name} (${grantee.odsCode}) see ${SCOPE_WORDS[input.scope]}`,
        after: { grantee: grantee.odsCode, scope: input.scope },
      });
    } else if (existing.scope !== input.scope) {
      await updateGrantScope(tx, grantor.id, grantee.id, input.scope);
      await recordAudit(tx, principal, {
        action: 'grant.update',
        ...subject,
        summary: `Changed what ${grantee.name} (${grantee.odsCode}) may see to ${SCOPE_WORDS[input.scope]}`,
        before: { grantee: grantee.odsCode, scope: existing.scope },
        after: { grantee: grantee.odsCode, scope: input.scope },
      });
    }
    return {
      grant: {
        organisation: { id: grantee.id, odsCode: grantee.odsCode, name: grantee.name, kind: grantee.kind },
        scope: input.scope,
        createdAt: existing?.createdAt ?? now,
      },
      created: existing === undefined,
    };
  });
}

/** Ends a grant: the grantee's people see only public measures from their next request. */
export async function revokeGrant(
  db: Database,
  principal: Principal,
  ref: string,
  granteeRef: string,
): Promise<GrantRow> {
  const grantor = await organisationFor(db, principal, ref, 'change');
  const grantee = await findOrganisation(db, granteeRef, 'grantee');
  return db.transaction(async (tx) => {
    const existing = await findGrant(tx, grantor.id, grantee.id);
    if (existing === undefined) {
      throw new DataError('not_found', `${grantor.name} gives ${grantee.name} no access to revoke.`, {
        field: 'grantee',
      });
    }
    await deleteGrant(tx, grantor.id, grantee.id);
    await recordAudit(tx, principal, {
      action: 'grant.delete',
      entityType: 'organisation_grant',
      entityId: `${grantor.id}:${grantee.id}`,
      organisationId: grantor.id,
      summary: `Stopped ${grantee.name} (${grantee.odsCode}) seeing ${SCOPE_WORDS[existing.scope]}`,
      before: { grantee: grantee.odsCode, scope: existing.scope },
    });
    return {
      organisation: { id: grantee.id, odsCode: grantee.odsCode, name: grantee.name, kind: grantee.kind },
      scope: existing.scope,
      createdAt: existing.createdAt,
    };
  });
}
