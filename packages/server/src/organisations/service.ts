/**
 * @module organisations/service
 * Finding an organisation by what callers know of it (its id or its ODS code), and creating one:
 * public to read, created by platform administrators only (audited).
 */
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { isUuid } from '../validation.js';
import { createOrganisation, getOrganisation, getOrganisationByOdsCode } from './repository.js';
import type { NewOrganisation, Organisation } from './repository.js';

/**
 * The organisation with this id or ODS code (any case).
 * @throws {DataError} `not_found` (field `field`), `invalid_input` for neither an id nor an ODS code.
 */
export async function findOrganisation(db: Database, ref: string, field = 'ref'): Promise<Organisation> {
  if (!isUuid(ref) && !/^\s*[A-Za-z0-9]{3,12}\s*$/.test(ref)) {
    throw new DataError(
      'invalid_input',
      `${field} must be an organisation's id (a UUID) or its ODS code (3 to 12 letters and digits)`,
      { field },
    );
  }
  const organisation = isUuid(ref) ? await getOrganisation(db, ref) : await getOrganisationByOdsCode(db, ref);
  if (organisation === undefined) {
    throw new DataError('not_found', `no organisation has the id or ODS code ${JSON.stringify(ref)}`, {
      field,
    });
  }
  return organisation;
}

/**
 * Throws unless `principal` is a platform administrator (or the system) acting with write access:
 * 401 for the public, 403 for anyone else.
 */
export function requirePlatformAdmin(principal: Principal): void {
  if (principal.kind === 'system') return;
  if (principal.kind === 'public') {
    throw new DataError('unauthenticated', 'Sign in first: this needs a signed-in person.', {
      reason: 'signed_out',
    });
  }
  if (!principal.platformAdmin) {
    throw new DataError('forbidden', 'Only a platform administrator may do this.', {
      reason: 'platform_admin',
    });
  }
  if (!principal.scopes.includes('write')) {
    throw new DataError('forbidden', 'This API token may only read: make one with the write scope.', {
      reason: 'token_scope',
    });
  }
}

/**
 * Creates an organisation as `principal` (a platform administrator), audited in the same transaction.
 * @throws {DataError} `unauthenticated`, `forbidden`, and the repository's `invalid_input`, `conflict`.
 */
export async function addOrganisation(
  db: Database,
  principal: Principal,
  input: NewOrganisation,
): Promise<Organisation> {
  requirePlatformAdmin(principal);
  return audited(
    db,
    principal,
    (tx) => createOrganisation(tx, input),
    (organisation) => ({
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: organisation.id,
      organisationId: organisation.id,
      summary: `Created the organisation ${organisation.name} (${organisation.odsCode})`,
      after: { odsCode: organisation.odsCode, name: organisation.name, kind: organisation.kind },
    }),
  );
}
