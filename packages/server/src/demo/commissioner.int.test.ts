/**
 * The demo commissioner: an ICB the demo trust granted its published data, with a demo quality
 * lead who may set requirements there (and nothing at the trust); adding it twice adds nothing.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { can } from '../auth/permissions.js';
import { principalOf } from '../auth/users-repository.js';
import { memberships, organisationGrants, users } from '../db/schema.js';
import { getOrganisationByOdsCode } from '../organisations/repository.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { addDemoCommissioner, DEMO_COMMISSIONER, DEMO_COMMISSIONER_USER } from './commissioner.js';

describeEachEngine('demo commissioner', ({ test }) => {
  test('an ICB with a published grant from the trust and a demo quality lead, added once', async ({ db }) => {
    const trust = await anOrganisation(db, { name: 'Demo trust' });
    expect(await addDemoCommissioner(db, trust.id)).toBe(true);
    const icb = (await getOrganisationByOdsCode(db, DEMO_COMMISSIONER))!;
    expect(icb.kind).toBe('commissioner');
    const grants = await db.select().from(organisationGrants).where(eq(organisationGrants.granteeId, icb.id));
    expect(grants).toEqual([expect.objectContaining({ grantorId: trust.id, scope: 'published' })]);
    const [user] = await db.select().from(users).where(eq(users.email, DEMO_COMMISSIONER_USER.email));
    expect(user).toMatchObject({
      demo: true,
      status: 'active',
      displayName: DEMO_COMMISSIONER_USER.displayName,
    });
    const roles = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(roles.map((m) => [m.organisationId, m.role])).toEqual([[icb.id, 'qi_lead']]);

    const principal = await principalOf(db, user!, 'session', ['read', 'write']);
    expect(can(principal, 'requirement.manage', icb.id)).toBe(true);
    expect(can(principal, 'goal.manage', trust.id)).toBe(false);
    expect(principal.grants).toEqual([
      expect.objectContaining({ organisationId: trust.id, scope: 'published' }),
    ]);

    expect(await addDemoCommissioner(db, trust.id)).toBe(false);
    expect(
      await db.select().from(organisationGrants).where(eq(organisationGrants.granteeId, icb.id)),
    ).toHaveLength(1);
  });
});
