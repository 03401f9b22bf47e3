import { describe, expect, it } from 'vitest';
import { PUBLIC, SYSTEM } from '../auth/principal.js';
import type { UserPrincipal } from '../auth/principal.js';
import type { Role } from '../db/schema/vocabulary.js';
import { canManageGoal } from './access.js';

const ORG = '10000000-0000-4000-8000-000000000001';
const OTHER = '10000000-0000-4000-8000-000000000002';
const DIVISION = '30000000-0000-4000-8000-000000000001';
const WARD = '30000000-0000-4000-8000-000000000002';
const ELSEWHERE = '30000000-0000-4000-8000-000000000003';

/** The unit tree: the ward is in the division; the other unit stands alone. */
const ancestors = (unitId: string): string[] => (unitId === WARD ? [WARD, DIVISION] : [unitId]);

function person(
  role: Role,
  unitId: string | null = null,
  scopes: UserPrincipal['scopes'] = ['read', 'write'],
): UserPrincipal {
  return {
    kind: 'user',
    userId: '20000000-0000-4000-8000-000000000001',
    email: 'x@trust.nhs.uk',
    displayName: 'X',
    platformAdmin: false,
    memberships: [{ organisationId: ORG, role, unitId }],
    grants: [],
    via: 'session',
    scopes,
  };
}

describe('who manages a goal', () => {
  it('QI leads, executives and administrators manage every goal of their organisation only', () => {
    for (const role of ['qi_lead', 'executive', 'administrator'] as const) {
      for (const unit of [null, WARD, ELSEWHERE])
        expect(canManageGoal(person(role), ORG, unit, ancestors)).toBe(true);
      expect(canManageGoal(person(role), OTHER, null, ancestors)).toBe(false);
    }
    for (const role of ['staff', 'improver'] as const)
      expect(canManageGoal(person(role), ORG, WARD, ancestors)).toBe(false);
    expect(canManageGoal(PUBLIC, ORG, WARD, ancestors)).toBe(false);
    expect(canManageGoal(SYSTEM, ORG, WARD, ancestors)).toBe(true);
  });

  it('a unit lead manages the goals of their unit and the units below it, and nothing else', () => {
    const lead = person('unit_lead', DIVISION);
    expect(canManageGoal(lead, ORG, DIVISION, ancestors)).toBe(true);
    expect(canManageGoal(lead, ORG, WARD, ancestors)).toBe(true);
    expect(canManageGoal(lead, ORG, ELSEWHERE, ancestors)).toBe(false);
    expect(canManageGoal(lead, ORG, null, ancestors)).toBe(false);
    expect(canManageGoal(person('unit_lead', WARD), ORG, DIVISION, ancestors)).toBe(false);
    expect(canManageGoal(person('unit_lead', null), ORG, WARD, ancestors)).toBe(false);
    expect(canManageGoal(person('unit_lead', DIVISION, ['read']), ORG, WARD, ancestors)).toBe(false);
  });
});
