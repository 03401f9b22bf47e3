/**
 * @module http/web
 * Serves the built web app (packages/web/dist): hashed assets cached for a year, every other GET
 * that asks for HTML answered with index.html so the browser's router can show the page. API
 * paths are never answered with the app. Without a build, `/` says how to make one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { handleNotFound } from './error-handler.js';
import type { Api } from './types.js';

/** Where `npm run build` puts the web app, relative to this file in dist/http. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const NOT_BUILT =
  '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Groundswell</title></head>' +
  '<body><h1>Groundswell</h1><p>The web app has not been built. Run <code>npm run build</code>, then restart ' +
  'the server. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>';

/** Whether a request is for a page (a GET outside the API that accepts HTML). */
function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Registers the web app from `dir` (absent or missing: the "not built" page), and the not-found
 * handler: pages fall back to index.html, anything else is the API's 404.
 */
export async function registerWeb(app: Api, dir: string | undefined): Promise<void> {
  const root = dir ?? DEFAULT_WEB_DIR;
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // The build holds Brotli and gzip copies of its text files (packages/web/vite.config.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          path.includes(join(root, 'assets')) && /-[A-Za-z0-9_-]{8}\.(js|css)(\.br|\.gz)?$/.test(path)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  const page = (_request: FastifyRequest, reply: FastifyReply): FastifyReply =>
    built
      ? reply.header('Cache-Control', 'no-cache').sendFile('index.html', root)
      : reply.type('text/html; charset=utf-8').send(NOT_BUILT);
  app.get('/', { schema: { hide: true } }, page);
  app.setNotFoundHandler((request, reply) =>
    wantsPage(request) ? page(request, reply) : handleNotFound(request, reply),
  );
}
