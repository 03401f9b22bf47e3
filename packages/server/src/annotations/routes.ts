/**
 * @module annotations/routes
 * `GET /series/:id/annotations`, `POST /series/:id/annotations`.
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams, PeriodRangeQuery } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { requireSeries } from '../series/service.js';
import { presentAnnotation } from './presenter.js';
import { addAnnotation, listAnnotations } from './repository.js';
import { AddAnnotationBody, AnnotationList, AnnotationView } from './schemas.js';

const tags = ['annotations'];

/** Adds the annotation routes. */
export function annotationRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/series/:id/annotations',
    {
      schema: {
        tags,
        summary: "A series' annotations in period order",
        params: IdParams,
        querystring: PeriodRangeQuery,
        response: { 200: AnnotationList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const series = await requireSeries(db, request.params.id);
      return { items: (await listAnnotations(db, series.id, request.query)).map(presentAnnotation) };
    },
  );

  api.post(
    '/series/:id/annotations',
    {
      schema: {
        tags,
        summary: 'Annotate a point of a series',
        params: IdParams,
        body: AddAnnotationBody,
        response: { 201: AnnotationView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const series = await requireSeries(db, request.params.id);
      const annotation = await addAnnotation(db, { ...request.body, seriesId: series.id });
      return reply.code(201).send(presentAnnotation(annotation));
    },
  );
}
