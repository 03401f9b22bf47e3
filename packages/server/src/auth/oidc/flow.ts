/**
 * @module auth/oidc/flow
 * The authorisation code flow with PKCE, as the relying party (openid-client): the address that
 * sends the browser to the provider, and the exchange of the code it brings back for a verified
 * ID token (signature, issuer, audience, expiry, nonce; state and `iss` of the response).
 */
import * as client from 'openid-client';
import type { ProviderClaims } from './accounts.js';
import { SignInRefused } from './refusal.js';

/** The path of the callback, under the server's public URL (register it with each provider). */
export const CALLBACK_PATH = '/api/v1/auth/sso/callback';

/** The callback address for a server whose public origin is `publicUrl`. */
export function callbackUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/$/, '')}${CALLBACK_PATH}`;
}

/** A new sign-in's secrets: state and nonce random, and a PKCE verifier (S256). */
export interface FlowSecrets {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export function newFlowSecrets(): FlowSecrets {
  return {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
}

/** Where the browser goes to sign in at the provider. */
export async function authorisationUrl(
  config: client.Configuration,
  secrets: FlowSecrets,
  redirectUri: string,
): Promise<URL> {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: 'S256',
    state: secrets.state,
    nonce: secrets.nonce,
  });
}

/** Whether openid-client failed to reach the provider, rather than refused what it answered. */
function unreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current.name === 'TimeoutError' || current.name === 'AbortError') return true;
    if (current instanceof TypeError && /fetch failed/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * Exchanges the code in `returned` (the callback address with its query) for tokens, verifying
 * the response and the ID token; returns the person's claims, from the ID token and, when it holds
 * no email address, the userinfo endpoint.
 * @throws {SignInRefused} `sso_failed` for anything that does not verify, `sso_unavailable` when
 *   the provider cannot be reached.
 */
export async function finish(
  config: client.Configuration,
  returned: URL,
  secrets: FlowSecrets,
): Promise<ProviderClaims> {
  try {
    const tokens = await client.authorizationCodeGrant(config, returned, {
      pkceCodeVerifier: secrets.codeVerifier,
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (claims === undefined) throw new Error('the provider returned no ID token');
    if (typeof claims.email === 'string' || config.serverMetadata().userinfo_endpoint === undefined) {
      return claims;
    }
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    return { ...info, ...claims, email: info.email, email_verified: info.email_verified };
  } catch (error) {
    if (unreachable(error)) {
      throw new SignInRefused('sso_unavailable', 'The identity provider could not be reached.', error);
    }
    throw new SignInRefused('sso_failed', 'The identity provider’s answer could not be verified.', error);
  }
}
