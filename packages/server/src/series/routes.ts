/**
 * @module series/routes
 * `GET /series`, `POST /series` (find or create), `GET /series/:id`, `PATCH /series/:id` (its own
 * SPC options).
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentSeries } from './presenter.js';
import { requireReadableSeries } from './access.js';
import { EnsureSeriesBody, ListSeriesQuery, SeriesList, SeriesView, UpdateSeriesBody } from './schemas.js';
import { findOrCreateSeries, listReadableSeries, updateSeries } from './service.js';

const tags = ['series'];

/** Adds the series routes. */
export function seriesRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/series',
    {
      schema: {
        tags,
        summary: 'The series of an organisation, a measure or a unit, oldest first, a page at a time',
        querystring: ListSeriesQuery,
        response: { 200: SeriesList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listReadableSeries(db, request.principal, request.query);
      return { items: page.items.map(presentSeries), nextCursor: page.nextCursor };
    },
  );

  api.post(
    '/series',
    {
      schema: {
        tags,
        summary: 'The series of a measure recorded by an organisation (or one of its units), created if new',
        body: EnsureSeriesBody,
        response: { 200: SeriesView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentSeries(await findOrCreateSeries(db, request.principal, request.body)),
  );

  api.get(
    '/series/:id',
    {
      schema: {
        tags,
        summary: 'One series',
        params: IdParams,
        response: { 200: SeriesView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentSeries(await requireReadableSeries(db, request.principal, request.params.id)),
  );

  api.patch(
    '/series/:id',
    {
      schema: {
        tags,
        summary:
          "Change a series' own SPC options (rebase, baseline, preset, direction for this series alone, merged over the measure's)",
        params: IdParams,
        body: UpdateSeriesBody,
        response: { 200: SeriesView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentSeries(await updateSeries(db, request.principal, request.params.id, request.body)),
  );
}
