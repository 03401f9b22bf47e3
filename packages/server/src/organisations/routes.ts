/**
 * @module organisations/routes
 * `GET /organisations`, `GET /organisations/:ref` (public), `POST /organisations` (platform
 * administrators).
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentOrganisation } from './presenter.js';
import { listOrganisations } from './repository.js';
import {
  CreateOrganisationBody,
  ListOrganisationsQuery,
  OrganisationPage,
  OrganisationRefParams,
  OrganisationView,
} from './schemas.js';
import { addOrganisation, findOrganisation } from './service.js';

const tags = ['organisations'];

/** Adds the organisation routes. */
export function organisationRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Organisations in name order, a page at a time',
        querystring: ListOrganisationsQuery,
        response: { 200: OrganisationPage, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listOrganisations(db, request.query);
      return { items: page.items.map(presentOrganisation), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/organisations/:ref',
    {
      schema: {
        tags,
        summary: 'One organisation, by id or ODS code',
        params: OrganisationRefParams,
        response: { 200: OrganisationView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentOrganisation(await findOrganisation(db, request.params.ref)),
  );

  api.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Create an organisation (platform administrators)',
        body: CreateOrganisationBody,
        response: { 201: OrganisationView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await addOrganisation(db, request.principal, request.body);
      return reply.code(201).send(presentOrganisation(organisation));
    },
  );
}
