/**
 * @module auth/oidc/sso-routes
 * Signing in through an organisation's identity provider: which provider signs in an address
 * (`POST /auth/sso/lookup`), the start (`GET /auth/sso/:providerId/start`: to the provider) and
 * the return (`GET /auth/sso/callback`: a session, then the page the person came from). Start and
 * callback are full-page navigations: every refusal sends the browser to `/sign-in?error=<code>`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import '@fastify/rate-limit';
import { z } from 'zod';
import { cookieOptions } from '../../http/authenticate.js';
import { ERROR_RESPONSES, ErrorBodySchema } from '../../http/errors.js';
import type { Api, RouteDeps } from '../../http/types.js';
import type { AuthPolicy } from '../policy.js';
import { sessionCookieName } from '../policy.js';
import { sameSecret } from '../secrets.js';
import { revokeSession } from '../sessions.js';
import { startSession } from '../sign-in.js';
import { personFor } from './accounts.js';
import { openClientSecret } from './client-secret.js';
import { DiscoveryCache } from './discovery.js';
import { domainOf } from './domains.js';
import { authorisationUrl, callbackUrl, finish, newFlowSecrets } from './flow.js';
import { findEnabledProvider, providerForDomain } from './providers-repository.js';
import type { IdentityProviderRow } from './providers-repository.js';
import { refusalLocation, SignInRefused } from './refusal.js';
import { safeReturnTo } from './return-to.js';
import { CallbackQuery, LookupBody, LookupView, StartParams, StartQuery } from './schemas.js';
import { SIGN_IN_REQUEST_MS, saveSignInRequest, takeSignInRequest } from './sign-in-requests.js';

const tags = ['sign-in'];

/** At most this many single sign-on requests a minute from one address. */
const SSO_RATE = { max: 30, timeWindow: '1 minute' };

const REDIRECT = {
  302: z.null().describe('To the provider, or back to a page of this site'),
  429: ErrorBodySchema,
};

/** Where the public origin is not configured (`GROUNDSWELL_PUBLIC_URL`). */
const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/**
 * The cookie that ties a sign-in to the browser that started it (it holds the state): a callback
 * opened in another browser (login CSRF: signing a victim in as the attacker) is refused.
 */
export function stateCookieName(policy: Pick<AuthPolicy, 'secureCookie'>): string {
  return policy.secureCookie ? '__Host-gs_sso' : 'gs_sso';
}

/** Adds the single sign-on routes. */
export function singleSignOnRoutes(
  api: Api,
  { db, authPolicy: policy, now, secrets: secretBox }: RouteDeps,
): void {
  const discovery = new DiscoveryCache();
  const redirectUri = callbackUrl(policy.publicUrl ?? DEFAULT_PUBLIC_URL);

  /** The provider with its client secret opened, or refused when this server cannot open it. */
  function withClientSecret(provider: IdentityProviderRow): IdentityProviderRow {
    const clientSecret = openClientSecret(secretBox, provider);
    if (clientSecret === undefined) {
      throw new SignInRefused(
        'sso_unavailable',
        'The identity provider’s client secret cannot be read with this server’s secret key: an administrator must enter it again.',
      );
    }
    return { ...provider, clientSecret };
  }

  function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
    if (!(error instanceof SignInRefused)) throw error;
    request.log.info(
      { err: error.cause ?? error, code: error.code },
      `single sign-on refused: ${error.message}`,
    );
    return reply.redirect(refusalLocation(error.code), 302);
  }

  api.post(
    '/auth/sso/lookup',
    {
      config: { csrf: false, rateLimit: SSO_RATE },
      schema: {
        tags,
        summary: 'The identity provider that signs in this email address’s domain, if any',
        description: 'Answers from the domain alone, the same whether or not the address has an account.',
        body: LookupBody,
        response: { 200: LookupView, ...ERROR_RESPONSES, 429: ErrorBodySchema },
      },
    },
    async (request) => {
      const domain = domainOf(request.body.email);
      const provider = domain === null ? undefined : await providerForDomain(db, domain);
      return { provider: provider ?? null };
    },
  );

  api.get(
    '/auth/sso/:providerId/start',
    {
      config: { rateLimit: SSO_RATE },
      schema: {
        tags,
        summary: 'Start signing in through an identity provider: redirects the browser to it',
        params: StartParams,
        querystring: StartQuery,
        response: REDIRECT,
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      try {
        const provider = await findEnabledProvider(db, request.params.providerId);
        if (provider === undefined) {
          throw new SignInRefused(
            'sso_unknown_provider',
            'There is no such identity provider, or it is disabled.',
          );
        }
        const returnTo = safeReturnTo(request.query.returnTo ?? '/');
        if (returnTo === null) {
          throw new SignInRefused('sso_bad_return_to', 'returnTo must be a path of this site.');
        }
        const config = await discovery.get(withClientSecret(provider)).catch((error: unknown) => {
          if (error instanceof SignInRefused) throw error;
          throw new SignInRefused('sso_unavailable', 'The identity provider could not be reached.', error);
        });
        const secrets = newFlowSecrets();
        const url = await authorisationUrl(config, secrets, redirectUri);
        await saveSignInRequest(db, { ...secrets, providerId: provider.id, returnTo }, now());
        void reply.setCookie(stateCookieName(policy), secrets.state, {
          ...cookieOptions(policy),
          maxAge: SIGN_IN_REQUEST_MS / 1000,
        });
        return await reply.redirect(url.href, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  api.get(
    '/auth/sso/callback',
    {
      config: { rateLimit: SSO_RATE },
      schema: {
        tags,
        summary: 'Where the identity provider returns the browser: signs in, then back to the page',
        querystring: CallbackQuery,
        response: REDIRECT,
      },
    },
    async (request, reply) => {
      const cookieName = stateCookieName(policy);
      void reply.header('cache-control', 'no-store');
      void reply.clearCookie(cookieName, cookieOptions(policy));
      try {
        const { state } = request.query;
        if (state === undefined) throw new SignInRefused('sso_expired', 'The sign-in has no state.');
        const bound = request.cookies[cookieName];
        if (bound === undefined || !sameSecret(bound, state)) {
          throw new SignInRefused('sso_failed', 'This sign-in was not started in this browser.');
        }
        const at = now();
        const started = await takeSignInRequest(db, state, at);
        if (started === undefined) {
          throw new SignInRefused('sso_expired', 'The sign-in was used already, expired, or never started.');
        }
        const provider = await findEnabledProvider(db, started.providerId);
        if (provider === undefined) {
          throw new SignInRefused('sso_unknown_provider', 'The identity provider was disabled or removed.');
        }
        if (request.query.error !== undefined) {
          throw new SignInRefused('sso_denied', `The identity provider answered ${request.query.error}.`);
        }
        const config = await discovery.get(withClientSecret(provider)).catch((error: unknown) => {
          if (error instanceof SignInRefused) throw error;
          throw new SignInRefused('sso_unavailable', 'The identity provider could not be reached.', error);
        });
        // The address the provider sent the browser to: the registered callback and its query.
        const query = request.url.indexOf('?');
        const returned = new URL(`${redirectUri}${query < 0 ? '' : request.url.slice(query)}`);
        const claims = await finish(config, returned, {
          state,
          nonce: started.nonce,
          codeVerifier: started.codeVerifier,
        });
        const session = await db.transaction(async (tx) => {
          const user = await personFor(tx, provider, claims, at);
          return startSession(tx, user, 'oidc', policy, at);
        });
        if (request.authSession !== null) await revokeSession(db, request.authSession.idHash, at);
        void reply.setCookie(sessionCookieName(policy), session.id, cookieOptions(policy, session.expiresAt));
        return await reply.redirect(started.returnTo, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );
}
