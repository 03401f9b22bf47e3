/**
 * @module auth/oidc/discovery
 * A provider's OpenID configuration, read from its discovery document
 * (`<issuer>/.well-known/openid-configuration`) with openid-client, which checks that the
 * document names the same issuer. Checked for what the authorisation code flow with PKCE needs;
 * kept for a few minutes per provider so that each sign-in does not fetch it again.
 */
import * as client from 'openid-client';
import { DataError } from '../../errors.js';
import { allowsHttp } from './issuer.js';

/** What discovery needs of a provider. */
export interface ProviderClient {
  readonly issuer: string;
  readonly clientId: string;
  /** Null: a public client (PKCE alone, no secret). */
  readonly clientSecret: string | null;
}

/** Seconds to wait for the provider before giving up. */
const TIMEOUT_SECONDS = 10;

/**
 * The client's authentication at the token endpoint: none for a public client; else the secret,
 * by HTTP Basic where the provider takes it (the default of OpenID Connect), else in the body.
 */
function authentication(secret: string | null): client.ClientAuth {
  if (secret === null) return client.None();
  return (as, metadata, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    const post = !methods.includes('client_secret_basic') && methods.includes('client_secret_post');
    (post ? client.ClientSecretPost(secret) : client.ClientSecretBasic(secret))(as, metadata, body, headers);
  };
}

/** What the document lacks for the authorisation code flow with PKCE (S256), or null. */
export function codeFlowProblem(metadata: client.ServerMetadata): string | null {
  const missing = (['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const).filter(
    (name) => typeof metadata[name] !== 'string',
  );
  if (missing.length > 0) return `it has no ${missing.join(', ')}`;
  const types = metadata.response_types_supported;
  if (Array.isArray(types) && !types.includes('code')) {
    return 'it does not offer the authorisation code flow (response type code)';
  }
  const methods = metadata.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    return 'it does not take PKCE challenges of method S256';
  }
  return null;
}

/**
 * Reads and checks the provider's configuration.
 * @throws {DataError} `invalid_input` (field `issuer`) when the document cannot be fetched, names
 *   another issuer, or lacks what the code flow needs.
 */
export async function discover(provider: ProviderClient): Promise<client.Configuration> {
  const where = `${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let config: client.Configuration;
  try {
    config = await client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      undefined,
      authentication(provider.clientSecret),
      {
        timeout: TIMEOUT_SECONDS,
        // Plain HTTP for a loopback issuer only (development and tests): see issuer.ts.
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out; loopback only
        execute: allowsHttp(provider.issuer) ? [client.allowInsecureRequests] : [],
      },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(
      'invalid_input',
      `issuer: could not read the OpenID configuration at ${where} (${reason}). Check the issuer address.`,
      { field: 'issuer', reason: 'discovery_failed', cause: error },
    );
  }
  const problem = codeFlowProblem(config.serverMetadata());
  if (problem !== null) {
    throw new DataError(
      'invalid_input',
      `issuer: the OpenID configuration at ${where} cannot be used for sign-in: ${problem}.`,
      { field: 'issuer', reason: 'discovery_unusable' },
    );
  }
  return config;
}

/** Configurations read in the last few minutes, per provider (a bounded, per-process copy). */
export class DiscoveryCache {
  private readonly entries = new Map<string, { config: client.Configuration; at: number }>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 100,
  ) {}

  /** The provider's configuration: kept if read within the time to live, else read again. */
  async get(
    provider: ProviderClient & { readonly id: string; readonly updatedAt: Date },
  ): Promise<client.Configuration> {
    // A changed provider (issuer, client, secret) has a new updatedAt, so an old copy is never matched.
    const key = `${provider.id}@${provider.updatedAt.getTime()}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit !== undefined && now - hit.at < this.ttlMs) return hit.config;
    const config = await discover(provider);
    this.entries.delete(key);
    this.entries.set(key, { config, at: now });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return config;
  }
}
