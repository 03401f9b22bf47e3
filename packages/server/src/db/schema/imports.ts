/**
 * @module db/schema/imports
 * Imports: one row per file (or API batch) loaded, with its outcome; an uploaded file's rows,
 * kept until it is committed.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImportMapping, ImportPreview } from '../../imports/mapping-types.js';
import { literals, oneOf } from './columns.js';
import { organisations } from './organisations.js';
import { FINISHED_IMPORT_STATUSES, IMPORT_FORMATS, IMPORT_STATUSES } from './vocabulary.js';

/**
 * An import. `organisation_id` null: a national import spanning organisations (for example NHS
 * England's A&E statistics for every provider). Only `succeeded` and `failed` have a
 * `finished_at`; `failed` has an `error`. `created_by` is a user id (a foreign key once users
 * exist). A file upload also keeps its format, size, SHA-256 (to recognise the same file imported
 * again), header, row count, the mapping chosen, the last preview, and progress while it runs
 * (`rows_done` of `rows_total`).
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: IMPORT_FORMATS }),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('running'),
    added: integer('added').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    createdBy: uuid('created_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
    byteSize: bigint('byte_size', { mode: 'number' }),
    sha256: text('sha256'),
    columns: jsonb('columns').$type<string[]>(),
    rowCount: integer('row_count'),
    mapping: jsonb('mapping').$type<ImportMapping>(),
    preview: jsonb('preview').$type<ImportPreview>(),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsTotal: integer('rows_total'),
  },
  (t) => [
    index('imports_organisation_started_idx').on(t.organisationId, t.startedAt),
    index('imports_sha256_idx').on(t.organisationId, t.sha256),
    oneOf('imports_status_check', t.status, IMPORT_STATUSES),
    check(
      'imports_finished_check',
      sql`(${t.status} in (${literals(FINISHED_IMPORT_STATUSES)})) = (${t.finishedAt} is not null)`,
    ),
    check('imports_error_check', sql`(${t.status} = 'failed') = (${t.error} is not null)`),
    check('imports_counts_check', sql`${t.added} >= 0 and ${t.changed} >= 0 and ${t.unchanged} >= 0`),
    check('imports_format_check', sql`${t.format} is null or ${t.format} in (${literals(IMPORT_FORMATS)})`),
    check('imports_progress_check', sql`${t.rowsDone} >= 0`),
  ],
);

/**
 * An uploaded file's rows, as lines of JSON (header first) in chunks of about a megabyte, in
 * `seq` order (text, not bytes: JSON escapes every control character, so no NUL can occur). Kept from upload until the import is committed or deleted, so that any server behind a
 * load balancer can preview or commit it.
 */
export const importFileChunks = pgTable(
  'import_file_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    lines: text('lines').notNull(),
  },
  (t) => [primaryKey({ name: 'import_file_chunks_pkey', columns: [t.importId, t.seq] })],
);
