/**
 * @module db/schema/staff-voice
 * Staff voice and capability (issue 8): ideas from the frontline with votes, comments and triage;
 * notifications in the app; the organisation's QI curriculum and who has completed what; and
 * experience surveys whose anonymous responses become measures.
 *
 * Anonymity is by construction: an anonymous idea has no author column value at all, and survey
 * responses hold no person, only the unit and the period.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf } from './columns.js';
import { users } from './identity.js';
import { memberships } from './identity.js';
import { measures } from './measures.js';
import { organisations, units } from './organisations.js';
import { projects } from './improvement.js';
import { COMPLETION_SOURCES, IDEA_STATUSES, SURVEY_KINDS } from './vocabulary.js';

/**
 * An idea: the problem, the proposal, the unit. `author_id` null: submitted anonymously (the
 * author is not stored anywhere). `status_reason`: why it was (not) taken forward, shown to
 * everyone. `project_id`: the project it became.
 */
export const ideas = pgTable(
  'ideas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitId: uuid('unit_id'),
    problem: text('problem').notNull(),
    proposal: text('proposal').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    status: text('status', { enum: IDEA_STATUSES }).notNull().default('new'),
    statusReason: text('status_reason').notNull().default(''),
    triagedBy: uuid('triaged_by').references(() => users.id),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    projectId: uuid('project_id').references(() => projects.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ideas_organisation_idx').on(t.organisationId, t.status, t.createdAt),
    index('ideas_unit_idx').on(t.unitId),
    foreignKey({
      name: 'ideas_unit_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [units.id, units.organisationId],
    }),
    check('ideas_problem_check', sql`length(trim(${t.problem})) between 1 and 2000`),
    check('ideas_proposal_check', sql`length(trim(${t.proposal})) between 1 and 2000`),
    oneOf('ideas_status_check', t.status, IDEA_STATUSES),
    check(
      'ideas_reason_check',
      sql`${t.status} in ('new', 'under_review') or length(trim(${t.statusReason})) > 0`,
    ),
  ],
);

/** One person's vote for an idea (one each). */
export const ideaVotes = pgTable(
  'idea_votes',
  {
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'idea_votes_pkey', columns: [t.ideaId, t.userId] })],
);

/** A comment on an idea, signed by its author. */
export const ideaComments = pgTable(
  'idea_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idea_comments_idea_idx').on(t.ideaId, t.createdAt),
    check('idea_comments_text_check', sql`length(trim(${t.text})) between 1 and 2000`),
  ],
);

/**
 * Something a person should know (an idea of theirs changed status…), shown in the app until read;
 * emailed too when the organisation has a mail server (db/schema/mail.ts) and the person has not
 * turned email off. `link`: a path in the app.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    link: text('link').notNull().default('/'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    /** Sends tried and failed (a notification is given up after MAX_EMAIL_ATTEMPTS). */
    emailAttempts: smallint('email_attempts').notNull().default(0),
    /** The last failure, in the mail server's words (for administrators). */
    emailError: text('email_error'),
    /** Not to be tried before this: a server's claim while it sends (a lease), or the back-off after a failure. */
    emailRetryAt: timestamp('email_retry_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unsent_idx')
      .on(t.organisationId, t.createdAt)
      .where(sql`${t.emailedAt} is null`),
    check('notifications_email_attempts_check', sql`${t.emailAttempts} >= 0`),
    check('notifications_kind_check', sql`${t.kind} ~ '^[a-z_]+\\.[a-z_]+$'`),
    check('notifications_link_check', sql`left(${t.link}, 1) = '/' and left(${t.link}, 2) <> '//'`),
  ],
);

/**
 * A level of the organisation's QI curriculum (foundation, practitioner, advanced, coach…), in
 * order of `rank` (higher is further).
 */
export const curriculumLevels = pgTable(
  'curriculum_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    rank: smallint('rank').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [
    unique('curriculum_levels_rank_key').on(t.organisationId, t.rank),
    unique('curriculum_levels_name_key').on(t.organisationId, t.name),
    unique('curriculum_levels_id_organisation_key').on(t.id, t.organisationId),
    check('curriculum_levels_name_check', sql`length(trim(${t.name})) between 1 and 100`),
  ],
);

/** A course of a level; completing every required course of a level completes the level. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    levelId: uuid('level_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    required: boolean('required').notNull().default(true),
  },
  (t) => [
    unique('courses_code_key').on(t.organisationId, t.code),
    foreignKey({
      name: 'courses_level_fk',
      columns: [t.levelId, t.organisationId],
      foreignColumns: [curriculumLevels.id, curriculumLevels.organisationId],
    }).onDelete('cascade'),
    check('courses_title_check', sql`length(trim(${t.title})) between 1 and 300`),
    check('courses_code_check', sql`${t.code} ~ '^[A-Za-z0-9._-]{1,40}$'`),
  ],
);

/**
 * A person's completion of a course. Self-declared completions count only once a coach confirms
 * them (`confirmed_by`).
 */
export const courseCompletions = pgTable(
  'course_completions',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    source: text('source', { enum: COMPLETION_SOURCES }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'course_completions_pkey', columns: [t.courseId, t.userId] }),
    index('course_completions_user_idx').on(t.userId),
    oneOf('course_completions_source_check', t.source, COMPLETION_SOURCES),
    check('course_completions_confirmed_check', sql`(${t.confirmedBy} is null) = (${t.confirmedAt} is null)`),
  ],
);

/**
 * The unit a member of staff works in, for capability by unit (memberships hold a unit only for
 * unit leads). `since`: the day they joined it; they count in the unit's staff from then on.
 * Removed with the membership.
 */
export const staffUnits = pgTable(
  'staff_units',
  {
    userId: uuid('user_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    since: date('since', { mode: 'string' })
      .notNull()
      .default(sql`current_date`),
  },
  (t) => [
    primaryKey({ name: 'staff_units_pkey', columns: [t.userId, t.organisationId] }),
    index('staff_units_unit_idx').on(t.organisationId, t.unitId),
    foreignKey({
      name: 'staff_units_membership_fk',
      columns: [t.userId, t.organisationId],
      foreignColumns: [memberships.userId, memberships.organisationId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'staff_units_unit_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [units.id, units.organisationId],
    }),
  ],
);

/**
 * A recurring experience survey: the recommend question (staff: as a place to work or to be
 * treated; patients: Friends-and-Family style) with an optional free-text comment. Its results
 * are published as proportion measures (`measure_id`, made by the service), per unit and period.
 * `min_group`: groups with fewer responses are suppressed everywhere (never below 5).
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: SURVEY_KINDS }).notNull(),
    title: text('title').notNull(),
    question: text('question').notNull(),
    measureId: uuid('measure_id').references(() => measures.id),
    minGroup: integer('min_group').notNull().default(5),
    open: boolean('open').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('surveys_organisation_idx').on(t.organisationId),
    unique('surveys_id_organisation_key').on(t.id, t.organisationId),
    oneOf('surveys_kind_check', t.kind, SURVEY_KINDS),
    check('surveys_title_check', sql`length(trim(${t.title})) between 1 and 300`),
    check('surveys_min_group_check', sql`${t.minGroup} >= 5`),
  ],
);

/**
 * A survey's link (or QR code) for one unit: a random token stored as its SHA-256. Responses
 * through it count for that unit.
 */
export const surveyLinks = pgTable(
  'survey_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    unitId: uuid('unit_id'),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    unique('survey_links_token_hash_key').on(t.tokenHash),
    foreignKey({
      name: 'survey_links_survey_fk',
      columns: [t.surveyId, t.organisationId],
      foreignColumns: [surveys.id, surveys.organisationId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'survey_links_unit_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [units.id, units.organisationId],
    }),
  ],
);

/**
 * One anonymous response: the unit and period it counts for, the answer (recommend or not; null
 * for "don't know"), and an optional comment. No person, no time finer than the day, no address.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id'),
    period: date('period', { mode: 'string' }).notNull(),
    recommend: boolean('recommend'),
    comment: text('comment').notNull().default(''),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    index('survey_responses_group_idx').on(t.surveyId, t.unitId, t.period),
    check('survey_responses_comment_check', sql`length(${t.comment}) <= 2000`),
  ],
);
