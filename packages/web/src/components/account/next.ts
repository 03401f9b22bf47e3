/**
 * @module components/account/next
 * Where to go after signing in: the `?next=` of the sign-in page, only when it is a path of this
 * site (an address elsewhere, `//host` or `/\host`, would make the sign-in page an open redirect).
 */

/** Pages that make no sense to come back to once signed in. */
const NOT_NEXT = ['/sign-in', '/setup'];

/**
 * `next` when it is a path of this site (`/organisations/RF4?unit=1`), else `/`.
 * @example safeNext('/account/tokens') === '/account/tokens'; safeNext('//evil.example') === '/'
 */
export function safeNext(next: string | null | undefined): string {
  if (next === null || next === undefined || !next.startsWith('/')) return '/';
  if (next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Control characters and whitespace that browsers strip (`/\t/evil.example`) must not sneak through.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s\\]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, 'https://groundswell.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'https://groundswell.invalid') return '/';
  if (NOT_NEXT.includes(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `path` (the page asking) afterwards. */
export function signInPath(path: string): string {
  const next = safeNext(path);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
