/**
 * @module dashboard/conditional
 * Conditional requests and content coding, by the rules of RFC 9110: entity tags and
 * `If-None-Match`, and whether a client takes gzip. Pure.
 */
import { createHash } from 'node:crypto';

/**
 * A weak entity tag for `parts` (the response format, the request's key and the database's
 * version digest): the same on every server for the same data, so that a client moved to another
 * server behind a load balancer still gets 304s. Weak, because the body may be sent gzipped or not.
 */
export function entityTag(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return `W/"${hash.digest('base64url').slice(0, 27)}"`;
}

/** The opaque part of an entity tag (weak comparison ignores `W/`). */
function opaque(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
}

/**
 * Whether `If-None-Match` (a header value, or several) matches `etag` by weak comparison, or is
 * `*`: then the answer is 304 Not Modified.
 */
export function noneMatch(header: string | readonly string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = typeof header === 'string' ? header : header.join(',');
  if (value.trim() === '*') return true;
  const wanted = opaque(etag);
  // Entity tags are quoted and hold no comma or quote, so splitting on commas is safe.
  return value.split(',').some((tag) => tag.trim() !== '' && opaque(tag) === wanted);
}

/** Whether `Accept-Encoding` takes gzip (named, or `*`, with a quality above 0). */
export function acceptsGzip(header: string | readonly string[] | undefined): boolean {
  if (header === undefined) return false;
  const value = typeof header === 'string' ? header : header.join(',');
  let gzip: number | undefined;
  let any: number | undefined;
  for (const item of value.split(',')) {
    const [name = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    const weight = Number.isFinite(quality) ? quality : 0;
    if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}
