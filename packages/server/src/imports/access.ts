/**
 * @module imports/access
 * Who may upload, preview, commit, discard and read imports: people with `data.import` in the
 * import's organisation; an import of no organisation (a national file with an ODS code column,
 * touching many organisations) only platform administrators. An import someone may not read is
 * a 404 the same as an unknown id; a member of its organisation without the role gets a 403.
 */
import { PERMISSIONS } from '../auth/permissions.js';
import { membershipIn } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { DataError } from '../errors.js';
import type { Import } from './repository.js';

const IMPORTERS: readonly string[] = PERMISSIONS['data.import'];

/**
 * Whether `principal` may read the imports of `organisationId` (null: national imports): the
 * `data.import` roles, whatever their token's scopes (reading changes nothing).
 */
export function mayReadImports(principal: Principal, organisationId: string | null): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind === 'public') return false;
  if (principal.platformAdmin) return true;
  if (organisationId === null) return false;
  const membership = membershipIn(principal, organisationId);
  return membership !== undefined && IMPORTERS.includes(membership.role);
}

function refuse(principal: Principal, organisationId: string | null): never {
  if (principal.kind === 'public') {
    throw new DataError('unauthenticated', 'Sign in first: this needs a signed-in person.', {
      reason: 'signed_out',
    });
  }
  if (organisationId === null) {
    throw new DataError(
      'forbidden',
      'Only a platform administrator may import a national file (rows of many organisations).',
      { reason: 'platform_admin' },
    );
  }
  throw new DataError(
    'forbidden',
    'You may not import data in this organisation: it needs the role of improver, unit lead, QI lead or administrator.',
    { reason: 'role' },
  );
}

/**
 * Throws unless `principal` may work with the imports of `organisationId` (null: national): to
 * list them (`write` false) or to upload (`write` true: a token needs its write scope). 401 for
 * the public, 403 for others.
 */
export function requireImportRights(
  principal: Principal,
  organisationId: string | null,
  write: boolean,
): void {
  if (!mayReadImports(principal, organisationId)) refuse(principal, organisationId);
  if (write) requirePermission(principal, 'data.import', organisationId);
}

/**
 * The import, when `principal` may read it (and, with `write`, change it).
 * @throws {DataError} `not_found` for an unknown import and for one the person may not read
 * (unless they are a member of its organisation: then `forbidden`); `unauthenticated`,
 * `forbidden` for a change they may not make.
 */
export function accessibleImport(principal: Principal, row: Import | undefined, write: boolean): Import {
  if (row === undefined || !mayReadImports(principal, row.organisationId)) {
    if (row !== undefined && row.organisationId !== null && membershipIn(principal, row.organisationId)) {
      refuse(principal, row.organisationId);
    }
    throw new DataError('not_found', 'no import has this id', { field: 'id' });
  }
  if (write) requirePermission(principal, 'data.import', row.organisationId);
  return row;
}

/** The user to record as an import's creator (null: the command line or the system). */
export function creatorOf(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}
