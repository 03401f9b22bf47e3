/**
 * @module components/sign-in/sso
 * Single sign-on as the sign-in page uses it: which identity provider signs in an address, the
 * full-page navigation to the provider (through the server's start address), and what each
 * refusal the server sends back (`/sign-in?error=<code>`) means in words.
 */
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';

export type LookupResult =
  paths['/api/v1/auth/sso/lookup']['post']['responses'][200]['content']['application/json'];
export type FoundProvider = NonNullable<LookupResult['provider']>;

/** The provider that signs in `email`'s domain, or null (sign in with a password). */
export async function lookUpProvider(email: string): Promise<FoundProvider | null> {
  return (await data(api.POST('/api/v1/auth/sso/lookup', { body: { email } }))).provider;
}

/** The server's address that starts a sign-in through `providerId` and comes back to `next`. */
export function startAddress(providerId: string, next: string): string {
  const query = next === '/' ? '' : `?returnTo=${encodeURIComponent(next)}`;
  return `/api/v1/auth/sso/${encodeURIComponent(providerId)}/start${query}`;
}

/** Leaving the app for another page: a full-page navigation (replaced in tests, where jsdom cannot navigate). */
export const browser = {
  go(address: string): void {
    window.location.assign(address);
  },
};

const MESSAGES: Readonly<Record<string, string>> = {
  sso_expired: 'Signing in took too long, or was started in another window. Try again.',
  sso_failed:
    'Groundswell could not check the answer from your organisation’s sign-in service. Try again; if it keeps happening, tell an administrator of your organisation.',
  sso_unavailable:
    'Your organisation’s sign-in service could not be reached. Try again later, or sign in with your email address and password if you have one.',
  sso_denied: 'Signing in was cancelled at your organisation’s sign-in service.',
  sso_unknown_provider:
    'Signing in through this organisation’s service is no longer available. Ask an administrator of your organisation.',
  sso_bad_return_to: 'The sign-in address was not valid. Try again from this page.',
  sso_unverified_email:
    'Your organisation’s sign-in service did not confirm your work email address, so Groundswell cannot tell who you are. Ask an administrator of your organisation.',
  sso_no_account:
    'You do not have a Groundswell account in this organisation yet. Ask an administrator of your organisation for an invitation.',
  sso_deactivated:
    'Your Groundswell account has been deactivated. Ask an administrator of your organisation.',
  sso_platform_admin: 'Platform administrators sign in with their email address and password.',
};

/** What `?error=` says, in words; null when there is none. */
export function ssoErrorMessage(code: string | null): string | null {
  if (code === null || code === '') return null;
  return MESSAGES[code] ?? 'Signing in through your organisation did not work. Try again.';
}
