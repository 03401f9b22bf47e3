/**
 * @module projects/pdsa-routes
 * PDSA cycles: a project's cycles in time order (`GET /projects/:id/cycles`), recording one for a
 * change idea (`POST /projects/:id/change-ideas/:nodeId/cycles`), changing and deleting one
 * (`/projects/:id/cycles/:cycleId`).
 */
import { z } from 'zod';
import { definedOnly } from '../http/defined.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { addCycle, changeCycle, deleteCycle, numberedCycle, readableCycles } from './pdsa.js';
import { presentCycle } from './presenter.js';
import { AddCycleBody, CycleList, CycleParams, CycleView, NodeParams, UpdateCycleBody } from './schemas.js';

const tags = ['projects'];

/** Adds the PDSA cycle routes. */
export function pdsaRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/projects/:id/cycles',
    {
      schema: {
        tags,
        summary: "A project's PDSA cycles in time order (by start, or planned start), numbered",
        params: IdParams,
        response: { 200: CycleList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await readableCycles(db, request.principal, request.params.id)).map(presentCycle),
    }),
  );

  api.post(
    '/projects/:id/change-ideas/:nodeId/cycles',
    {
      schema: {
        tags,
        summary:
          'Record a PDSA cycle testing a change idea (a decision needs the study; ended on or after started)',
        params: NodeParams,
        body: AddCycleBody,
        response: { 201: CycleView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { id, nodeId } = request.params;
      const cycle = await addCycle(db, request.principal, id, nodeId, definedOnly(request.body));
      return reply.code(201).send(presentCycle(await numberedCycle(db, cycle.projectId, cycle.id)));
    },
  );

  api.patch(
    '/projects/:id/cycles/:cycleId',
    {
      schema: {
        tags,
        summary: 'Change a PDSA cycle: do, study, act, the decision and dates as the cycle goes on',
        params: CycleParams,
        body: UpdateCycleBody,
        response: { 200: CycleView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, cycleId } = request.params;
      const cycle = await changeCycle(db, request.principal, id, cycleId, definedOnly(request.body));
      return presentCycle(await numberedCycle(db, cycle.projectId, cycle.id));
    },
  );

  api.delete(
    '/projects/:id/cycles/:cycleId',
    {
      schema: {
        tags,
        summary: 'Delete a PDSA cycle',
        params: CycleParams,
        response: { 204: z.null().describe('Deleted'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await deleteCycle(db, request.principal, request.params.id, request.params.cycleId);
      return reply.code(204).send(null);
    },
  );
}
