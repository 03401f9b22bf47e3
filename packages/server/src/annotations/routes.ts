/**
 * @module annotations/routes
 * `GET /series/:id/annotations`, `POST /series/:id/annotations`.
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams, PeriodRangeQuery } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentAnnotation } from './presenter.js';
import { annotate, readableAnnotations } from './service.js';
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
      const items = await readableAnnotations(db, request.principal, request.params.id, request.query);
      return { items: items.map(presentAnnotation) };
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
      const annotation = await annotate(db, request.principal, request.params.id, request.body);
      return reply.code(201).send(presentAnnotation(annotation));
    },
  );
}
