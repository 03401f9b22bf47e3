import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, memberships, oneTimeLinks, sessions, users } from '../db/schema.js';
import { hashSecret } from '../auth/secrets.js';
import { createToken } from '../auth/tokens.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { as, aUser, sessionCookie, signIn } from '../test-support/users.js';
import { createUnit } from '../units/repository.js';

interface NewInvitationJson {
  id: string;
  email: string;
  role: string;
  unitId: string | null;
  expiresAt: string;
  path: string;
  url: string;
}

interface AcceptedJson {
  user: { email: string; displayName: string; memberships: { odsCode: string; role: string }[] } | null;
  csrfToken: string | null;
  organisation: { odsCode: string; name: string };
}

const DAY = 86_400_000;
const NEW_PASSWORD = 'a long enough new password';

/** A clock the test moves. */
function clock(start = new Date('2026-11-26T09:00:00Z')): { now: () => Date; advance: (ms: number) => void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms;
    },
  };
}

const tokenOf = (invitation: NewInvitationJson): string => invitation.path.replace('/invitations/', '');

describeEachEngine('invitations', ({ test }) => {
  test('an administrator invites by email; the link, shown once, signs a new person up into the organisation', async ({
    db,
  }) => {
    const trust = await anOrganisation(db, { name: 'Invitation Trust' });
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    const time = clock();
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, admin.email);
        const created = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${trust.odsCode}/invitations`,
          headers: as(browser),
          payload: { email: 'New.Person@Example.NHS.uk', role: 'improver' },
        });
        expect(created.statusCode).toBe(201);
        const invitation = body<NewInvitationJson>(created);
        expect(invitation).toMatchObject({
          email: 'new.person@example.nhs.uk',
          role: 'improver',
          unitId: null,
        });
        expect(invitation.path).toMatch(/^\/invitations\/[A-Za-z0-9_-]{43}$/);
        expect(invitation.url.endsWith(invitation.path)).toBe(true);
        expect(new Date(invitation.expiresAt).getTime() - time.now().getTime()).toBe(7 * DAY);
        // Only the hash is stored.
        const token = tokenOf(invitation);
        const [link] = await db.select().from(oneTimeLinks).where(eq(oneTimeLinks.id, invitation.id));
        expect(link?.tokenHash).toBe(hashSecret(token));
        expect(JSON.stringify(await db.select().from(oneTimeLinks))).not.toContain(token);
        expect(JSON.stringify(await db.select().from(auditEvents))).not.toContain(token);

        // Pending invitations are listed without their link.
        const pending = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${trust.odsCode}/invitations`,
          headers: as(browser),
        });
        expect(body<{ items: { id: string; expiresAt: string }[] }>(pending).items).toEqual([
          expect.objectContaining({ id: invitation.id, expiresAt: invitation.expiresAt }),
        ]);
        expect(pending.body).not.toContain(token);

        // The invitee (a fresh browser) sees what it is for, and nothing else.
        const described = await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
        expect(described.statusCode).toBe(200);
        expect(body(described)).toEqual({
          organisationName: 'Invitation Trust',
          email: 'new.person@example.nhs.uk',
          role: 'improver',
          existingAccount: false,
        });

        const missingName = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { password: NEW_PASSWORD },
        });
        expect(missingName.statusCode).toBe(400);
        expect(body<ErrorJson>(missingName).error.details?.field).toBe('displayName');
        const shortPassword = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { displayName: 'New Person', password: 'short' },
        });
        expect(shortPassword.statusCode).toBe(400);
        expect(body<ErrorJson>(shortPassword).error.details?.field).toBe('password');
        // A refused attempt leaves nothing behind: the link still works.
        expect(await db.select().from(users).where(eq(users.email, 'new.person@example.nhs.uk'))).toEqual([]);

        const accepted = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { displayName: 'New Person', password: NEW_PASSWORD },
        });
        expect(accepted.statusCode).toBe(200);
        const json = body<AcceptedJson>(accepted);
        expect(json.organisation).toMatchObject({ odsCode: trust.odsCode, name: 'Invitation Trust' });
        expect(json.user).toMatchObject({
          email: 'new.person@example.nhs.uk',
          displayName: 'New Person',
          memberships: [expect.objectContaining({ odsCode: trust.odsCode, role: 'improver' })],
        });
        const cookie = sessionCookie(accepted);
        expect(cookie).toBeDefined();
        const session = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: cookie! },
        });
        expect(body<AcceptedJson>(session).user?.email).toBe('new.person@example.nhs.uk');
        const [person] = await db.select().from(users).where(eq(users.email, 'new.person@example.nhs.uk'));
        expect(person?.status).toBe('active');
        expect(person?.passwordHash).toMatch(/^\$argon2id\$/);
        const [used] = await db.select().from(oneTimeLinks).where(eq(oneTimeLinks.id, invitation.id));
        expect(used?.usedAt).not.toBeNull();
        const actions = (
          await db.select().from(auditEvents).where(eq(auditEvents.organisationId, trust.id))
        ).map((e) => e.action);
        expect(actions).toEqual(expect.arrayContaining(['member.invite', 'user.create', 'member.join']));

        // The new person signs in with their password later.
        await signIn(app, 'new.person@example.nhs.uk', NEW_PASSWORD);

        // Used, expired and unknown links: one and the same 404.
        const again = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { displayName: 'Someone', password: NEW_PASSWORD },
        });
        const unknown = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${'x'.repeat(43)}/accept`,
          payload: { displayName: 'Someone', password: NEW_PASSWORD },
        });
        expect(again.statusCode).toBe(404);
        expect(again.body).toBe(unknown.body);
        const usedGet = await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
        const unknownGet = await app.inject({ method: 'GET', url: `/api/v1/invitations/${'x'.repeat(43)}` });
        expect(usedGet.statusCode).toBe(404);
        expect(usedGet.body).toBe(unknownGet.body);

        const later = body<NewInvitationJson>(
          await app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${trust.odsCode}/invitations`,
            headers: as(browser),
            payload: { email: 'later@example.nhs.uk', role: 'staff' },
          }),
        );
        time.advance(7 * DAY + 1);
        const expired = await app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenOf(later)}` });
        expect(expired.statusCode).toBe(404);
        expect(expired.body).toBe(unknownGet.body);
      },
      { as: 'public', now: time.now },
    );
  });

  test('inviting a member is a 409; a unit lead needs a unit of the organisation; a withdrawn link stops working', async ({
    db,
  }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const ward = await createUnit(db, { organisationId: trust.id, kind: 'ward', name: 'Ward 7' });
    const elsewhere = await createUnit(db, { organisationId: other.id, kind: 'ward', name: 'Ward 9' });
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    const member = await aUser(db, { organisationId: trust.id, role: 'staff' });
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, admin.email);
        const inviteAs = (payload: Record<string, unknown>): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${trust.odsCode}/invitations`,
            headers: as(browser),
            payload,
          });
        const already = await inviteAs({ email: member.email.toUpperCase(), role: 'qi_lead' });
        expect(already.statusCode).toBe(409);
        expect(body<ErrorJson>(already).error.message).toMatch(/already a member/);
        const noUnit = await inviteAs({ email: 'lead@example.nhs.uk', role: 'unit_lead' });
        expect(noUnit.statusCode).toBe(400);
        expect(body<ErrorJson>(noUnit).error.details?.field).toBe('unitId');
        const foreignUnit = await inviteAs({
          email: 'lead@example.nhs.uk',
          role: 'unit_lead',
          unitId: elsewhere.id,
        });
        expect(foreignUnit.statusCode).toBe(400);
        expect(body<ErrorJson>(foreignUnit).error.details?.field).toBe('unitId');
        const unitForStaff = await inviteAs({ email: 'lead@example.nhs.uk', role: 'staff', unitId: ward.id });
        expect(unitForStaff.statusCode).toBe(400);
        const badEmail = await inviteAs({ email: 'not an email', role: 'staff' });
        expect(badEmail.statusCode).toBe(400);
        expect(body<ErrorJson>(badEmail).error.details?.field).toBe('email');

        const lead = await inviteAs({ email: 'lead@example.nhs.uk', role: 'unit_lead', unitId: ward.id });
        expect(lead.statusCode).toBe(201);
        const first = body<NewInvitationJson>(lead);
        // Inviting the same address again replaces the earlier link.
        const second = body<NewInvitationJson>(
          await inviteAs({ email: 'lead@example.nhs.uk', role: 'unit_lead', unitId: ward.id }),
        );
        expect(
          (await app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenOf(first)}` })).statusCode,
        ).toBe(404);
        // Another organisation's administrator cannot withdraw it: 404, as for an unknown id.
        const otherAdmin = await aUser(db, { organisationId: other.id, role: 'administrator' });
        const otherBrowser = await signIn(app, otherAdmin.email);
        const fromOther = await app.inject({
          method: 'DELETE',
          url: `/api/v1/organisations/${other.odsCode}/invitations/${second.id}`,
          headers: as(otherBrowser),
        });
        expect(fromOther.statusCode).toBe(404);
        const withdrawn = await app.inject({
          method: 'DELETE',
          url: `/api/v1/organisations/${trust.odsCode}/invitations/${second.id}`,
          headers: as(browser),
        });
        expect(withdrawn.statusCode).toBe(200);
        expect(
          (await app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenOf(second)}` })).statusCode,
        ).toBe(404);
        const [event] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'member.uninvite'), eq(auditEvents.entityId, second.id)));
        expect(event?.before).toMatchObject({
          email: 'lead@example.nhs.uk',
          role: 'unit_lead',
          unitId: ward.id,
        });

        // Staff may not invite.
        const staffBrowser = await signIn(app, member.email);
        expect(
          (
            await app.inject({
              method: 'POST',
              url: `/api/v1/organisations/${trust.odsCode}/invitations`,
              headers: as(staffBrowser),
              payload: { email: 'x@example.nhs.uk', role: 'staff' },
            })
          ).statusCode,
        ).toBe(403);
      },
      { as: 'public' },
    );
  });

  test('someone with an account signs in first, then accepts with their own session', async ({ db }) => {
    const trust = await anOrganisation(db, { name: 'Second Trust' });
    const home = await anOrganisation(db);
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    const existing = await aUser(db, { organisationId: home.id, role: 'staff' });
    const stranger = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const adminBrowser = await signIn(app, admin.email);
        const invitation = body<NewInvitationJson>(
          await app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${trust.odsCode}/invitations`,
            headers: as(adminBrowser),
            payload: { email: existing.email, role: 'qi_lead' },
          }),
        );
        const token = tokenOf(invitation);
        const described = body<{ existingAccount: boolean }>(
          await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` }),
        );
        expect(described.existingAccount).toBe(true);
        const signedOut = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { displayName: 'Hijacker', password: NEW_PASSWORD },
        });
        expect(signedOut.statusCode).toBe(401);
        expect(body<ErrorJson>(signedOut).error.message).toMatch(/sign in first/);
        const strangerBrowser = await signIn(app, stranger.email);
        const wrongPerson = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          headers: as(strangerBrowser),
          payload: {},
        });
        expect(wrongPerson.statusCode).toBe(403);
        const { token: readOnly } = await createToken(
          db,
          existing.id,
          { name: 'r', scopes: ['read'], expiresAt: null },
          new Date(),
        );
        const byReadOnlyToken = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          headers: { authorization: `Bearer ${readOnly}` },
          payload: {},
        });
        expect(byReadOnlyToken.statusCode).toBe(403);
        const browser = await signIn(app, existing.email);
        const accepted = await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          headers: as(browser),
          payload: {},
        });
        expect(accepted.statusCode).toBe(200);
        expect(sessionCookie(accepted)).toBeUndefined();
        const json = body<AcceptedJson>(accepted);
        expect(json.csrfToken).toBe(browser.csrfToken);
        expect(json.user?.memberships.map((m) => m.role).sort()).toEqual(['qi_lead', 'staff']);
        const [row] = await db
          .select()
          .from(memberships)
          .where(and(eq(memberships.userId, existing.id), eq(memberships.organisationId, trust.id)));
        expect(row?.role).toBe('qi_lead');
        // The password was not changed by the accept.
        await signIn(app, existing.email);
        expect(await db.select().from(sessions).where(eq(sessions.userId, existing.id))).toHaveLength(2);
      },
      { as: 'public' },
    );
  });
});
