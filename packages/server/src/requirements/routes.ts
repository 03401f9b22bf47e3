/**
 * @module requirements/routes
 * Commissioners' outcome requirements: set, changed and deleted by the commissioner
 * (`/organisations/:ref/requirements`), received by the provider
 * (`/organisations/:ref/requirements/received`), progress (`/requirements/:id/progress`) and the
 * provider's projects linked to them (`/requirements/:id/projects/:projectId`, and from the
 * project's side `/projects/:id/requirements`).
 */
import { z } from 'zod';
import { definedOnly } from '../http/defined.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { findOrganisation } from '../organisations/service.js';
import { presentProgress, presentRequirement } from './presenter.js';
import {
  CreateRequirementBody,
  RequirementList,
  RequirementParams,
  RequirementProgressView,
  RequirementProjectParams,
  RequirementView,
  UpdateRequirementBody,
} from './schemas.js';
import {
  changeRequirement,
  removeRequirement,
  requirementProgress,
  requirementsOfProject,
  requirementsSetBy,
  requirementsSetFor,
  setProjectLink,
  setRequirement,
} from './service.js';

const tags = ['requirements'];

/** Adds the requirement routes. */
export function requirementRoutes(api: Api, { db, now }: RouteDeps): void {
  api.get(
    '/organisations/:ref/requirements',
    {
      schema: {
        tags,
        summary: 'The outcome requirements this commissioner set, that the reader may see',
        params: OrganisationRefParams,
        response: { 200: RequirementList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const items = await requirementsSetBy(db, request.principal, organisation.id);
      return { items: items.map(presentRequirement) };
    },
  );

  api.get(
    '/organisations/:ref/requirements/received',
    {
      schema: {
        tags,
        summary: 'The outcome requirements commissioners set for this provider, that the reader may see',
        params: OrganisationRefParams,
        response: { 200: RequirementList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const items = await requirementsSetFor(db, request.principal, organisation.id);
      return { items: items.map(presentRequirement) };
    },
  );

  api.post(
    '/organisations/:ref/requirements',
    {
      schema: {
        tags,
        summary:
          'Set an outcome requirement for a provider that granted this commissioner access (requirement.manage)',
        params: OrganisationRefParams,
        body: CreateRequirementBody,
        response: { 201: RequirementView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const requirement = await setRequirement(db, request.principal, organisation, request.body);
      return reply.code(201).send(presentRequirement(requirement));
    },
  );

  api.patch(
    '/organisations/:ref/requirements/:id',
    {
      schema: {
        tags,
        summary: "Change a requirement's title, description, target or date (requirement.manage)",
        params: RequirementParams,
        body: UpdateRequirementBody,
        response: { 200: RequirementView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const requirement = await changeRequirement(
        db,
        request.principal,
        organisation.id,
        request.params.id,
        definedOnly(request.body),
      );
      return presentRequirement(requirement);
    },
  );

  api.delete(
    '/organisations/:ref/requirements/:id',
    {
      schema: {
        tags,
        summary: "Delete a requirement; the provider's goals stay (requirement.manage)",
        params: RequirementParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      await removeRequirement(db, request.principal, organisation.id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/requirements/:id/progress',
    {
      schema: {
        tags,
        summary:
          "Progress on a requirement: the provider's published measure and the goals and projects the reader may see",
        params: IdParams,
        response: { 200: RequirementProgressView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentProgress(await requirementProgress(db, request.principal, request.params.id, now())),
  );

  api.put(
    '/requirements/:id/projects/:projectId',
    {
      schema: {
        tags,
        summary:
          "Link one of the provider's projects to a requirement set for it (the provider's goal.manage)",
        params: RequirementProjectParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await setProjectLink(db, request.principal, request.params.id, request.params.projectId, true);
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/requirements/:id/projects/:projectId',
    {
      schema: {
        tags,
        summary: 'Unlink a project from a requirement (the provider’s goal.manage)',
        params: RequirementProjectParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await setProjectLink(db, request.principal, request.params.id, request.params.projectId, false);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/projects/:id/requirements',
    {
      schema: {
        tags,
        summary: "The commissioners' requirements a project answers (those the reader may read)",
        params: IdParams,
        response: { 200: RequirementList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await requirementsOfProject(db, request.principal, request.params.id)).map(presentRequirement),
    }),
  );
}
