/**
 * @module auth/oidc/refusal
 * Why a single sign-on did not sign anyone in. The browser is on a full-page navigation, so the
 * server sends it back to the sign-in page with `?error=<code>`, where the page says what to do.
 */

/** Every reason, as the sign-in page receives it. */
export const SSO_ERRORS = [
  /** The sign-in was started more than 10 minutes ago, was already used, or never started here. */
  'sso_expired',
  /** The provider's answer could not be verified (state, nonce, signature, issuer, audience…). */
  'sso_failed',
  /** The provider could not be reached. */
  'sso_unavailable',
  /** The person cancelled, or the provider refused, at the provider. */
  'sso_denied',
  /** The provider is unknown or disabled. */
  'sso_unknown_provider',
  /** `returnTo` was not a path of this site. */
  'sso_bad_return_to',
  /** The provider gave no verified email address of one of its domains, and the person is not yet linked. */
  'sso_unverified_email',
  /** No account, membership or invitation lets this person in: ask an administrator for an invitation. */
  'sso_no_account',
  /** The account has been deactivated. */
  'sso_deactivated',
  /** Platform administrators sign in with their password, never linked to a provider automatically. */
  'sso_platform_admin',
] as const;

export type SsoErrorCode = (typeof SSO_ERRORS)[number];

/** A refusal: sends the browser to `/sign-in?error=<code>`. */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
  readonly code: SsoErrorCode;

  constructor(code: SsoErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

/** Where the browser goes after a refusal. */
export function refusalLocation(code: SsoErrorCode): string {
  return `/sign-in?error=${code}`;
}
