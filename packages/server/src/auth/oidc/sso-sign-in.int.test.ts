/**
 * Single sign-on end to end: a real OpenID provider (oidc-provider) on loopback, the app through
 * `inject`, and the browser's way through the provider over real HTTP.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  auditEvents,
  identityProviders,
  memberships,
  oneTimeLinks,
  sessions,
  signInRequests,
  userIdentities,
  users,
} from '../../db/schema.js';
import type { Role } from '../../db/schema/vocabulary.js';
import type { Database } from '../../db/types.js';
import type { Api } from '../../http/types.js';
import { withApp } from '../../test-support/app.js';
import { describeEachEngine } from '../../test-support/database.js';
import { anOrganisation } from '../../test-support/fixtures.js';
import { startTestProvider } from '../../test-support/oidc-provider.js';
import type { TestAccount, TestProvider } from '../../test-support/oidc-provider.js';
import { aUser, sessionCookie } from '../../test-support/users.js';
import { secretBox } from '../secret-box.js';
import { hashSecret } from '../secrets.js';
import { openClientSecret, sealStoredClientSecrets } from './client-secret.js';
import { callbackUrl } from './flow.js';
import { insertProvider } from './providers-repository.js';

const PUBLIC_URL = 'http://localhost:3000';
const DOMAIN = 'trust.nhs.uk';

let idp: TestProvider;
let publicIdp: TestProvider;

beforeAll(async () => {
  idp = await startTestProvider({ redirectUri: callbackUrl(PUBLIC_URL) });
  // A public client (PKCE alone, no secret), whose provider puts the email in the ID token.
  publicIdp = await startTestProvider({
    redirectUri: callbackUrl(PUBLIC_URL),
    clientSecret: null,
    claimsInIdToken: true,
  });
});

afterAll(async () => {
  await idp.close();
  await publicIdp.close();
});

/** A clock the test moves. */
function clock(): { now: () => Date; advance: (ms: number) => void } {
  let at = Date.now();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

async function setUp(
  db: Database,
  options: { defaultRole?: Exclude<Role, 'unit_lead'>; provider?: TestProvider } = {},
): Promise<{ organisationId: string; providerId: string }> {
  const organisation = await anOrganisation(db, { name: 'Trust With SSO' });
  const provider = options.provider ?? idp;
  const row = await insertProvider(db, {
    organisationId: organisation.id,
    name: 'Trust login',
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    emailDomains: [DOMAIN],
    defaultRole: options.defaultRole ?? null,
  });
  return { organisationId: organisation.id, providerId: row.id };
}

function account(overrides: Partial<TestAccount> = {}): TestAccount {
  const name = `person${randomUUID().slice(0, 8)}`;
  return {
    sub: randomUUID(),
    email: `${name}@${DOMAIN}`,
    email_verified: true,
    name: 'Pat Example',
    ...overrides,
  };
}

interface Flow {
  readonly start: LightMyRequestResponse;
  readonly stateCookie: string;
  /** Where the provider sent the browser back (the callback address with code and state). */
  readonly back: URL;
  readonly callback: LightMyRequestResponse;
}

/** Starts at the app, signs in at the provider as `person`, and returns to the app's callback. */
async function signInThrough(
  app: Api,
  providerId: string,
  person: TestAccount,
  options: {
    returnTo?: string;
    provider?: TestProvider;
    deny?: boolean;
    beforeCallback?: () => Promise<void>;
  } = {},
): Promise<Flow> {
  const provider = options.provider ?? idp;
  provider.person(person);
  const query = options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`;
  const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${providerId}/start${query}` });
  expect(start.statusCode).toBe(302);
  const location = new URL(start.headers.location as string);
  expect(location.origin).toBe(provider.issuer);
  const state = start.cookies.find((c) => c.name.endsWith('gs_sso'))!;
  const stateCookie = `${state.name}=${state.value}`;
  const back = await provider.authorise(location.href, { deny: options.deny ?? false });
  await options.beforeCallback?.();
  const callback = await app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: stateCookie },
  });
  return { start, stateCookie, back, callback };
}

function refusedWith(response: LightMyRequestResponse, code: string): void {
  expect(response.statusCode).toBe(302);
  expect(response.headers.location).toBe(`/sign-in?error=${code}`);
  expect(sessionCookie(response)).toBeUndefined();
}

async function sessionOf(app: Api, response: LightMyRequestResponse): Promise<{ email: string } | null> {
  const cookie = sessionCookie(response);
  if (cookie === undefined) return null;
  const session = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
  return session.json<{ user: { email: string } | null }>().user;
}

async function actions(db: Database, userId: string): Promise<string[]> {
  const rows = await db.select().from(auditEvents).where(eq(auditEvents.entityId, userId));
  return rows.map((row) => row.action).sort();
}

describeEachEngine('single sign-on with OpenID Connect', ({ test }) => {
  test('start: state, nonce and a PKCE S256 challenge to the provider; the sign-in is kept by the state’s hash', async ({
    db,
  }) => {
    const { providerId } = await setUp(db);
    await withApp(
      db,
      async (app) => {
        const start = await app.inject({
          method: 'GET',
          url: `/api/v1/auth/sso/${providerId}/start?returnTo=${encodeURIComponent('/organisations/RX1?tab=2')}`,
        });
        expect(start.statusCode).toBe(302);
        expect(start.headers['cache-control']).toBe('no-store');
        const url = new URL(start.headers.location as string);
        expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/auth`);
        const params = Object.fromEntries(url.searchParams);
        expect(params).toMatchObject({
          response_type: 'code',
          scope: 'openid email profile',
          client_id: idp.clientId,
          redirect_uri: `${PUBLIC_URL}/api/v1/auth/sso/callback`,
          code_challenge_method: 'S256',
        });
        expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const cookie = start.cookies.find((c) => c.name === '__Host-gs_sso')!;
        expect(cookie).toMatchObject({
          value: params.state,
          httpOnly: true,
          secure: true,
          sameSite: 'Lax',
          path: '/',
        });
        const [row] = await db
          .select()
          .from(signInRequests)
          .where(eq(signInRequests.stateHash, hashSecret(params.state!)));
        expect(row).toMatchObject({ providerId, nonce: params.nonce, returnTo: '/organisations/RX1?tab=2' });
        expect(row!.codeVerifier).not.toBe(params.code_challenge);
        expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(10 * 60_000);
      },
      { as: 'public' },
    );
  });

  test('a known person (linked to the provider’s subject) signs in: a new oidc session, audited, then back to returnTo', async ({
    db,
  }) => {
    const { organisationId, providerId } = await setUp(db);
    const person = await aUser(db, { organisationId, role: 'improver' });
    const them = account({ email: `changed.address@${DOMAIN}` });
    await db.insert(userIdentities).values({ providerId, subject: them.sub, userId: person.id });
    await withApp(
      db,
      async (app) => {
        const { callback } = await signInThrough(app, providerId, them, {
          returnTo: '/measures?search=falls',
        });
        expect(callback.statusCode).toBe(302);
        expect(callback.headers.location).toBe('/measures?search=falls');
        expect(callback.headers['cache-control']).toBe('no-store');
        const cookie = callback.cookies.find((c) => c.name === '__Host-gs_session')!;
        expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
        // The state cookie is cleared.
        expect(callback.cookies.find((c) => c.name === '__Host-gs_sso')?.value).toBe('');
        expect((await sessionOf(app, callback))?.email).toBe(person.email);
        const [stored] = await db
          .select()
          .from(sessions)
          .where(eq(sessions.idHash, hashSecret(cookie.value)));
        expect(stored).toMatchObject({ userId: person.id, method: 'oidc' });
        const [signIn] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'user.sign_in'), eq(auditEvents.entityId, person.id)));
        expect(signIn?.summary).toBe('Signed in (oidc)');
        const [identity] = await db.select().from(userIdentities).where(eq(userIdentities.subject, them.sub));
        expect(identity?.lastSignInAt).not.toBeNull();
      },
      { as: 'public' },
    );
  });

  test('a member with the same verified address is linked at first sign-in, then known by subject', async ({
    db,
  }) => {
    const { organisationId, providerId } = await setUp(db);
    const them = account();
    const person = await aUser(db, { email: them.email!, organisationId, role: 'qi_lead' });
    await withApp(
      db,
      async (app) => {
        const first = await signInThrough(app, providerId, them);
        expect(first.callback.headers.location).toBe('/');
        expect((await sessionOf(app, first.callback))?.email).toBe(person.email);
        const [identity] = await db
          .select()
          .from(userIdentities)
          .where(eq(userIdentities.providerId, providerId));
        expect(identity).toMatchObject({ subject: them.sub, userId: person.id });
        expect(await actions(db, person.id)).toEqual(['user.identity_link', 'user.sign_in']);
        // Later the provider gives another address: the subject still says who it is.
        const again = await signInThrough(app, providerId, { ...them, email: `renamed@${DOMAIN}` });
        expect((await sessionOf(app, again.callback))?.email).toBe(person.email);
      },
      { as: 'public' },
    );
  });

  test('an invited person with no account gets one, with the invitation’s role, and the invitation is used', async ({
    db,
  }) => {
    const { organisationId, providerId } = await setUp(db);
    const them = account({ name: 'Ivy Invited' });
    const [link] = await db
      .insert(oneTimeLinks)
      .values({
        tokenHash: hashSecret(randomUUID()),
        purpose: 'invitation',
        email: them.email!,
        organisationId,
        role: 'executive',
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    await withApp(
      db,
      async (app) => {
        const { callback } = await signInThrough(app, providerId, them, { returnTo: '/account/tokens' });
        expect(callback.headers.location).toBe('/account/tokens');
        const [user] = await db.select().from(users).where(eq(users.email, them.email!));
        expect(user).toMatchObject({ displayName: 'Ivy Invited', status: 'active', passwordHash: null });
        const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
        expect(membership).toMatchObject({ organisationId, role: 'executive' });
        const [used] = await db.select().from(oneTimeLinks).where(eq(oneTimeLinks.id, link!.id));
        expect(used?.usedAt).not.toBeNull();
        expect(await actions(db, user!.id)).toEqual([
          'member.join',
          'user.create',
          'user.identity_link',
          'user.sign_in',
        ]);
      },
      { as: 'public' },
    );
  });

  test('an invited person who has an account (not yet a member) is linked and joins', async ({ db }) => {
    const { organisationId, providerId } = await setUp(db);
    const other = await anOrganisation(db);
    const them = account();
    const person = await aUser(db, { email: them.email!, organisationId: other.id, role: 'staff' });
    await db.insert(oneTimeLinks).values({
      tokenHash: hashSecret(randomUUID()),
      purpose: 'invitation',
      email: them.email!,
      organisationId,
      role: 'improver',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await withApp(
      db,
      async (app) => {
        const { callback } = await signInThrough(app, providerId, them);
        expect((await sessionOf(app, callback))?.email).toBe(person.email);
        const rows = await db.select().from(memberships).where(eq(memberships.userId, person.id));
        expect(rows.map((m) => [m.organisationId, m.role]).sort()).toEqual(
          [
            [organisationId, 'improver'],
            [other.id, 'staff'],
          ].sort(),
        );
      },
      { as: 'public' },
    );
  });

  test('with a default role, a new person of the provider’s domain gets an account (public client, PKCE only)', async ({
    db,
  }) => {
    const { organisationId, providerId } = await setUp(db, { defaultRole: 'staff', provider: publicIdp });
    const them = account({ name: 'Newton New' });
    await withApp(
      db,
      async (app) => {
        const { callback } = await signInThrough(app, providerId, them, { provider: publicIdp });
        expect(callback.headers.location).toBe('/');
        const [user] = await db.select().from(users).where(eq(users.email, them.email!));
        expect(user).toMatchObject({ status: 'active', passwordHash: null, displayName: 'Newton New' });
        const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
        expect(membership).toMatchObject({ organisationId, role: 'staff', unitId: null });
        expect(await actions(db, user!.id)).toEqual(['user.create', 'user.identity_link', 'user.sign_in']);
        const [created] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'user.create'), eq(auditEvents.entityId, user!.id)));
        expect(created).toMatchObject({ organisationId, actor: 'single sign-on (Trust login)' });
      },
      { as: 'public' },
    );
  });

  test('refused: no account, membership or invitation and no default role; an unverified address; another domain', async ({
    db,
  }) => {
    const { providerId } = await setUp(db);
    await withApp(
      db,
      async (app) => {
        const stranger = account();
        refusedWith((await signInThrough(app, providerId, stranger)).callback, 'sso_no_account');
        expect(await db.select().from(users).where(eq(users.email, stranger.email!))).toEqual([]);
        expect(
          await db.select().from(userIdentities).where(eq(userIdentities.providerId, providerId)),
        ).toEqual([]);
        refusedWith(
          (await signInThrough(app, providerId, account({ email_verified: false }))).callback,
          'sso_unverified_email',
        );
        refusedWith(
          (await signInThrough(app, providerId, account({ email: 'someone@elsewhere.nhs.uk' }))).callback,
          'sso_unverified_email',
        );
      },
      { as: 'public' },
    );
  });

  test('a verified address matching a member of another organisation only is refused, and not linked', async ({
    db,
  }) => {
    const { providerId } = await setUp(db, { defaultRole: 'staff' });
    const other = await anOrganisation(db);
    const them = account();
    const person = await aUser(db, { email: them.email!, organisationId: other.id });
    await withApp(
      db,
      async (app) => {
        refusedWith((await signInThrough(app, providerId, them)).callback, 'sso_no_account');
        expect(await db.select().from(userIdentities).where(eq(userIdentities.userId, person.id))).toEqual(
          [],
        );
      },
      { as: 'public' },
    );
  });

  test('deactivated people are refused, linked or not', async ({ db }) => {
    const { organisationId, providerId } = await setUp(db, { defaultRole: 'staff' });
    const linked = account();
    const gone = await aUser(db, { email: linked.email!, organisationId, status: 'deactivated' });
    await db.insert(userIdentities).values({ providerId, subject: linked.sub, userId: gone.id });
    const unlinked = account();
    await aUser(db, { email: unlinked.email!, organisationId, status: 'deactivated' });
    await withApp(
      db,
      async (app) => {
        refusedWith((await signInThrough(app, providerId, linked)).callback, 'sso_deactivated');
        refusedWith((await signInThrough(app, providerId, unlinked)).callback, 'sso_deactivated');
        expect(await db.select().from(sessions).where(eq(sessions.userId, gone.id))).toEqual([]);
      },
      { as: 'public' },
    );
  });

  test('a state is used once: replaying the callback is refused', async ({ db }) => {
    const { organisationId, providerId } = await setUp(db);
    const them = account();
    await aUser(db, { email: them.email!, organisationId });
    await withApp(
      db,
      async (app) => {
        const flow = await signInThrough(app, providerId, them);
        expect(flow.callback.headers.location).toBe('/');
        const replay = await app.inject({
          method: 'GET',
          url: `${flow.back.pathname}${flow.back.search}`,
          headers: { cookie: flow.stateCookie },
        });
        refusedWith(replay, 'sso_expired');
      },
      { as: 'public' },
    );
  });

  test('a tampered state, a callback in another browser and an expired sign-in are refused', async ({
    db,
  }) => {
    const { organisationId, providerId } = await setUp(db);
    const them = account();
    await aUser(db, { email: them.email!, organisationId });
    const time = clock();
    await withApp(
      db,
      async (app) => {
        // Tampered: another state than the one started (and kept in the browser's cookie).
        idp.person(them);
        const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${providerId}/start` });
        const state = start.cookies.find((c) => c.name.endsWith('gs_sso'))!;
        const back = await idp.authorise(start.headers.location as string);
        const tampered = new URL(back);
        tampered.searchParams.set('state', `${state.value.slice(0, -2)}xx`);
        const cookie = `${state.name}=${state.value}`;
        refusedWith(
          await app.inject({
            method: 'GET',
            url: `${tampered.pathname}${tampered.search}`,
            headers: { cookie },
          }),
          'sso_failed',
        );
        // With a forged cookie to match, the state is still unknown.
        refusedWith(
          await app.inject({
            method: 'GET',
            url: `${tampered.pathname}${tampered.search}`,
            headers: { cookie: `${state.name}=${tampered.searchParams.get('state')!}` },
          }),
          'sso_expired',
        );
        // The right state without the cookie: the sign-in was started in another browser.
        refusedWith(await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` }), 'sso_failed');
        // Expired: the person took more than 10 minutes.
        const late = await signInThrough(app, providerId, them, {
          beforeCallback: () => {
            time.advance(10 * 60_000 + 1);
            return Promise.resolve();
          },
        });
        refusedWith(late.callback, 'sso_expired');
      },
      { as: 'public', now: time.now },
    );
  });

  test('an ID token with another nonce than the one kept is refused (and the same flow with it passes)', async ({
    db,
  }) => {
    const { organisationId, providerId } = await setUp(db);
    const them = account();
    const person = await aUser(db, { email: them.email!, organisationId });
    const log: string[] = [];
    const stream = { write: (line: string) => log.push(line) };
    await withApp(
      db,
      async (app) => {
        const flow = await signInThrough(app, providerId, them, {
          beforeCallback: async () => {
            await db.update(signInRequests).set({ nonce: 'not-the-nonce-that-was-sent' });
          },
        });
        refusedWith(flow.callback, 'sso_failed');
        // The refusal is the nonce's (openid-client's check), not anything else.
        expect(log.join('\n')).toMatch(/unexpected ID Token \\"nonce\\" claim value/);
        expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([]);
        const control = await signInThrough(app, providerId, them);
        expect(control.callback.headers.location).toBe('/');
      },
      { as: 'public', logger: { level: 'info', stream } },
    );
  });

  test('returnTo must be a path of this site: other sites are refused before anything is stored', async ({
    db,
  }) => {
    const { providerId } = await setUp(db);
    await withApp(
      db,
      async (app) => {
        for (const returnTo of [
          'https://evil.example/',
          '//evil.example/path',
          '/\\evil.example',
          'javascript:alert(1)',
          'evil.example',
          '/\tevil',
        ]) {
          const response = await app.inject({
            method: 'GET',
            url: `/api/v1/auth/sso/${providerId}/start?returnTo=${encodeURIComponent(returnTo)}`,
          });
          refusedWith(response, 'sso_bad_return_to');
        }
        expect(await db.select().from(signInRequests)).toEqual([]);
      },
      { as: 'public' },
    );
  });

  test('the person cancelling at the provider, and an unknown or disabled provider, are refused', async ({
    db,
  }) => {
    const { providerId } = await setUp(db);
    await withApp(
      db,
      async (app) => {
        refusedWith((await signInThrough(app, providerId, account(), { deny: true })).callback, 'sso_denied');
        refusedWith(
          await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${randomUUID()}/start` }),
          'sso_unknown_provider',
        );
        await db
          .update(identityProviders)
          .set({ enabled: false })
          .where(eq(identityProviders.id, providerId));
        refusedWith(
          await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${providerId}/start` }),
          'sso_unknown_provider',
        );
      },
      { as: 'public' },
    );
  });

  test('signing in through the provider ends the session the browser had (no fixation)', async ({ db }) => {
    const { organisationId, providerId } = await setUp(db);
    const them = account();
    const person = await aUser(db, { email: them.email!, organisationId });
    await withApp(
      db,
      async (app) => {
        const first = await signInThrough(app, providerId, them);
        const old = sessionCookie(first.callback)!;
        idp.person(them);
        const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${providerId}/start` });
        const state = start.cookies.find((c) => c.name.endsWith('gs_sso'))!;
        const back = await idp.authorise(start.headers.location as string);
        const second = await app.inject({
          method: 'GET',
          url: `${back.pathname}${back.search}`,
          headers: { cookie: `${old}; ${state.name}=${state.value}` },
        });
        expect(sessionCookie(second)).not.toBe(old);
        const live = await db.select().from(sessions).where(eq(sessions.userId, person.id));
        expect(live.filter((s) => s.revokedAt === null)).toHaveLength(1);
        expect(
          (await app.inject({ url: '/api/v1/auth/session', headers: { cookie: old } })).json(),
        ).toMatchObject({
          user: null,
        });
      },
      { as: 'public' },
    );
  });

  test('lookup names the provider of an address’s domain, the same whether or not the address has an account', async ({
    db,
  }) => {
    const { organisationId, providerId } = await setUp(db);
    const member = await aUser(db, { email: `known@${DOMAIN}`, organisationId });
    await withApp(
      db,
      async (app) => {
        const lookup = (email: string): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'POST', url: '/api/v1/auth/sso/lookup', payload: { email } });
        const known = await lookup(member.email.toUpperCase());
        const unknown = await lookup(`nobody@${DOMAIN}`);
        expect(known.statusCode).toBe(200);
        expect(known.json()).toEqual({
          provider: { id: providerId, name: 'Trust login', organisationName: 'Trust With SSO' },
        });
        expect(unknown.body).toBe(known.body);
        expect((await lookup('someone@elsewhere.nhs.uk')).json()).toEqual({ provider: null });
        expect((await lookup('not an address')).json()).toEqual({ provider: null });
      },
      { as: 'public' },
    );
  });

  test('a client secret is sealed at rest with the server’s key and opened to sign in; another key cannot', async ({
    db,
  }) => {
    const key = randomBytes(32);
    const { organisationId, providerId } = await setUp(db);
    // Stored as given (before keys existed): a server with a key seals it when it starts.
    expect(await sealStoredClientSecrets(db, secretBox(key))).toBe(1);
    expect(await sealStoredClientSecrets(db, secretBox(key))).toBe(0);
    const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, providerId));
    expect(row!.clientSecretSealed).toBe(true);
    expect(row!.clientSecret).not.toContain(idp.clientSecret!);
    expect(openClientSecret(secretBox(key), row!)).toBe(idp.clientSecret);
    expect(openClientSecret(secretBox(randomBytes(32)), row!)).toBeUndefined();

    const them = account();
    const person = await aUser(db, { email: them.email!, organisationId, role: 'improver' });
    await withApp(
      db,
      async (app) => {
        const { callback } = await signInThrough(app, providerId, them);
        expect((await sessionOf(app, callback))?.email).toBe(person.email);
      },
      { as: 'public', secretKey: key },
    );
    // A server with another key (or none) cannot open it, and says so instead of sending garbage.
    for (const secretKey of [randomBytes(32), undefined]) {
      await withApp(
        db,
        async (app) => {
          const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${providerId}/start` });
          refusedWith(start, 'sso_unavailable');
        },
        { as: 'public', secretKey },
      );
    }
  });

  test('a provider added or given a new secret through the API keeps it sealed; the API never returns it', async ({
    db,
  }) => {
    const key = randomBytes(32);
    const organisation = await anOrganisation(db, { name: 'Sealing Trust' });
    await withApp(
      db,
      async (app) => {
        const added = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${organisation.odsCode}/identity-providers`,
          payload: {
            name: 'Sealed',
            issuer: idp.issuer,
            clientId: idp.clientId,
            clientSecret: 'first-secret-value',
          },
        });
        expect(added.statusCode, added.body).toBe(201);
        expect(added.body).not.toContain('first-secret-value');
        const id = added.json<{ id: string }>().id;
        const stored = async (): Promise<typeof identityProviders.$inferSelect> =>
          (await db.select().from(identityProviders).where(eq(identityProviders.id, id)))[0]!;
        expect((await stored()).clientSecret).not.toContain('first-secret-value');
        expect(openClientSecret(secretBox(key), await stored())).toBe('first-secret-value');
        const changed = await app.inject({
          method: 'PATCH',
          url: `/api/v1/organisations/${organisation.odsCode}/identity-providers/${id}`,
          payload: { clientSecret: 'second-secret-value' },
        });
        expect(changed.statusCode, changed.body).toBe(200);
        expect(openClientSecret(secretBox(key), await stored())).toBe('second-secret-value');
        // A change that leaves the secret alone keeps it as sealed.
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/organisations/${organisation.odsCode}/identity-providers/${id}`,
          payload: { name: 'Renamed' },
        });
        expect(openClientSecret(secretBox(key), await stored())).toBe('second-secret-value');
      },
      { secretKey: key },
    );
  });
});
