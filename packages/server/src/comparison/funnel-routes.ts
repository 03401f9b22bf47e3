/**
 * @module comparison/funnel-routes
 * `GET /measures/:id/funnel`: a funnel plot of one shared measure across organisations.
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { funnelOf } from './funnel.js';
import { FunnelQuery, FunnelView } from './funnel-schemas.js';

/** Adds the funnel route. */
export function funnelRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/measures/:id/funnel',
    {
      schema: {
        tags: ['comparison'],
        summary: 'A funnel plot of one shared measure across organisations (spc-method.md §5)',
        description:
          "Each organisation's numerator and denominator over the latest period (`window=latest`) or the twelve " +
          'months up to it (`window=12-months`), against limits at 95% and 99.8% around the pooled value: ' +
          'arcsine-scale binomial limits for proportions, ratio-of-counts limits for rates; widened by τ² ' +
          '(additive random effects) when φ, from Winsorised z-scores, is above 1 (`overdispersion=false` ' +
          "shows the unadjusted limits). Each organisation's position in words (better or worse by the " +
          "measure's direction), the highlighted organisation (the reader's own by default), its projects in " +
          'the library on this measure, the limit curves, and the chart as SVG with its text alternative. ' +
          'Only series the reader may read enter the funnel; `among=granted` keeps the organisations that ' +
          "granted the reader's organisation access (a commissioner's providers). A measure the reader may " +
          'read nowhere is a 404; a measure of one organisation, or without a denominator, a 409.',
        params: IdParams,
        querystring: FunnelQuery,
        response: { 200: FunnelView, ...ERROR_RESPONSES },
      },
    },
    async (request) => funnelOf(db, request.principal, request.params.id, request.query),
  );
}
