/**
 * @module goals/routes
 * Strategic aims (`/organisations/:ref/aims`), goals (`/organisations/:ref/goals`, `/goals/:id`)
 * and a unit's goals (`/organisations/:ref/units/:unitId/goals`). Validate → service → present.
 */
import { z } from 'zod';
import { definedOnly } from '../http/defined.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { findOrganisation } from '../organisations/service.js';
import { presentAim, presentGoal, presentGoalDetail, presentGoalNode } from './presenter.js';
import {
  AimList,
  AimParams,
  AimView,
  CreateAimBody,
  CreateGoalBody,
  GoalDetailView,
  GoalList,
  ListGoalsQuery,
  UnitGoalsParams,
  UnitGoalsView,
  UpdateAimBody,
  UpdateGoalBody,
} from './schemas.js';
import {
  addAim,
  addGoal,
  changeAim,
  changeGoal,
  goalDetail,
  listGoals,
  readableAims,
  removeAim,
  removeGoal,
  unitGoals,
} from './service.js';

const tags = ['goals'];

/** Adds the aim and goal routes. */
export function goalRoutes(api: Api, { db, now }: RouteDeps): void {
  api.get(
    '/organisations/:ref/aims',
    {
      schema: {
        tags,
        summary: "An organisation's strategic aims that the reader may see, in list order",
        params: OrganisationRefParams,
        response: { 200: AimList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const aims = await readableAims(db, request.principal, organisation.id);
      return { items: aims.map(presentAim) };
    },
  );

  api.post(
    '/organisations/:ref/aims',
    {
      schema: {
        tags,
        summary: 'Add a strategic aim (goal.manage)',
        params: OrganisationRefParams,
        body: CreateAimBody,
        response: { 201: AimView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const aim = await addAim(db, request.principal, { ...request.body, organisationId: organisation.id });
      return reply.code(201).send(presentAim(aim));
    },
  );

  api.patch(
    '/organisations/:ref/aims/:id',
    {
      schema: {
        tags,
        summary: 'Change a strategic aim (goal.manage)',
        params: AimParams,
        body: UpdateAimBody,
        response: { 200: AimView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const aim = await changeAim(
        db,
        request.principal,
        organisation.id,
        request.params.id,
        definedOnly(request.body),
      );
      return presentAim(aim);
    },
  );

  api.delete(
    '/organisations/:ref/aims/:id',
    {
      schema: {
        tags,
        summary: 'Delete a strategic aim; its goals stay, under no aim (goal.manage)',
        params: AimParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      await removeAim(db, request.principal, organisation.id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/organisations/:ref/goals',
    {
      schema: {
        tags,
        summary: "An organisation's goals with their status (derived from SPC), as a list and as the cascade",
        params: OrganisationRefParams,
        querystring: ListGoalsQuery,
        response: { 200: GoalList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const listing = await listGoals(db, request.principal, organisation.id, request.query, now());
      return {
        items: listing.items.map(presentGoal),
        tree: listing.tree.map(presentGoalNode),
        projects: Object.fromEntries(listing.projects),
      };
    },
  );

  api.post(
    '/organisations/:ref/goals',
    {
      schema: {
        tags,
        summary: "Add a goal on one of the organisation's series (goal.manage; a unit lead for their unit)",
        params: OrganisationRefParams,
        body: CreateGoalBody,
        response: { 201: GoalDetailView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const goal = await addGoal(db, request.principal, organisation.id, request.body);
      return reply.code(201).send(presentGoalDetail(await goalDetail(db, request.principal, goal.id, now())));
    },
  );

  api.get(
    '/organisations/:ref/units/:unitId/goals',
    {
      schema: {
        tags,
        summary: "A unit's goals and its sub-units', as the cascade, with the goals above that they serve",
        params: UnitGoalsParams,
        response: { 200: UnitGoalsView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const view = await unitGoals(db, request.principal, organisation.id, request.params.unitId, now());
      return { unit: view.unit, tree: view.tree.map(presentGoalNode), serves: view.serves.map(presentGoal) };
    },
  );

  api.get(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: 'One goal: its status and why, its series’ icons, its aim, parent, sub-goals and projects',
        params: IdParams,
        response: { 200: GoalDetailView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentGoalDetail(await goalDetail(db, request.principal, request.params.id, now())),
  );

  api.patch(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: "Change a goal's title, target, deadline, aim, parent, requirement or visibility",
        params: IdParams,
        body: UpdateGoalBody,
        response: { 200: GoalDetailView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const goal = await changeGoal(db, request.principal, request.params.id, definedOnly(request.body));
      return presentGoalDetail(await goalDetail(db, request.principal, goal.id, now()));
    },
  );

  api.delete(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: 'Delete a goal; the goals serving it then serve its parent',
        params: IdParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await removeGoal(db, request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
