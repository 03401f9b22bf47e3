/**
 * @module units/service
 * Adding a unit to an organisation: `unit.manage` in that organisation, audited with the change.
 */
import { audited } from '../audit/audited.js';
import { requirePermission } from '../auth/require.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { createUnit } from './repository.js';
import type { NewUnit, Unit } from './repository.js';

/**
 * Creates a unit as `principal`, who needs `unit.manage` in the unit's organisation.
 * @throws {DataError} `unauthenticated`, `forbidden`, and the repository's errors.
 */
export async function addUnit(db: Database, principal: Principal, input: NewUnit): Promise<Unit> {
  requirePermission(principal, 'unit.manage', input.organisationId);
  return audited(
    db,
    principal,
    (tx) => createUnit(tx, input),
    (unit) => ({
      action: 'unit.create',
      entityType: 'unit',
      entityId: unit.id,
      organisationId: unit.organisationId,
      summary: `Added the ${unit.kind} ${unit.name}`,
      after: { name: unit.name, kind: unit.kind, parentId: unit.parentId },
    }),
  );
}
