import { describe, expect, it } from 'vitest';
import { ROLES } from '../db/schema/vocabulary.js';
import type { Role } from '../db/schema/vocabulary.js';
import { ACTIONS, can, PERMISSIONS, readable, readLevel } from './permissions.js';
import { PUBLIC, SYSTEM } from './principal.js';
import type { UserPrincipal } from './principal.js';

const ORG = '10000000-0000-4000-8000-000000000001';
const OTHER = '10000000-0000-4000-8000-000000000002';

function person(role: Role, extra: Partial<UserPrincipal> = {}): UserPrincipal {
  return {
    kind: 'user',
    userId: '20000000-0000-4000-8000-000000000001',
    email: 'x@trust.nhs.uk',
    displayName: 'X',
    platformAdmin: false,
    memberships: [{ organisationId: ORG, role, unitId: null }],
    grants: [],
    via: 'session',
    scopes: ['read', 'write'],
    ...extra,
  };
}

describe('the permission table', () => {
  it('lets each role do exactly what the table lists, in its own organisation only', () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const allowed = (PERMISSIONS[action] as readonly Role[]).includes(role);
        expect(can(person(role), action, ORG), `${role} ${action}`).toBe(allowed);
        expect(can(person(role), action, OTHER), `${role} ${action} elsewhere`).toBe(false);
      }
      expect(can(PUBLIC, action, ORG)).toBe(false);
      expect(can(SYSTEM, action, ORG)).toBe(true);
    }
  });

  it('a read-only token changes nothing, whatever its owner’s role', () => {
    const token = person('administrator', { via: 'token', scopes: ['read'] });
    expect(can(token, 'member.manage', ORG)).toBe(false);
    expect(can(token, 'data.import', ORG)).toBe(false);
    expect(can(token, 'audit.read', ORG)).toBe(true);
  });

  it('anyone in an organisation may start a project; QI leads and administrators manage every project', () => {
    for (const role of ROLES) expect(can(person(role), 'project.start', ORG), role).toBe(true);
    expect(can(person('staff'), 'project.start', OTHER)).toBe(false);
    expect(can(person('staff', { via: 'token', scopes: ['read'] }), 'project.start', ORG)).toBe(false);
    expect(ROLES.filter((role) => can(person(role), 'project.manage', ORG))).toEqual([
      'qi_lead',
      'administrator',
    ]);
  });

  it('anyone in an organisation may submit an idea; QI leads and administrators triage every idea', () => {
    for (const role of ROLES) expect(can(person(role), 'idea.submit', ORG), role).toBe(true);
    expect(can(person('staff'), 'idea.submit', OTHER)).toBe(false);
    expect(can(person('staff', { via: 'token', scopes: ['read'] }), 'idea.submit', ORG)).toBe(false);
    expect(ROLES.filter((role) => can(person(role), 'idea.triage', ORG))).toEqual([
      'qi_lead',
      'administrator',
    ]);
  });

  it('reads: the public sees public data; staff internal; those who work on the data private too', () => {
    expect(readLevel(PUBLIC, ORG)).toBe('public');
    expect(readLevel(person('staff'), ORG)).toBe('internal');
    for (const role of ['improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'] as const) {
      expect(readLevel(person(role), ORG)).toBe('private');
    }
    expect(readLevel(person('administrator'), OTHER)).toBe('public');
    const commissioner = person('staff', { grants: [{ organisationId: OTHER, scope: 'internal' }] });
    expect(readLevel(commissioner, OTHER)).toBe('internal');
    const published = person('staff', { grants: [{ organisationId: OTHER, scope: 'published' }] });
    expect(readLevel(published, OTHER)).toBe('public');
    expect(readable('public', 'public')).toBe(true);
    expect(readable('internal', 'public')).toBe(false);
    expect(readable('private', 'internal')).toBe(false);
    expect(readable('internal', 'private')).toBe(true);
  });
});
