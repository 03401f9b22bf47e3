/**
 * @module public/sitemap
 * `sitemap.xml` (the index of organisations, each organisation's page and each published series'
 * page) and `robots.txt` (the public pages open to crawlers, the API and the signed-in app not,
 * and where the sitemap is). Pure.
 */
import { escapeXml } from '@groundswell/charts';
import { publicPaths } from './pages.js';
import type { PublicOrganisation, PublicSeriesEntry } from './repository.js';

/** The most addresses one sitemap may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** The sitemap of the public pages under `origin`. */
export function sitemapXml(
  origin: string,
  organisations: readonly PublicOrganisation[],
  series: readonly PublicSeriesEntry[],
): string {
  const urls = [
    publicPaths.index(),
    ...organisations.map((o) => publicPaths.organisation(o.odsCode)),
    ...series.map((s) => publicPaths.series(s.odsCode, s.id)),
  ].slice(0, SITEMAP_LIMIT);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((path) => `<url><loc>${escapeXml(origin + path)}</loc></url>\n`).join('') +
    '</urlset>\n'
  );
}

/** robots.txt. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /public',
    'Disallow: /api/',
    'Disallow: /public/*/embed',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
