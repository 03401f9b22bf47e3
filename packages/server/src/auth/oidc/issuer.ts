/**
 * @module auth/oidc/issuer
 * Which issuer addresses a provider may have: HTTPS, or plain HTTP on this machine's loopback
 * only (a provider run for development or tests). openid-client refuses plain HTTP unless told;
 * it is told for loopback issuers alone, so tokens and secrets never cross a network unencrypted.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `url` is on this machine's loopback interface. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
}

/** Why `issuer` cannot be a provider's issuer, or null when it can. */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be a URL such as https://login.microsoftonline.com/<tenant>/v2.0';
  }
  if (url.search !== '' || url.hash !== '') return 'must have no query or fragment';
  if (url.username !== '' || url.password !== '') return 'must not hold a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return isLoopback(url) ? null : 'must use https:// (plain http:// only for 127.0.0.1 and localhost)';
  }
  return 'must be an https:// URL';
}

/** Whether requests to this issuer may use plain HTTP (loopback only). */
export function allowsHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && isLoopback(url);
}
