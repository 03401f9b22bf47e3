/**
 * @module db/schema/reporting
 * Transparent reporting (issue 9): board reports (integrated performance reports) as saved
 * definitions re-run each month, the owners' commentary per measure and period, each issued
 * report kept exactly as issued; and an organisation's public page settings.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { measureSeries } from './measures.js';
import { organisations } from './organisations.js';
import { OPEN_DATA_LICENCES } from './vocabulary.js';

/** Raw bytes (a PDF). */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A board report's definition: which series it shows, in order (report_items); the report groups
 * them by their measures' domain. Re-run for any month; issuing one keeps it as issued.
 */
export const reportDefinitions = pgTable(
  'report_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_definitions_organisation_idx').on(t.organisationId),
    check('report_definitions_title_check', sql`length(trim(${t.title})) between 1 and 300`),
  ],
);

/** A series in a report, in the report's order. */
export const reportItems = pgTable(
  'report_items',
  {
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => reportDefinitions.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => measureSeries.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ name: 'report_items_pkey', columns: [t.definitionId, t.seriesId] }),
    unique('report_items_position_key').on(t.definitionId, t.position),
    index('report_items_series_idx').on(t.seriesId),
  ],
);

/**
 * The owner's commentary on a series for one reporting period (the month a report is run for):
 * written once, shown in every report of that period that includes the series.
 */
export const seriesCommentaries = pgTable(
  'series_commentaries',
  {
    seriesId: uuid('series_id')
      .notNull()
      .references(() => measureSeries.id),
    period: date('period', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'series_commentaries_pkey', columns: [t.seriesId, t.period] }),
    check('series_commentaries_text_check', sql`length(trim(${t.text})) between 1 and 8000`),
  ],
);

/**
 * A report as issued for a period: its content (every section's analysis, icons, words and
 * commentary as they were) and its PDF, never changed afterwards. Issuing again for the same
 * period makes a new version.
 */
export const issuedReports = pgTable(
  'issued_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => reportDefinitions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    period: date('period', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    title: text('title').notNull(),
    content: jsonb('content').notNull(),
    pdf: bytea('pdf').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('issued_reports_version_key').on(t.definitionId, t.period, t.version),
    index('issued_reports_organisation_idx').on(t.organisationId, t.issuedAt),
    check('issued_reports_version_check', sql`${t.version} >= 1`),
    check('issued_reports_content_check', sql`jsonb_typeof(${t.content}) = 'object'`),
  ],
);

/**
 * An organisation's public page: a few words to introduce it, and the licence its published
 * series are offered under as open data.
 */
export const publicProfiles = pgTable(
  'public_profiles',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    introduction: text('introduction').notNull().default(''),
    licence: text('licence', { enum: OPEN_DATA_LICENCES }).notNull().default('OGL-UK-3.0'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The licences' names hold capitals, dots and hyphens: listed as quoted constants.
    check(
      'public_profiles_licence_check',
      sql`${t.licence} in (${sql.raw(OPEN_DATA_LICENCES.map((licence) => `'${licence}'`).join(', '))})`,
    ),
    check('public_profiles_introduction_check', sql`length(${t.introduction}) <= 4000`),
  ],
);
