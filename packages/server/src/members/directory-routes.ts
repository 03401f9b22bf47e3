/**
 * @module members/directory-routes
 * `GET /organisations/:ref/people?q=`: the organisation's people directory (members/directory.ts)
 * for its own people, such as a project lead choosing someone for the team.
 */
import { z } from 'zod';
import { ERROR_RESPONSES } from '../http/errors.js';
import { Id } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { peopleOf } from './directory.js';

const tags = ['members'];

const DirectoryQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe('Part of the name (and of the email address, for those who manage members), any case'),
});

const PersonView = z
  .object({
    id: Id,
    name: z.string(),
    unit: z.object({ id: Id, name: z.string() }).nullable().describe('The unit a unit lead leads'),
    email: z.string().optional().describe('Only for those who manage the organisation’s members'),
  })
  .meta({ id: 'DirectoryPerson' });

/** Adds the people directory route. */
export function directoryRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/organisations/:ref/people',
    {
      schema: {
        tags,
        summary:
          'The organisation’s active people by name (at most 25; narrow with q), for its own people: names and units, email addresses only for those who manage members',
        params: OrganisationRefParams,
        querystring: DirectoryQuery,
        response: { 200: z.object({ items: z.array(PersonView) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: await peopleOf(db, request.principal, request.params.ref, request.query.q),
    }),
  );
}
