/**
 * @module grants/routes
 * `GET/POST /organisations/:ref/grants`, `DELETE /organisations/:ref/grants/:grantee` (what this
 * organisation lets others see) and `GET /organisations/:ref/grants/received`: administrators.
 */
import type { z } from 'zod';
import { ERROR_RESPONSES } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import type { GrantRow } from './repository.js';
import { GrantBody, GrantList, GrantParams, GrantsParams, GrantView } from './schemas.js';
import { grantAccess, grantsGiven, grantsReceived, revokeGrant } from './service.js';

const tags = ['grants'];

function presentGrant(row: GrantRow): z.infer<typeof GrantView> {
  return { organisation: row.organisation, scope: row.scope, createdAt: row.createdAt.toISOString() };
}

/** Adds the grant routes. */
export function grantRoutes(api: Api, { db, now }: RouteDeps): void {
  api.get(
    '/organisations/:ref/grants',
    {
      schema: {
        tags,
        summary: 'The organisations this one lets see its measures, and how much (administrators)',
        params: GrantsParams,
        response: { 200: GrantList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await grantsGiven(db, request.principal, request.params.ref)).map(presentGrant),
    }),
  );

  api.get(
    '/organisations/:ref/grants/received',
    {
      schema: {
        tags,
        summary: 'The organisations that let this one see their measures (administrators)',
        params: GrantsParams,
        response: { 200: GrantList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await grantsReceived(db, request.principal, request.params.ref)).map(presentGrant),
    }),
  );

  api.post(
    '/organisations/:ref/grants',
    {
      schema: {
        tags,
        summary:
          'Let another organisation (by ODS code) see published, or also internal, measures; or change how much',
        params: GrantsParams,
        body: GrantBody,
        response: { 200: GrantView, 201: GrantView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { grant, created } = await grantAccess(
        db,
        request.principal,
        request.params.ref,
        request.body,
        now(),
      );
      return reply.code(created ? 201 : 200).send(presentGrant(grant));
    },
  );

  api.delete(
    '/organisations/:ref/grants/:grantee',
    {
      schema: {
        tags,
        summary: 'Stop another organisation seeing this one’s measures beyond the public ones',
        params: GrantParams,
        response: { 200: GrantView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentGrant(await revokeGrant(db, request.principal, request.params.ref, request.params.grantee)),
  );
}
