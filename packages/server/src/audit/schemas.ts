/**
 * @module audit/schemas
 * The audit log as the API shows it.
 */
import { z } from 'zod';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { Id, pageOf, PageQuery, QueryBoolean, Timestamp } from '../http/schemas.js';

export const AuditParams = OrganisationRefParams;

export const AuditQuery = PageQuery.extend({
  actorId: Id.optional().describe('Only changes by this person'),
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/, { error: 'must be an action such as measure.create' })
    .optional(),
  entityType: z
    .string()
    .regex(/^[a-z_]+$/)
    .optional()
    .describe('Only changes to this kind of thing'),
  entityId: z.string().min(1).max(100).optional().describe('Only changes to this one thing'),
  from: Timestamp.optional().describe('From this time (inclusive)'),
  to: Timestamp.optional().describe('To this time (inclusive)'),
  facets: QueryBoolean.optional().describe(
    'Also list the actions, kinds of thing and people found in the whole log (to filter by): `true`',
  ),
});

/** What an organisation's log holds, to filter by: every action, kind of thing and person in it. */
export const AuditFacets = z.object({
  actions: z.array(z.string()).describe('Every action in the log, in order'),
  entityTypes: z.array(z.string()).describe('Every kind of thing changed, in order'),
  actors: z
    .array(z.object({ id: Id, name: z.string().describe('As they were last named in the log') }))
    .describe('Everyone who changed something (not the system), by name'),
});

export const AuditEventView = z.object({
  id: z.number().int(),
  at: Timestamp,
  actorId: Id.nullable(),
  actor: z.string().describe('Who, as they were named then'),
  via: z.enum(['session', 'token', 'cli', 'system']),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

export const AuditPage = pageOf(AuditEventView).extend({
  facets: AuditFacets.optional().describe('With `facets=true`: what the whole log holds, to filter by'),
});
