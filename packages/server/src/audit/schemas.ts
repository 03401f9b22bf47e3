/**
 * @module audit/schemas
 * The audit log as the API shows it.
 */
import { z } from 'zod';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { Id, pageOf, PageQuery, Timestamp } from '../http/schemas.js';

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

export const AuditPage = pageOf(AuditEventView);
