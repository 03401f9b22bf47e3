/**
 * @module auth/require
 * What a service asks before it acts: that the person may do this in that organisation. Signed-out
 * requests get 401 (sign in), signed-in ones without the role get 403 (naming the roles that may).
 */
import { DataError } from '../errors.js';
import { can, PERMISSIONS } from './permissions.js';
import type { Action } from './permissions.js';
import type { Principal } from './principal.js';

const ROLE_WORDS: Record<string, string> = {
  staff: 'staff',
  improver: 'improver',
  unit_lead: 'unit lead',
  qi_lead: 'QI lead',
  executive: 'executive',
  administrator: 'administrator',
};

/** Throws unless `principal` may do `action` in `organisationId`. */
export function requirePermission(principal: Principal, action: Action, organisationId: string | null): void {
  if (can(principal, action, organisationId)) return;
  if (principal.kind === 'public') {
    throw new DataError('unauthenticated', 'Sign in first: this needs a signed-in person.', {
      reason: 'signed_out',
    });
  }
  if (principal.kind === 'user' && principal.via === 'token' && !principal.scopes.includes('write')) {
    throw new DataError('forbidden', 'This API token may only read: make one with the write scope.', {
      reason: 'token_scope',
    });
  }
  if (organisationId === null) {
    throw new DataError(
      'forbidden',
      'Only a platform administrator may change data shared by every organisation.',
      {
        reason: 'platform_admin',
      },
    );
  }
  const roles = PERMISSIONS[action].map((role) => ROLE_WORDS[role] ?? role);
  throw new DataError(
    'forbidden',
    `You may not do this in this organisation: it needs the role of ${roles.join(' or ')}.`,
    { reason: 'role' },
  );
}
