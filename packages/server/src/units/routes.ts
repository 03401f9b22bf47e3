/**
 * @module units/routes
 * `GET /organisations/:ref/units` (the tree, public), `POST /organisations/:ref/units` (`unit.manage`).
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { findOrganisation } from '../organisations/service.js';
import { presentUnit, presentUnitNode } from './presenter.js';
import { unitTree } from './repository.js';
import { CreateUnitBody, UnitTree, UnitView } from './schemas.js';
import { addUnit } from './service.js';

const tags = ['units'];

/** Adds the unit routes. */
export function unitRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/organisations/:ref/units',
    {
      schema: {
        tags,
        summary: "An organisation's units as a tree, in name order",
        params: OrganisationRefParams,
        response: { 200: UnitTree, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const tree = await unitTree(db, organisation.id);
      return { items: tree.map(presentUnitNode) };
    },
  );

  api.post(
    '/organisations/:ref/units',
    {
      schema: {
        tags,
        summary: 'Add a unit to an organisation (its administrators)',
        params: OrganisationRefParams,
        body: CreateUnitBody,
        response: { 201: UnitView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const unit = await addUnit(db, request.principal, {
        ...request.body,
        organisationId: organisation.id,
      });
      return reply.code(201).send(presentUnit(unit));
    },
  );
}
