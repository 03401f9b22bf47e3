import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, rolesFor } from './permissions';
import type { SessionUser } from './session';

/** The server's module, loaded by path (the web app never imports the server: only this test does). */
const SERVER_PERMISSIONS = new URL('../../../server/src/auth/permissions.ts', import.meta.url).href;

const LEAD: SessionUser = {
  id: '20000000-0000-4000-8000-000000000001',
  email: 'demo.qilead@groundswell.invalid',
  displayName: 'Demo QI lead',
  platformAdmin: false,
  demo: true,
  memberships: [
    {
      organisationId: 'org-rf4',
      odsCode: 'RF4',
      organisationName: 'Barking, Havering and Redbridge',
      role: 'qi_lead',
      unitId: null,
    },
    { organisationId: 'org-rqm', odsCode: 'RQM', organisationName: 'Chelsea', role: 'staff', unitId: null },
  ],
};

describe('the web’s permission table', () => {
  it('is the server’s table, action by action and role by role', async () => {
    const server = (await import(/* @vite-ignore */ SERVER_PERMISSIONS)) as {
      PERMISSIONS: Record<string, readonly string[]>;
    };
    expect(Object.keys(server.PERMISSIONS).length).toBeGreaterThan(0);
    expect(PERMISSIONS).toEqual(server.PERMISSIONS);
  });

  it('names the roles that may act, as the server’s refusals do', () => {
    expect(rolesFor('audit.read')).toBe('QI lead, executive or administrator');
    expect(rolesFor('member.manage')).toBe('administrator');
    expect(rolesFor('measure.define')).toBe('QI lead or administrator');
  });
});

describe('can', () => {
  it('refuses the signed-out everything', () => {
    expect(can(null, 'annotation.write', { odsCode: 'RF4' })).toBe(false);
    expect(can(null, 'data.import', 'any')).toBe(false);
  });

  it('follows the role in that organisation, by id or ODS code', () => {
    expect(can(LEAD, 'audit.read', { odsCode: 'rf4' })).toBe(true);
    expect(can(LEAD, 'annotation.write', { id: 'org-rf4' })).toBe(true);
    expect(can(LEAD, 'member.manage', { id: 'org-rf4' })).toBe(false);
    // Staff in the other organisation: no notes, no audit log there.
    expect(can(LEAD, 'annotation.write', { id: 'org-rqm' })).toBe(false);
    expect(can(LEAD, 'audit.read', { odsCode: 'RQM' })).toBe(false);
    // An organisation they are not in.
    expect(can(LEAD, 'annotation.write', { id: 'org-elsewhere' })).toBe(false);
    // Shared definitions: platform administrators only.
    expect(can(LEAD, 'measure.define', null)).toBe(false);
    expect(can(LEAD, 'data.import', 'any')).toBe(true);
    expect(can({ ...LEAD, memberships: [LEAD.memberships[1]!] }, 'data.import', 'any')).toBe(false);
  });

  it('lets a platform administrator do everything everywhere', () => {
    const admin = { ...LEAD, platformAdmin: true, memberships: [] };
    expect(can(admin, 'member.manage', { id: 'org-elsewhere' })).toBe(true);
    expect(can(admin, 'measure.define', null)).toBe(true);
  });
});
