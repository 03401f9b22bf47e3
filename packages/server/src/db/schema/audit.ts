/**
 * @module db/schema/audit
 * The audit log: every change, who made it, when, and the state before and after. Append-only
 * (the application never updates or deletes a row).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { organisations } from './organisations.js';

/**
 * One change. `actor_id` is the person (null for the system: demo data, migrations); `actor`
 * their name or the system's as it was then. `organisation_id`: whose data changed (null for
 * platform-wide changes). `action` such as `measure.create`; `entity_type` and `entity_id` name
 * what changed; `before` and `after` its state (null when created or removed); `via`: how
 * (`session`, `token`, `cli`, `system`).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    actor: text('actor').notNull(),
    via: text('via').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_organisation_idx').on(t.organisationId, t.id),
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.id),
    check('audit_events_via_check', sql`${t.via} in ('session', 'token', 'cli', 'system')`),
    check('audit_events_action_check', sql`${t.action} ~ '^[a-z_]+\\.[a-z_]+$'`),
  ],
);
