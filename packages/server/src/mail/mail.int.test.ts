/**
 * Email over a real SMTP server on this machine: an organisation's administrator sets its mail
 * server (the password sealed, never returned or audited), an idea's author is emailed when a lead
 * triages it, people who turned email off and notifications older than the settings are not, a
 * refusing server's answer is kept and retried with back-off until given up, two runs never claim
 * the same notification, and the test email reports what the server said.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { auditEvents, mailSettings, notifications } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { notify } from '../notifications/service.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { headersOf, ideaWorld } from '../test-support/ideas.js';
import { startTestSmtp } from '../test-support/smtp.js';
import type { TestSmtp } from '../test-support/smtp.js';
import { backOffMs, deliverPendingEmails } from './delivery.js';
import { claimPendingEmails } from './repository.js';
import { secretBox } from '../auth/secret-box.js';
import { MAX_EMAIL_ATTEMPTS, sealedFor } from './service.js';

const PASSWORD = 'pa55-Word-for-smtp';
const KEY = randomBytes(32);
const PUBLIC = 'https://groundswell.example.nhs.uk';

type Settings = {
  settings: null | {
    host: string;
    passwordSet: boolean;
    passwordReadable: boolean;
    enabled: boolean;
    status: { waiting: number; sent: number; failed: number; lastError: string | null };
  };
  canStorePassword: boolean;
};

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp({ groundswell: PASSWORD });
});
afterAll(async () => {
  await smtp.close();
});

const settingsBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  host: '127.0.0.1',
  port: smtp.port,
  security: 'none',
  username: 'groundswell',
  password: PASSWORD,
  fromAddress: 'groundswell@ward-trust.nhs.net',
  fromName: null,
  enabled: true,
  ...overrides,
});

describeEachEngine('email', ({ test }) => {
  test('a triaged idea’s author is emailed through the organisation’s own mail server, once', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    const who = headersOf(w.people);
    const deps = { secrets: secretBox(KEY) };
    smtp.received.length = 0;
    // Before the organisation has a mail server: shown in the app, never emailed later.
    await notify(db, {
      userId: w.people.nurse.id,
      organisationId: w.a.id,
      kind: 'idea.status',
      text: 'Old news',
      link: '/',
    });
    await withApp(
      db,
      async (app) => {
        const put = await app.inject({
          method: 'PUT',
          url: `/api/v1/organisations/${w.a.odsCode}/mail-settings`,
          headers: who.admin,
          payload: settingsBody(),
        });
        expect(put.statusCode, put.body).toBe(200);
        expect(put.body).not.toContain(PASSWORD);
        expect(body<Settings>(put)).toMatchObject({
          settings: { host: '127.0.0.1', passwordSet: true, passwordReadable: true, enabled: true },
          canStorePassword: true,
        });
        const [stored] = await db.select().from(mailSettings).where(eq(mailSettings.organisationId, w.a.id));
        expect(stored!.passwordSealed).not.toContain(PASSWORD);
        expect(secretBox(KEY).open(stored!.passwordSealed!, sealedFor(w.a.id))).toBe(PASSWORD);
        const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityType, 'mail_settings'));
        expect(audit.map((a) => a.action)).toEqual(['mail_settings.create']);
        expect(JSON.stringify(audit)).not.toContain(PASSWORD);
        expect(JSON.stringify(audit)).toContain('"passwordSet":true');

        // The porter turns email off; the nurse keeps it on.
        const off = await app.inject({
          method: 'PUT',
          url: '/api/v1/notifications/email',
          headers: who.porter,
          payload: { email: false },
        });
        expect(body(off)).toEqual({ email: false, available: true });
        const nurses = await app.inject({
          method: 'GET',
          url: '/api/v1/notifications/email',
          headers: who.nurse,
        });
        expect(body(nurses)).toEqual({ email: true, available: true });

        const idea = async (headers: Record<string, string>, proposal: string): Promise<string> => {
          const response = await app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${w.a.odsCode}/ideas`,
            headers,
            payload: { problem: 'Night rounds wake patients', proposal, anonymous: false },
          });
          expect(response.statusCode, response.body).toBe(201);
          return body<{ id: string }>(response).id;
        };
        const nursesIdea = await idea(who.nurse, 'Quieter night rounds with red torches');
        const portersIdea = await idea(who.porter, 'Soft-close bins');
        for (const id of [nursesIdea, portersIdea]) {
          const triaged = await app.inject({
            method: 'POST',
            url: `/api/v1/ideas/${id}/triage`,
            headers: who.qiLead,
            payload: { status: 'not_taken_forward', reason: 'The ward is trialling new torches already.' },
          });
          expect(triaged.statusCode, triaged.body).toBe(200);
        }

        const run = await deliverPendingEmails(db, deps, PUBLIC, () => new Date());
        expect(run).toEqual({ sent: 1, failed: 0, deferred: 0 });
        expect(smtp.received).toHaveLength(1);
        const [mail] = smtp.received;
        expect(mail!.to).toEqual([w.people.nurse.email]);
        expect(mail!.from).toBe('groundswell@ward-trust.nhs.net');
        expect(mail!.user).toBe('groundswell');
        expect(mail!.headers.subject).toMatch(/^Groundswell: .*Quieter night rounds/);
        expect(mail!.headers['auto-submitted']).toBe('auto-generated');
        expect(mail!.headers.from).toContain('Groundswell at Ward Trust');
        expect(mail!.body).toContain(`Hello ${w.people.nurse.displayName},`);
        expect(mail!.body).toContain('The ward is trialling new torches already.');
        expect(mail!.body).toContain(`Open it in Groundswell: ${PUBLIC}/ideas/${nursesIdea}`);
        expect(mail!.body).not.toContain('Old news');

        // Sent once: a second run finds nothing, and the row says when it went.
        expect(await deliverPendingEmails(db, deps, PUBLIC, () => new Date())).toEqual({
          sent: 0,
          failed: 0,
          deferred: 0,
        });
        const mine = await db.select().from(notifications).where(eq(notifications.userId, w.people.nurse.id));
        expect(mine.filter((n) => n.emailedAt !== null).map((n) => n.link)).toEqual([`/ideas/${nursesIdea}`]);

        const status = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${w.a.odsCode}/mail-settings`,
          headers: who.admin,
        });
        expect(body<Settings>(status).settings!.status).toEqual({
          waiting: 0,
          sent: 1,
          failed: 0,
          lastError: null,
        });
      },
      { secretKey: KEY },
    );
  });

  test('a refusing mail server: its answer is kept, retried with back-off, given up after five', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    const deps = { secrets: secretBox(KEY) };
    await configure(db, w.a.id, w.a.odsCode, headersOf(w.people).admin);
    const { id } = await notify(db, {
      userId: w.people.nurse.id,
      organisationId: w.a.id,
      kind: 'idea.status',
      text: 'Your idea is under review',
      link: '/ideas/x',
    });
    smtp.refuse = '550 No such mailbox here';
    try {
      let clock = Date.now();
      const now = (): Date => new Date(clock);
      for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
        expect(await deliverPendingEmails(db, deps, PUBLIC, now)).toEqual({
          sent: 0,
          failed: 1,
          deferred: 0,
        });
        // Not again until the back-off has passed.
        expect(await deliverPendingEmails(db, deps, PUBLIC, now)).toEqual({
          sent: 0,
          failed: 0,
          deferred: 0,
        });
        clock += backOffMs(attempt);
      }
      expect(await deliverPendingEmails(db, deps, PUBLIC, now)).toEqual({ sent: 0, failed: 0, deferred: 0 });
      const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
      expect(row).toMatchObject({ emailAttempts: MAX_EMAIL_ATTEMPTS, emailedAt: null });
      expect(row!.emailError).toContain('No such mailbox');
      await withApp(
        db,
        async (app) => {
          const status = await app.inject({
            method: 'GET',
            url: `/api/v1/organisations/${w.a.odsCode}/mail-settings`,
            headers: headersOf(w.people).admin,
          });
          expect(body<Settings>(status).settings!.status).toMatchObject({ waiting: 0, sent: 0, failed: 1 });
          expect(body<Settings>(status).settings!.status.lastError).toContain('No such mailbox');
        },
        { secretKey: KEY },
      );
    } finally {
      smtp.refuse = null;
    }
  });

  test('a claim is a lease: a second run skips what the first took until the lease lapses', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    await configure(db, w.a.id, w.a.odsCode, headersOf(w.people).admin);
    for (const text of ['One', 'Two', 'Three']) {
      await notify(db, {
        userId: w.people.nurse.id,
        organisationId: w.a.id,
        kind: 'idea.status',
        text,
        link: '/',
      });
    }
    const now = new Date();
    const lease = new Date(now.getTime() + 600_000);
    const first = await claimPendingEmails(db, now, lease, 2, MAX_EMAIL_ATTEMPTS);
    const second = await claimPendingEmails(db, now, lease, 2, MAX_EMAIL_ATTEMPTS);
    // (Made in the same millisecond, notifications may come in either order: PGlite's clock.)
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect([...first, ...second].map((p) => p.text).sort()).toEqual(['One', 'Three', 'Two']);
    expect(await claimPendingEmails(db, now, lease, 2, MAX_EMAIL_ATTEMPTS)).toEqual([]);
    const lapsed = await claimPendingEmails(
      db,
      new Date(lease.getTime() + 1),
      new Date(lease.getTime() + 600_000),
      5,
      MAX_EMAIL_ATTEMPTS,
    );
    expect(lapsed.map((p) => p.text).sort()).toEqual(['One', 'Three', 'Two']);
    expect(lapsed[0]).toMatchObject({
      email: w.people.nurse.email,
      organisationName: 'Ward Trust',
      attempts: 0,
    });
  });

  test('switched off, removed, or the person no longer a member: nothing is emailed', async ({ db }) => {
    const w = await ideaWorld(db);
    const admin = headersOf(w.people).admin;
    const deps = { secrets: secretBox(KEY) };
    smtp.received.length = 0;
    await withApp(
      db,
      async (app) => {
        const put = (payload: Record<string, unknown>): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'PUT',
            url: `/api/v1/organisations/${w.a.odsCode}/mail-settings`,
            headers: admin,
            payload,
          });
        expect((await put(settingsBody({ enabled: false }))).statusCode).toBe(200);
        await notify(db, {
          userId: w.people.nurse.id,
          organisationId: w.a.id,
          kind: 'idea.status',
          text: 'While off',
          link: '/',
        });
        expect(await deliverPendingEmails(db, deps, PUBLIC, () => new Date())).toEqual({
          sent: 0,
          failed: 0,
          deferred: 0,
        });
        // Switched on later: what came while it was off stays in the app only. The password is kept.
        const on = await put(settingsBody({ password: undefined }));
        expect(body<Settings>(on).settings).toMatchObject({ enabled: true, passwordSet: true });
        await notify(db, {
          userId: w.people.nurse.id,
          organisationId: w.a.id,
          kind: 'idea.status',
          text: 'While on',
          link: '/',
        });
        await notify(db, {
          userId: w.people.otherAdmin.id,
          organisationId: w.a.id,
          kind: 'idea.status',
          text: 'Not a member',
          link: '/',
        });
        expect(await deliverPendingEmails(db, deps, PUBLIC, () => new Date())).toEqual({
          sent: 1,
          failed: 0,
          deferred: 0,
        });
        expect(smtp.received.map((m) => m.headers.subject)).toEqual(['Groundswell: While on']);

        const removed = await app.inject({
          method: 'DELETE',
          url: `/api/v1/organisations/${w.a.odsCode}/mail-settings`,
          headers: admin,
        });
        expect(removed.statusCode).toBe(204);
        await notify(db, {
          userId: w.people.nurse.id,
          organisationId: w.a.id,
          kind: 'idea.status',
          text: 'After',
          link: '/',
        });
        expect(await deliverPendingEmails(db, deps, PUBLIC, () => new Date())).toEqual({
          sent: 0,
          failed: 0,
          deferred: 0,
        });
        const gone = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${w.a.odsCode}/mail-settings`,
          headers: admin,
        });
        expect(body<Settings>(gone).settings).toBeNull();
        const again = await app.inject({
          method: 'DELETE',
          url: `/api/v1/organisations/${w.a.odsCode}/mail-settings`,
          headers: admin,
        });
        expect(again.statusCode).toBe(404);
      },
      { secretKey: KEY },
    );
  });

  test('settings are refused with what to change; credentials never go in the clear to another machine', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    const who = headersOf(w.people);
    const url = `/api/v1/organisations/${w.a.odsCode}/mail-settings`;
    await withApp(
      db,
      async (app) => {
        const put = (
          payload: Record<string, unknown>,
          headers = who.admin,
        ): Promise<LightMyRequestResponse> => app.inject({ method: 'PUT', url, headers, payload });
        const refused = async (
          payload: Record<string, unknown>,
          status: number,
          field: string,
        ): Promise<string> => {
          const response = await put(payload);
          expect(response.statusCode, response.body).toBe(status);
          expect(body<ErrorJson>(response).error.details?.field).toBe(field);
          return body<ErrorJson>(response).error.message;
        };
        expect(await refused(settingsBody({ host: 'send.nhs.net', port: 25 }), 400, 'security')).toMatch(
          /only over TLS or STARTTLS/,
        );
        expect(await refused(settingsBody({ host: 'smtp server!' }), 400, 'host')).toMatch(/not a host name/);
        expect(await refused(settingsBody({ fromAddress: 'not an address' }), 400, 'fromAddress')).toMatch(
          /not an email address/,
        );
        expect(await refused(settingsBody({ username: null }), 400, 'username')).toMatch(
          /needs the user name/,
        );
        expect(await refused(settingsBody({ port: 70_000 }), 400, 'port')).toBeTruthy();
        // Over STARTTLS to another machine, credentials are fine.
        expect(
          (await put(settingsBody({ host: 'send.nhs.net', port: 587, security: 'starttls' }))).statusCode,
        ).toBe(200);
        // Only administrators of this organisation.
        expect((await put(settingsBody(), who.qiLead)).statusCode).toBe(403);
        expect((await put(settingsBody(), who.otherAdmin)).statusCode).toBe(403);
        const read = await app.inject({ method: 'GET', url, headers: who.qiLead });
        expect(read.statusCode).toBe(403);
      },
      { secretKey: KEY },
    );
    // A server with no secret key keeps no password, and says how to give it one.
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'PUT', url, headers: who.admin, payload: settingsBody() });
      expect(response.statusCode).toBe(409);
      expect(body<ErrorJson>(response).error.message).toMatch(/GROUNDSWELL_SECRET_KEY/);
      const get = await app.inject({ method: 'GET', url, headers: who.admin });
      // The password stored under the other key is there but cannot be read here.
      expect(body<Settings>(get)).toMatchObject({
        settings: { passwordSet: true, passwordReadable: false },
        canStorePassword: false,
      });
      const test = await app.inject({ method: 'POST', url: `${url}/test`, headers: who.admin });
      expect(test.statusCode).toBe(409);
      expect(body<ErrorJson>(test).error.message).toMatch(/enter the password again/);
      // A relay needing no password can still be used.
      const relay = await app.inject({
        method: 'PUT',
        url,
        headers: who.admin,
        payload: settingsBody({ username: null, password: null }),
      });
      expect(relay.statusCode, relay.body).toBe(200);
    });
  });

  test('the test email goes to the administrator, or says what the mail server answered', async ({ db }) => {
    const w = await ideaWorld(db);
    const who = headersOf(w.people);
    const url = `/api/v1/organisations/${w.a.odsCode}/mail-settings`;
    smtp.received.length = 0;
    await withApp(
      db,
      async (app) => {
        const none = await app.inject({ method: 'POST', url: `${url}/test`, headers: who.admin });
        expect(none.statusCode).toBe(404);
        await app.inject({
          method: 'PUT',
          url,
          headers: who.admin,
          payload: settingsBody({ fromName: 'Ward Trust QI' }),
        });
        const sent = await app.inject({ method: 'POST', url: `${url}/test`, headers: who.admin });
        expect(body(sent)).toEqual({ sent: true, to: w.people.admin.email, error: null });
        expect(smtp.received.map((m) => m.to)).toEqual([[w.people.admin.email]]);
        expect(smtp.received[0]!.headers.from).toContain('Ward Trust QI');

        await app.inject({
          method: 'PUT',
          url,
          headers: who.admin,
          payload: settingsBody({ password: 'wrong' }),
        });
        const wrong = body<{ sent: boolean; error: string }>(
          await app.inject({ method: 'POST', url: `${url}/test`, headers: who.admin }),
        );
        expect(wrong.sent).toBe(false);
        expect(wrong.error).toMatch(/Invalid username or password/);

        await app.inject({
          method: 'PUT',
          url,
          headers: who.admin,
          payload: settingsBody({ port: 1, username: null, password: null }),
        });
        const dead = body<{ sent: boolean; error: string }>(
          await app.inject({ method: 'POST', url: `${url}/test`, headers: who.admin }),
        );
        expect(dead.sent).toBe(false);
        expect(dead.error).toMatch(/ECONNREFUSED/);
      },
      { secretKey: KEY },
    );
  });
});

/** Sets organisation `id`'s mail server to the test server, through the API. */
async function configure(
  db: Database,
  _id: string,
  ref: string,
  admin: Record<string, string>,
): Promise<void> {
  await withApp(
    db,
    async (app) => {
      const response = await app.inject({
        method: 'PUT',
        url: `/api/v1/organisations/${ref}/mail-settings`,
        headers: admin,
        payload: settingsBody(),
      });
      expect(response.statusCode, response.body).toBe(200);
    },
    { secretKey: KEY },
  );
}
