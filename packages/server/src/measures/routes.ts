/**
 * @module measures/routes
 * Measure definitions (`/measures`, `/measures/:id`) and their target timelines
 * (`/measures/:id/targets`).
 */
import { definedOnly } from '../http/defined.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentMeasure, presentTarget } from './presenter.js';
import { changeMeasure, changeTarget, defineMeasure, readableTargets } from './changes.js';
import {
  CreateMeasureBody,
  ListMeasuresQuery,
  MeasurePage,
  MeasureView,
  SetTargetBody,
  TargetList,
  TargetsQuery,
  TargetView,
  UpdateMeasureBody,
} from './schemas.js';
import { listReadableMeasures, requireReadableMeasure } from './service.js';

const tags = ['measures'];

/** Adds the measure routes. */
export function measureRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/measures',
    {
      schema: {
        tags,
        summary: 'Measures in name order, filtered, a page at a time',
        querystring: ListMeasuresQuery,
        response: { 200: MeasurePage, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listReadableMeasures(db, request.principal, request.query);
      return { items: page.items.map(presentMeasure), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/measures/:id',
    {
      schema: {
        tags,
        summary: 'One measure definition',
        params: IdParams,
        response: { 200: MeasureView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentMeasure(await requireReadableMeasure(db, request.principal, request.params.id)),
  );

  api.post(
    '/measures',
    {
      schema: {
        tags,
        summary: "Define a measure (an organisation's own, or shared)",
        body: CreateMeasureBody,
        response: { 201: MeasureView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentMeasure(await defineMeasure(db, request.principal, request.body))),
  );

  api.patch(
    '/measures/:id',
    {
      schema: {
        tags,
        summary: "Change a measure's definition, chart type or SPC options",
        params: IdParams,
        body: UpdateMeasureBody,
        response: { 200: MeasureView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentMeasure(
        await changeMeasure(db, request.principal, request.params.id, definedOnly(request.body)),
      ),
  );

  api.get(
    '/measures/:id/targets',
    {
      schema: {
        tags,
        summary: "The target timeline that applies (an organisation's own, else the definition's)",
        params: IdParams,
        querystring: TargetsQuery,
        response: { 200: TargetList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params;
      const targets = await readableTargets(db, request.principal, id, request.query.organisationId);
      return { items: targets.map(presentTarget) };
    },
  );

  api.put(
    '/measures/:id/targets',
    {
      schema: {
        tags,
        summary: 'Set the target from a date on (replacing one set for that date)',
        params: IdParams,
        body: SetTargetBody,
        response: { 200: TargetView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const target = { ...request.body, measureId: request.params.id };
      return presentTarget(await changeTarget(db, request.principal, target));
    },
  );
}
