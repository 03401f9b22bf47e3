/**
 * @module public/routes
 * The public pages, outside the API and without sign-in: server-rendered HTML that needs no
 * JavaScript, for people and search engines.
 *
 * - `GET /public`: the organisations with public pages
 * - `GET /public/:org`: an organisation's page (`:org` its ODS code)
 * - `GET /public/:org/series/:id`: a published series' page
 * - `GET /public/:org/series/:id/chart.svg`: its chart, a stable address to embed as an image
 * - `GET /public/:org/series/:id/embed`: its chart and headline, for an `<iframe>`
 * - `GET /public/:org/series/:id/data.csv|data.json|data.fhir.json`: open data with the licence
 * - `GET /sitemap.xml`, `GET /robots.txt`, and the pages' stylesheet
 *
 * Everything is read as the public (signed-out) reads it, whoever asks. Unknown organisations and
 * series, series of another organisation and series not published all get the same 404 page.
 * Responses carry an entity tag from the data's versions (a 304 when unchanged), `Cache-Control:
 * public`, and are gzipped for clients that take it. Charts and data may be used by other sites:
 * `Cross-Origin-Resource-Policy: cross-origin` and `Access-Control-Allow-Origin: *`; the embed page
 * may be framed by any site.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptsGzip, noneMatch } from '../dashboard/conditional.js';
import { CSP_DIRECTIVES } from '../http/security-headers.js';
import type { Api, RouteDeps } from '../http/types.js';
import { chartSvg } from './chart.js';
import { LICENCES } from './licences.js';
import { openDataCsv, openDataFhir, openDataJson } from './open-data.js';
import { embedPage, indexPage, notFoundPage, organisationPage, publicPaths, seriesPage } from './pages.js';
import { listPublicOrganisations, listPublicSeries } from './repository.js';
import { PublicPages } from './service.js';
import type { PublicCheck, RenderedBody } from './service.js';
import type { SeriesPageContent } from './content.js';
import { robotsTxt, sitemapXml } from './sitemap.js';
import { PUBLIC_CSS, PUBLIC_CSS_PATH } from './style.js';
import { exportFileName } from '@groundswell/charts';

/** How long browsers and shared caches keep a page before asking again (then a 304 if unchanged). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300';

const HTML = 'text/html; charset=utf-8';

/**
 * The origin the public pages' links and canonical addresses are made from: the configured one
 * (`GROUNDSWELL_PUBLIC_URL`) when set, so that a request's Host header (or a TLS proxy's plain-HTTP
 * hop) cannot put another site's address into pages that shared caches keep; else the scheme and
 * host the request was made to (a malformed host: localhost).
 */
export function originOf(request: FastifyRequest, configured?: string): string {
  if (configured !== undefined) return configured;
  const host = request.host;
  const safe = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${request.protocol}://${safe}`;
}

/** The Content-Security-Policy of the embed page: the app's, but any site may frame it. */
function embedPolicy(): string {
  const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return Object.entries({ ...CSP_DIRECTIVES, frameAncestors: ['*'] })
    .map(([name, values]) =>
      values === null ? kebab(name) : `${kebab(name)} ${(values as readonly string[]).join(' ')}`,
    )
    .join('; ');
}

const NOT_FOUND = Buffer.from(notFoundPage());

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type(HTML).header('cache-control', 'no-cache').send(NOT_FOUND);
}

/** Lets other sites use the response (an `<img>`, a download, `fetch`). */
function shareable(reply: FastifyReply): FastifyReply {
  return reply
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('access-control-allow-origin', '*');
}

/** Sends a rendered body: a 304 when the client has it, gzipped when it takes gzip. */
function send(
  request: FastifyRequest,
  reply: FastifyReply,
  rendered: RenderedBody,
  type: string,
): FastifyReply {
  reply
    .header('etag', rendered.etag)
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    .header('vary', 'accept-encoding');
  if (noneMatch(request.headers['if-none-match'], rendered.etag)) return reply.code(304).send();
  reply.type(type);
  if (acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(rendered.gzip);
  }
  return reply.send(rendered.body);
}

/** `shareable` as a file's fixed headers. */
const share = (reply: FastifyReply): void => {
  shareable(reply);
};

interface OrgParams {
  readonly org: string;
}
interface SeriesParams extends OrgParams {
  readonly id: string;
}

type Content = SeriesPageContent;

/** What a file of a series is. */
interface SeriesFile {
  readonly suffix: string;
  readonly type: string;
  /** The body, from the content, the site's origin and the time. */
  readonly make: (content: Content, origin: string, now: Date) => string;
  /** Headers that depend on the content (kept with the cached body). */
  readonly headers?: (content: Content) => Record<string, string>;
  /** Headers of every response of this kind. */
  readonly fixed?: (reply: FastifyReply) => void;
}

/** A download's headers: its file name and licence. */
const download =
  (extension: string) =>
  (content: Content): Record<string, string> => {
    const name = exportFileName(
      {
        odsCode: content.organisation.odsCode,
        measureCode: content.analysis.measure.code,
        unitName: content.unitName,
        lastPeriod: content.points.at(-1)?.period ?? null,
        frequency: content.analysis.measure.frequency,
      },
      extension,
    );
    return {
      'content-disposition': `attachment; filename="${name}"`,
      link: `<${LICENCES[content.profile.licence].url}>; rel="license"`,
    };
  };

const pageUrl = (content: Content, origin: string): string =>
  origin + publicPaths.series(content.organisation.odsCode, content.analysis.series.id);

const SERIES_FILES: readonly SeriesFile[] = [
  { suffix: '', type: HTML, make: (content, origin) => seriesPage(content, origin) },
  {
    suffix: '/chart.svg',
    type: 'image/svg+xml; charset=utf-8',
    make: (content) => chartSvg(content),
    fixed: share,
  },
  {
    suffix: '/embed',
    type: HTML,
    make: (content, origin) => embedPage(content, origin),
    fixed: (reply) => {
      reply.header('content-security-policy', embedPolicy()).removeHeader('x-frame-options');
    },
  },
  {
    suffix: '/data.csv',
    type: 'text/csv; charset=utf-8',
    make: (content) => openDataCsv(content),
    headers: download('csv'),
    fixed: share,
  },
  {
    suffix: '/data.json',
    type: 'application/json; charset=utf-8',
    make: (content, origin, now) => JSON.stringify(openDataJson(content, pageUrl(content, origin), now)),
    headers: download('json'),
    fixed: share,
  },
  {
    suffix: '/data.fhir.json',
    type: 'application/fhir+json; charset=utf-8',
    make: (content, _origin, now) => JSON.stringify(openDataFhir(content, now)),
    headers: download('fhir.json'),
    fixed: share,
  },
];

/** Adds the public pages to the app (outside the API's prefix and its sign-in). */
export function publicPageRoutes(app: Api, { db, now, publicOrigin }: RouteDeps): void {
  const pages = new PublicPages(db, now);
  const origin = (request: FastifyRequest): string => originOf(request, publicOrigin);
  const hide = { schema: { hide: true } };

  app.get(PUBLIC_CSS_PATH, hide, (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(PUBLIC_CSS),
  );

  app.get('/robots.txt', hide, (request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .send(robotsTxt(origin(request))),
  );

  app.get('/sitemap.xml', hide, async (request, reply) => {
    const organisations = await listPublicOrganisations(db);
    const series = await listPublicSeries(db);
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .send(sitemapXml(origin(request), organisations, series));
  });

  app.get('/public', hide, async (request, reply) => {
    const list = await listPublicOrganisations(db);
    return reply
      .type(HTML)
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .send(indexPage(list, origin(request)));
  });

  app.get('/public/:org', hide, async (request, reply) => {
    const { org } = request.params as OrgParams;
    const check = await pages.check(org);
    if (check === undefined) return notFound(reply);
    const from = origin(request);
    const rendered = await pages.render(check, `page ${from}`, async () => ({
      body: organisationPage(await pages.organisationContent(check), from),
    }));
    return send(request, reply, rendered, HTML);
  });

  for (const file of SERIES_FILES) {
    app.get(`/public/:org/series/:id${file.suffix}`, hide, async (request, reply) => {
      const { org, id } = request.params as SeriesParams;
      const check = await pages.check(org);
      if (check === undefined) return notFound(reply);
      const from = origin(request);
      const key = `series ${id.toLowerCase()}${file.suffix} ${from}`;
      return seriesResponse(pages, check, key, id, file, from, request, reply);
    });
  }
}

async function seriesResponse(
  pages: PublicPages,
  check: PublicCheck,
  key: string,
  id: string,
  file: SeriesFile,
  origin: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  // A cached body was made from content found public at the current version; otherwise the
  // content is read first, so that nothing (a 304 either) answers for a series not found.
  let rendered = pages.cached(check, key);
  if (rendered === undefined) {
    const content = await pages.seriesContent(check, id);
    if (content === undefined) return notFound(reply);
    rendered = await pages.render(check, key, () =>
      Promise.resolve({ body: file.make(content, origin, pages.now()), headers: file.headers?.(content) }),
    );
  }
  file.fixed?.(reply);
  for (const [name, value] of Object.entries(rendered.headers)) reply.header(name, value);
  return send(request, reply, rendered, file.type);
}
