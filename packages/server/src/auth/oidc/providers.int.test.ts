/**
 * An organisation's identity providers through the API: checked against the provider's real
 * discovery document (oidc-provider on loopback), the secret write-only, domains unique, audited.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { auditEvents, identityProviders } from '../../db/schema.js';
import { body, withApp } from '../../test-support/app.js';
import type { ErrorJson } from '../../test-support/app.js';
import { describeEachEngine } from '../../test-support/database.js';
import { anOrganisation } from '../../test-support/fixtures.js';
import { startTestProvider } from '../../test-support/oidc-provider.js';
import type { TestProvider } from '../../test-support/oidc-provider.js';
import { as, aUser, signIn } from '../../test-support/users.js';
import { callbackUrl } from './flow.js';

interface ProviderJson {
  id: string;
  organisationId: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  emailDomains: string[];
  defaultRole: string | null;
  enabled: boolean;
}

let idp: TestProvider;
let other: TestProvider;
/** A loopback server whose "discovery document" lacks a token endpoint. */
let broken: Server;
let brokenIssuer: string;

beforeAll(async () => {
  idp = await startTestProvider({ redirectUri: callbackUrl('http://localhost:3000') });
  other = await startTestProvider({ redirectUri: callbackUrl('http://localhost:3000') });
  broken = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const complete = {
      token_endpoint: `${brokenIssuer}/token`,
      code_challenge_methods_supported: ['S256'],
    };
    res.end(
      JSON.stringify({
        // Under /mismatch: a complete document that names another issuer.
        issuer: req.url?.startsWith('/mismatch') === true ? 'https://elsewhere.example' : brokenIssuer,
        authorization_endpoint: `${brokenIssuer}/auth`,
        jwks_uri: `${brokenIssuer}/jwks`,
        response_types_supported: ['code'],
        ...(req.url?.startsWith('/mismatch') === true ? complete : {}),
      }),
    );
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  brokenIssuer = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await idp.close();
  await other.close();
  broken.closeAllConnections();
  await new Promise<void>((resolve) => {
    broken.close(() => {
      resolve();
    });
  });
});

describeEachEngine('identity providers of an organisation', ({ test }) => {
  test('an administrator adds, reads, changes and removes a provider; the secret is write-only and never audited', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    const admin = await aUser(db, { organisationId: organisation.id, role: 'administrator' });
    await withApp(db, async (app) => {
      const browser = await signIn(app, admin.email);
      const base = `/api/v1/organisations/${organisation.odsCode}/identity-providers`;
      const created = await app.inject({
        method: 'POST',
        url: base,
        headers: as(browser),
        payload: {
          name: 'Trust Entra',
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          emailDomains: [' Trust.NHS.uk ', '@nhs.example.uk', 'trust.nhs.uk'],
          defaultRole: 'staff',
        },
      });
      expect(created.statusCode).toBe(201);
      const provider = body<ProviderJson>(created);
      expect(provider).toMatchObject({
        organisationId: organisation.id,
        name: 'Trust Entra',
        issuer: idp.issuer,
        clientSecretSet: true,
        emailDomains: ['trust.nhs.uk', 'nhs.example.uk'],
        defaultRole: 'staff',
        enabled: true,
      });
      expect(created.body).not.toContain(idp.clientSecret!);
      const list = await app.inject({ method: 'GET', url: base, headers: as(browser) });
      expect(body<{ items: ProviderJson[] }>(list).items.map((p) => p.id)).toEqual([provider.id]);
      expect(list.body).not.toContain(idp.clientSecret!);
      const [stored] = await db.select().from(identityProviders).where(eq(identityProviders.id, provider.id));
      expect(stored?.clientSecret).toBe(idp.clientSecret);

      const changed = await app.inject({
        method: 'PATCH',
        url: `${base}/${provider.id}`,
        headers: as(browser),
        payload: { clientSecret: null, enabled: false, name: 'Trust Entra ID' },
      });
      expect(changed.statusCode).toBe(200);
      expect(body<ProviderJson>(changed)).toMatchObject({
        clientSecretSet: false,
        enabled: false,
        name: 'Trust Entra ID',
      });
      const one = await app.inject({ method: 'GET', url: `${base}/${provider.id}`, headers: as(browser) });
      expect(body<ProviderJson>(one).name).toBe('Trust Entra ID');

      const removed = await app.inject({
        method: 'DELETE',
        url: `${base}/${provider.id}`,
        headers: as(browser),
      });
      expect(removed.statusCode).toBe(204);
      expect(await db.select().from(identityProviders).where(eq(identityProviders.id, provider.id))).toEqual(
        [],
      );

      const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, provider.id));
      expect(audit.map((event) => event.action).sort()).toEqual([
        'identity_provider.create',
        'identity_provider.delete',
        'identity_provider.update',
      ]);
      expect(audit.every((event) => event.organisationId === organisation.id)).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(idp.clientSecret!);
      const update = audit.find((event) => event.action === 'identity_provider.update')!;
      expect(update.summary).toBe(
        'Changed the identity provider Trust Entra ID, disabling it (client secret removed)',
      );
      expect(update.before).toMatchObject({ clientSecretSet: true, enabled: true });
      expect(update.after).toMatchObject({ clientSecretSet: false, enabled: false });
    });
  });

  test('the issuer’s discovery document must be readable and offer the code flow: 400 naming issuer', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    await withApp(db, async (app) => {
      const add = (issuer: string): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${organisation.odsCode}/identity-providers`,
          payload: { name: 'Provider', issuer, clientId: 'groundswell' },
        });
      for (const [issuer, message] of [
        [
          'http://127.0.0.1:1',
          /could not read the OpenID configuration at http:\/\/127\.0\.0\.1:1\/\.well-known/,
        ],
        [brokenIssuer, /cannot be used for sign-in: it has no token_endpoint/],
        ['http://login.example.nhs.uk', /must use https:\/\//],
        ['not a url', /must be a URL/],
      ] as const) {
        const response = await add(issuer);
        expect(response.statusCode, issuer).toBe(400);
        expect(body<ErrorJson>(response).error.details?.field).toBe('issuer');
        expect(body<ErrorJson>(response).error.message).toMatch(message);
      }
      // The issuer the document names must be the one given (openid-client checks).
      const mismatch = await add(`${brokenIssuer}/mismatch`);
      expect(mismatch.statusCode).toBe(400);
      expect(body<ErrorJson>(mismatch).error.details?.field).toBe('issuer');
      expect(body<ErrorJson>(mismatch).error.message).toMatch(/issuer does not match the expected issuer/);
      expect(await db.select().from(identityProviders)).toEqual([]);
    });
  });

  test('email domains are validated, and one domain belongs to one enabled provider across organisations (409)', async ({
    db,
  }) => {
    const a = await anOrganisation(db);
    const b = await anOrganisation(db);
    await withApp(db, async (app) => {
      const add = (
        ref: string,
        issuer: string,
        emailDomains: string[],
        enabled = true,
      ): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${ref}/identity-providers`,
          payload: { name: 'Provider', issuer, clientId: 'groundswell', emailDomains, enabled },
        });
      const bad = await add(a.odsCode, idp.issuer, ['trust.nhs.uk', 'not a domain']);
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('emailDomains[1]');
      expect((await add(a.odsCode, idp.issuer, ['trust.nhs.uk'])).statusCode).toBe(201);
      const clash = await add(b.odsCode, other.issuer, ['other.nhs.uk', 'TRUST.nhs.uk']);
      expect(clash.statusCode).toBe(409);
      expect(body<ErrorJson>(clash).error).toMatchObject({ details: { field: 'emailDomains' } });
      expect(body<ErrorJson>(clash).error.message).toMatch(/trust\.nhs\.uk is already signed in/);
      // A disabled provider may list it; enabling it then clashes.
      const disabled = await add(b.odsCode, other.issuer, ['trust.nhs.uk'], false);
      expect(disabled.statusCode).toBe(201);
      const enable = await app.inject({
        method: 'PATCH',
        url: `/api/v1/organisations/${b.odsCode}/identity-providers/${body<ProviderJson>(disabled).id}`,
        payload: { enabled: true },
      });
      expect(enable.statusCode).toBe(409);
      // The same issuer twice in one organisation is refused too.
      const twice = await add(a.odsCode, idp.issuer, []);
      expect(twice.statusCode).toBe(409);
      expect(body<ErrorJson>(twice).error.details?.field).toBe('issuer');
    });
  });

  test('another organisation’s provider is unknown to this organisation’s administrator (404, as an unknown id)', async ({
    db,
  }) => {
    const a = await anOrganisation(db);
    const b = await anOrganisation(db);
    const adminOfB = await aUser(db, { organisationId: b.id, role: 'administrator' });
    const staffOfA = await aUser(db, { organisationId: a.id, role: 'staff' });
    await withApp(db, async (app) => {
      const created = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${a.odsCode}/identity-providers`,
        payload: {
          name: 'A provider',
          issuer: idp.issuer,
          clientId: 'groundswell',
          clientSecret: 'a secret',
        },
      });
      const id = body<ProviderJson>(created).id;
      const browser = await signIn(app, adminOfB.email);
      const through = (
        providerId: string,
        method: 'GET' | 'PATCH' | 'DELETE',
      ): Promise<LightMyRequestResponse> =>
        app.inject({
          method,
          url: `/api/v1/organisations/${b.odsCode}/identity-providers/${providerId}`,
          headers: as(browser),
          ...(method === 'PATCH' ? { payload: { enabled: false } } : {}),
        });
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const hidden = await through(id, method);
        const unknownId = randomUUID();
        const unknown = await through(unknownId, method);
        expect(hidden.statusCode, method).toBe(404);
        expect(hidden.body.replaceAll(id, '<id>')).toBe(unknown.body.replaceAll(unknownId, '<id>'));
      }
      // Through A's address, B's administrator and A's staff may not manage it (403).
      const direct = await app.inject({
        method: 'PATCH',
        url: `/api/v1/organisations/${a.odsCode}/identity-providers/${id}`,
        headers: as(browser),
        payload: { enabled: false },
      });
      expect(direct.statusCode).toBe(403);
      const staff = await signIn(app, staffOfA.email);
      const list = await app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${a.odsCode}/identity-providers`,
        headers: as(staff),
      });
      expect(list.statusCode).toBe(403);
      const [stored] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
      expect(stored?.enabled).toBe(true);
    });
  });
});
