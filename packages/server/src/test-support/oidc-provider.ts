/**
 * @module test-support/oidc-provider
 * A real OpenID provider (oidc-provider) on loopback for the single sign-on tests: one static
 * client, PKCE required, and a minimal login step the test drives. The test says who signs in
 * next (`idp.person(...)`), then `idp.authorise(url)` follows the browser's way through the
 * provider over real HTTP — the authorisation endpoint, the login interaction, consent — carrying
 * the provider's cookies, and returns the address the provider sends the browser back to.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { AccountClaims, JWK } from 'oidc-provider';

/** A person the provider knows. */
export interface TestAccount {
  readonly sub: string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly name?: string;
}

/** A running provider. */
export interface TestProvider {
  /** The issuer: `http://127.0.0.1:<port>`. */
  readonly issuer: string;
  readonly clientId: string;
  /** The client's secret (null: a public client, PKCE only). */
  readonly clientSecret: string | null;
  /** Makes `account` the one who signs in at the next login. */
  person(account: TestAccount): void;
  /**
   * Opens `authorisationUrl` as a browser would and signs in as the current person (consenting to
   * every scope asked); returns where the provider redirects the browser at the end (the callback
   * address with `code` and `state`, or with `error`). `deny`: the person refuses at login.
   */
  authorise(authorisationUrl: string, options?: { deny?: boolean }): Promise<URL>;
  close(): Promise<void>;
}

/** Cookies kept between requests, as a browser keeps them for the provider's site. */
class Jar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Starts a provider on 127.0.0.1 (a random port) whose client returns to `redirectUri`. */
export async function startTestProvider(options: {
  redirectUri: string;
  clientId?: string;
  /** Default: a confidential client with a random secret; null for a public client. */
  clientSecret?: string | null;
  /** Put the scope's claims (email…) in the ID token as well as userinfo (default false). */
  claimsInIdToken?: boolean;
}): Promise<TestProvider> {
  const clientId = options.clientId ?? 'groundswell';
  const clientSecret =
    options.clientSecret === undefined ? `secret-${crypto.randomUUID()}` : options.clientSecret;
  const accounts = new Map<string, TestAccount>();
  let current: TestAccount | undefined;
  let denyNext = false;

  const { privateKey: signingKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        ...(clientSecret === null
          ? { token_endpoint_auth_method: 'none' }
          : { client_secret: clientSecret, token_endpoint_auth_method: 'client_secret_basic' }),
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !(options.claimsInIdToken ?? false),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-provider-cookie-key'] },
    jwks: {
      keys: [{ ...(signingKey.export({ format: 'jwk' }) as JWK), kid: 'test', use: 'sig', alg: 'RS256' }],
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (account === undefined) return undefined;
      return {
        accountId: sub,
        claims: (): AccountClaims => ({ ...account }),
      };
    },
  });
  // Quieten oidc-provider's own error logging of the refusals the tests cause on purpose.
  provider.on('server_error', () => undefined);

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/') === true) {
      void (async () => {
        try {
          const details = await provider.interactionDetails(req, res);
          if (denyNext) {
            denyNext = false;
            await provider.interactionFinished(
              req,
              res,
              { error: 'access_denied', error_description: 'The person cancelled' },
              { mergeWithLastSubmission: false },
            );
            return;
          }
          if (current === undefined) throw new Error('the test named no one to sign in');
          accounts.set(current.sub, current);
          const grant = new provider.Grant({ accountId: current.sub, clientId });
          const scope = details.params.scope;
          grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
          const grantId = await grant.save();
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: current.sub }, consent: { grantId } },
            { mergeWithLastSubmission: false },
          );
        } catch (error) {
          res.statusCode = 500;
          res.end(String(error));
        }
      })();
      return;
    }
    void callback(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    person(account) {
      current = account;
    },
    async authorise(authorisationUrl, opts = {}) {
      denyNext = opts.deny ?? false;
      const jar = new Jar();
      let url = new URL(authorisationUrl);
      for (let hop = 0; hop < 10; hop++) {
        if (url.origin !== issuer) return url;
        const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
        jar.store(response);
        const location = response.headers.get('location');
        if (location === null) {
          throw new Error(
            `the provider answered ${response.status} at ${url.href}: ${await response.text()}`,
          );
        }
        await response.body?.cancel();
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
