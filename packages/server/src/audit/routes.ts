/**
 * @module audit/routes
 * `GET /organisations/:ref/audit`: an organisation's changes, newest first (QI leads, executives
 * and administrators), filtered by person, action, kind of thing, thing and time; with
 * `facets=true`, also what the whole log holds to filter by (the log page's choices).
 */
import { requirePermission } from '../auth/require.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import { findOrganisation } from '../organisations/service.js';
import { auditFacets, listAuditEvents } from './repository.js';
import type { AuditRow } from './repository.js';
import type { AuditEventView } from './schemas.js';
import { AuditPage, AuditParams, AuditQuery } from './schemas.js';
import type { z } from 'zod';
import { DataError } from '../errors.js';

const tags = ['audit'];

function instant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new DataError('invalid_input', `${field} must be a time such as 2026-11-26T09:00:00Z`, { field });
  }
  return at;
}

function present(row: AuditRow): z.infer<typeof AuditEventView> {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actor: row.actor,
    via: row.via as 'session' | 'token' | 'cli' | 'system',
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

export function auditRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/organisations/:ref/audit',
    {
      schema: {
        tags,
        summary: 'Every change to an organisation’s data: who, when, what, before and after',
        params: AuditParams,
        querystring: AuditQuery,
        response: { 200: AuditPage, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      requirePermission(request.principal, 'audit.read', organisation.id);
      const { query } = request;
      const page = await listAuditEvents(db, {
        organisationId: organisation.id,
        limit: query.limit,
        cursor: query.cursor,
        actorId: query.actorId,
        action: query.action,
        entityType: query.entityType,
        entityId: query.entityId,
        from: instant(query.from, 'from'),
        to: instant(query.to, 'to'),
      });
      const items = page.items.map(present);
      if (query.facets !== true) return { items, nextCursor: page.nextCursor };
      return { items, nextCursor: page.nextCursor, facets: await auditFacets(db, organisation.id) };
    },
  );
}
