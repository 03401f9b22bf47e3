/**
 * @module dashboard/routes
 * `GET /organisations/:ref/dashboard`: every series an organisation records, analysed, with
 * sparklines and the variation × assurance summary matrix. Sends an entity tag and answers
 * `If-None-Match` with 304; the body is sent gzipped to clients that take it.
 */
import { z } from 'zod';
import { ERROR_RESPONSES } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { acceptsGzip, noneMatch } from './conditional.js';
import { DashboardQuery, DashboardView } from './schemas.js';
import { DashboardService } from './service.js';
import type { DashboardCacheLimits } from './service.js';

/** Adds the dashboard route, with caches of the given size (per app: tests get their own). */
export function dashboardRoutesWith(limits: DashboardCacheLimits): (api: Api, deps: RouteDeps) => void {
  return (api, { db }) => {
    const service = new DashboardService(db, limits);
    api.get(
      '/organisations/:ref/dashboard',
      {
        schema: {
          tags: ['dashboard'],
          summary: "An organisation's dashboard: every series it records, analysed, and the summary matrix",
          description:
            'Only the series the reader may read (the public: public measures; staff: also internal ones; other ' +
            'roles: also private ones). Each series with its measure, unit, latest point, target, Making Data Count icons, warnings and a ' +
            'compact sparkline of its latest points (arrays, one entry per point), and the matrix of variation × ' +
            'assurance icons. The response has an `ETag` (the same on every server for the same data): send it ' +
            'back as `If-None-Match` and an unchanged dashboard is a 304 with no body. `Cache-Control: private, ' +
            'no-cache`: keep it, but ask again each time. Gzipped when the client accepts gzip.',
          params: OrganisationRefParams,
          querystring: DashboardQuery,
          response: {
            200: DashboardView,
            304: z.void().describe('Not modified: the dashboard is the one whose entity tag was sent'),
            ...ERROR_RESPONSES,
          },
        },
      },
      async (request, reply) => {
        const { ref } = request.params;
        const check = await service.check(request.principal, ref, request.query);
        reply.header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
        if (noneMatch(request.headers['if-none-match'], check.etag)) {
          return reply.code(304).header('etag', check.etag).send();
        }
        const body = await service.body(request.principal, ref, request.query, check);
        reply.header('etag', body.etag).type('application/json; charset=utf-8');
        // Already serialised (checked against DashboardView by the tests): sent as bytes.
        if (acceptsGzip(request.headers['accept-encoding'])) {
          return reply.header('content-encoding', 'gzip').send(body.gzip as unknown as DashboardView);
        }
        return reply.send(body.json as unknown as DashboardView);
      },
    );
  };
}

/** The dashboard route with the default cache sizes. */
export const dashboardRoutes = dashboardRoutesWith({});
