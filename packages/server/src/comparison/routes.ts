/**
 * @module comparison/routes
 * `GET /measures/:id/comparison`: one measure across every organisation that records it.
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { ComparisonQuery, ComparisonView } from './schemas.js';
import { ComparisonService } from './service.js';
import type { ComparisonCacheLimits } from './service.js';

/** Adds the comparison route, with a card cache of the given size (per app: tests get their own). */
export function comparisonRoutesWith(limits: ComparisonCacheLimits): (api: Api, deps: RouteDeps) => void {
  return (api, { db }) => {
    const service = new ComparisonService(db, limits);
    api.get(
      '/measures/:id/comparison',
      {
        schema: {
          tags: ['comparison'],
          summary: 'One measure across the organisations that record it, in name order (never ranked)',
          description:
            "Each organisation's series of the measure at one level: the organisation as a whole (default), or " +
            'its units of one name (`unit`, for example an A&E department type; `levels` lists them with how many ' +
            'organisations record each). Each with the same card as on its dashboard: latest point, target, Making ' +
            "Data Count icons and a sparkline, from the series' own analysis against its own past. Organisations " +
            'are in name order, a page at a time; `total` says how many series the level has and `matching` how ' +
            'many match `search`. Only organisations whose series of the measure the reader may read are listed or ' +
            'counted; a measure the reader may read nowhere is a 404. Not a league table: to compare organisations with each other, use a funnel plot.',
          params: IdParams,
          querystring: ComparisonQuery,
          response: { 200: ComparisonView, ...ERROR_RESPONSES },
        },
      },
      async (request) => service.compare(request.principal, request.params.id, request.query),
    );
  };
}

/** The comparison route with the default cache size. */
export const comparisonRoutes = comparisonRoutesWith({});
