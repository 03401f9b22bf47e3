/**
 * @module db/schema/imports
 * Imports: one row per file (or API batch) loaded, with its outcome.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './columns.js';
import { organisations } from './organisations.js';
import { IMPORT_STATUSES } from './vocabulary.js';

/**
 * An import. `organisation_id` null: a national import spanning organisations (for example NHS
 * England's A&E statistics for every provider). `running` has no `finished_at`; `failed` has an
 * `error`. `created_by` is a user id (a foreign key once users exist).
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('running'),
    added: integer('added').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    createdBy: uuid('created_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    index('imports_organisation_started_idx').on(t.organisationId, t.startedAt),
    oneOf('imports_status_check', t.status, IMPORT_STATUSES),
    check('imports_finished_check', sql`(${t.status} = 'running') = (${t.finishedAt} is null)`),
    check('imports_error_check', sql`(${t.status} = 'failed') = (${t.error} is not null)`),
    check('imports_counts_check', sql`${t.added} >= 0 and ${t.changed} >= 0 and ${t.unchanged} >= 0`),
  ],
);
