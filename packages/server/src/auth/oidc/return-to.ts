/**
 * @module auth/oidc/return-to
 * Where a sign-in returns to: a path of this site only, never another site (an open redirect
 * would let a link that starts at Groundswell end at a look-alike page).
 */

const BASE = 'http://groundswell.invalid';

/**
 * `value` when it is a path of this site (`/organisations/RX1?tab=2`), else null: not `//host`
 * or `/\host` (which browsers read as another site), no scheme, no control characters, at most
 * 2,000 characters.
 */
export function safeReturnTo(value: string): string | null {
  if (value.length === 0 || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  return url.origin === BASE ? value : null;
}
