/**
 * @module imports/routes
 * `GET /imports/:id` (a load's job status) and `GET /organisations/:ref/imports` (newest first).
 */
import { DataError } from '../errors.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { findOrganisation } from '../organisations/service.js';
import { presentImport } from './presenter.js';
import { getImport, listImports } from './repository.js';
import { ImportList, ImportView, ListImportsQuery } from './schemas.js';

const tags = ['imports'];

/** Adds the import routes. */
export function importRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: "An import's status and what it added, changed and left alone",
        params: IdParams,
        response: { 200: ImportView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const row = await getImport(db, request.params.id);
      if (row === undefined) throw new DataError('not_found', 'no import has this id', { field: 'id' });
      return presentImport(row);
    },
  );

  api.get(
    '/organisations/:ref/imports',
    {
      schema: {
        tags,
        summary: "An organisation's imports, newest first",
        params: OrganisationRefParams,
        querystring: ListImportsQuery,
        response: { 200: ImportList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const rows = await listImports(db, organisation.id, request.query.limit);
      return { items: rows.map(presentImport) };
    },
  );
}
