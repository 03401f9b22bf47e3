/**
 * @module demo/commissioner
 * The demo commissioner: an integrated care board that the demo trust granted access to its
 * published data, with one demo user, its quality lead (a `qi_lead` there, so they set outcome
 * requirements for the trust). Written straight to the tables, as the rest of the demo data is;
 * adding it twice adds nothing.
 */
import { memberships, organisationGrants, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { createOrganisation, getOrganisationByOdsCode } from '../organisations/repository.js';
import type { DemoUser } from './users.js';

/** The demo commissioner's ODS code (not a real one: real codes are three characters). */
export const DEMO_COMMISSIONER = 'DEMOICB';

/** Its name. */
export const DEMO_COMMISSIONER_NAME = 'Demo integrated care board (commissioner)';

/** The demo commissioner's quality lead. `.invalid` addresses can never receive mail. */
export const DEMO_COMMISSIONER_USER: DemoUser = {
  email: 'demo.commissioner@groundswell.invalid',
  displayName: 'Demo ICB quality lead (commissioner)',
  role: 'qi_lead',
};

/**
 * Adds the demo commissioner, the demo trust's grant to it (published data only) and its demo
 * user, where they are missing. Returns whether anything was added.
 */
export async function addDemoCommissioner(db: Database, trustId: string): Promise<boolean> {
  let added = false;
  let commissioner = await getOrganisationByOdsCode(db, DEMO_COMMISSIONER);
  if (commissioner === undefined) {
    commissioner = await createOrganisation(db, {
      odsCode: DEMO_COMMISSIONER,
      name: DEMO_COMMISSIONER_NAME,
      kind: 'commissioner',
    });
    added = true;
  }
  const granted = await db
    .insert(organisationGrants)
    .values({ grantorId: trustId, granteeId: commissioner.id, scope: 'published' })
    .onConflictDoNothing()
    .returning({ grantorId: organisationGrants.grantorId });
  added ||= granted.length > 0;
  const [user] = await db
    .insert(users)
    .values({
      email: DEMO_COMMISSIONER_USER.email,
      displayName: DEMO_COMMISSIONER_USER.displayName,
      status: 'active',
      demo: true,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (user !== undefined) {
    await db
      .insert(memberships)
      .values({ userId: user.id, organisationId: commissioner.id, role: DEMO_COMMISSIONER_USER.role });
    added = true;
  }
  return added;
}
