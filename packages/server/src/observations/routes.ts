/**
 * @module observations/routes
 * `GET /series/:id/observations`, `POST /series/:id/observations` (a batch upsert),
 * `PATCH /series/:id/observations/:period` (ghost a point or bring it back).
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentObservation } from './presenter.js';
import {
  ListObservationsQuery,
  MergeCountsView,
  ObservationList,
  ObservationParams,
  ObservationView,
  SetGhostBody,
  WriteObservationsBody,
} from './schemas.js';
import { seriesObservations, setObservationGhost, writeSeriesObservations } from './service.js';

const tags = ['observations'];

/** Adds the observation routes. */
export function observationRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/series/:id/observations',
    {
      schema: {
        tags,
        summary: "A series' points in period order, a page at a time",
        params: IdParams,
        querystring: ListObservationsQuery,
        response: { 200: ObservationList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await seriesObservations(db, request.principal, request.params.id, request.query);
      return { items: page.items.map(presentObservation), nextCursor: page.nextCursor };
    },
  );

  api.post(
    '/series/:id/observations',
    {
      schema: {
        tags,
        summary:
          'Write points (all or nothing): new ones added, changed ones revised, identical ones left alone',
        params: IdParams,
        body: WriteObservationsBody,
        response: { 200: MergeCountsView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { rows, importId, userId } = request.body;
      return writeSeriesObservations(db, request.principal, request.params.id, rows, { importId, userId });
    },
  );

  api.patch(
    '/series/:id/observations/:period',
    {
      schema: {
        tags,
        summary:
          'Ghost a point (left out of every calculation, still drawn) or bring it back; its numbers are kept and the change is kept as a revision',
        params: ObservationParams,
        body: SetGhostBody,
        response: { 200: ObservationView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, period } = request.params;
      const { ghost, userId } = request.body;
      const point = await setObservationGhost(db, request.principal, id, period, ghost, userId);
      return presentObservation(point);
    },
  );
}
