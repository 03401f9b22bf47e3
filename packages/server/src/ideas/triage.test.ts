import { describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../auth/principal.js';
import { SYSTEM } from '../auth/principal.js';
import { canTriage } from './access.js';
import { shorten, statusNotice } from './triage.js';

const ORG = '10000000-0000-4000-8000-000000000001';
const DIVISION = '30000000-0000-4000-8000-000000000001';
const WARD = '30000000-0000-4000-8000-000000000002';
const OTHER_WARD = '30000000-0000-4000-8000-000000000003';
const PARENTS: Record<string, string | null> = { [DIVISION]: null, [WARD]: DIVISION, [OTHER_WARD]: null };
const ancestors = (unitId: string): string[] => {
  const chain: string[] = [];
  for (let id: string | null | undefined = unitId; id != null; id = PARENTS[id]) chain.push(id);
  return chain;
};

function lead(unitId: string, scopes: UserPrincipal['scopes'] = ['read', 'write']): UserPrincipal {
  return {
    kind: 'user',
    userId: '20000000-0000-4000-8000-000000000001',
    email: 'lead@trust.nhs.uk',
    displayName: 'Lead',
    platformAdmin: false,
    memberships: [{ organisationId: ORG, role: 'unit_lead', unitId }],
    grants: [],
    via: 'token',
    scopes,
  };
}

describe('who triages an idea', () => {
  it('a unit lead: ideas of their unit and below, not above, beside or of the organisation', () => {
    expect(canTriage(lead(DIVISION), ORG, WARD, ancestors)).toBe(true);
    expect(canTriage(lead(DIVISION), ORG, DIVISION, ancestors)).toBe(true);
    expect(canTriage(lead(WARD), ORG, DIVISION, ancestors)).toBe(false);
    expect(canTriage(lead(DIVISION), ORG, OTHER_WARD, ancestors)).toBe(false);
    expect(canTriage(lead(DIVISION), ORG, null, ancestors)).toBe(false);
    expect(canTriage(lead(DIVISION, ['read']), ORG, WARD, ancestors)).toBe(false);
    expect(canTriage(SYSTEM, ORG, null, ancestors)).toBe(true);
  });
});

describe('the author’s notification', () => {
  it('names the idea by its proposal, shortened at a word, with the status and reason', () => {
    expect(statusNotice('More chairs', 'under_review', ' Asking estates ')).toBe(
      "Your idea 'More chairs' is now under review: Asking estates",
    );
    expect(statusNotice('More chairs', 'under_review', '')).toBe(
      "Your idea 'More chairs' is now under review",
    );
    const long = shorten('word '.repeat(40), 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long.endsWith('word…')).toBe(true);
    expect(shorten('  two\n lines ', 30)).toBe('two lines');
  });
});
