/**
 * @module db/schema/improvement
 * Goals and quality-improvement projects (issue 7): an organisation's strategic aims and their
 * measurable goals, cascaded to units; commissioners' outcome requirements of providers; and
 * projects run with the Model for Improvement (aim, team, measures, driver diagram, PDSA cycles),
 * which may be published to a library every organisation can search.
 *
 * A goal's status is never stored: it is derived from the SPC analysis of its series on read.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { finite, oneOf } from './columns.js';
import { users } from './identity.js';
import { measures, measureSeries } from './measures.js';
import { organisations, units } from './organisations.js';
import {
  DRIVER_KINDS,
  PDSA_DECISIONS,
  PROJECT_MEASURE_KINDS,
  PROJECT_ROLES,
  PROJECT_STAGES,
  VISIBILITIES,
} from './vocabulary.js';

/** PostgreSQL's full-text document type. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const trimmed = (column: unknown, max: number): ReturnType<typeof sql> =>
  sql`length(trim(${column})) between 1 and ${sql.raw(String(max))}`;

/** A strategic aim ("become the safest organisation in the NHS"): a heading for goals. */
export const strategicAims = pgTable(
  'strategic_aims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('internal'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('strategic_aims_organisation_idx').on(t.organisationId),
    unique('strategic_aims_id_organisation_key').on(t.id, t.organisationId),
    check('strategic_aims_title_check', trimmed(t.title, 300)),
    oneOf('strategic_aims_visibility_check', t.visibility, VISIBILITIES),
  ],
);

/**
 * A commissioner's outcome requirement of a provider: a measure (shared definitions make the two
 * comparable), a target and a date. The provider links its goals and projects to it; the
 * commissioner sees progress only on what the provider publishes to it.
 */
export const outcomeRequirements = pgTable(
  'outcome_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commissionerId: uuid('commissioner_id')
      .notNull()
      .references(() => organisations.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => organisations.id),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    target: doublePrecision('target').notNull(),
    dueBy: date('due_by', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outcome_requirements_provider_idx').on(t.providerId),
    index('outcome_requirements_commissioner_idx').on(t.commissionerId),
    check('outcome_requirements_not_self_check', sql`${t.commissionerId} <> ${t.providerId}`),
    check('outcome_requirements_title_check', trimmed(t.title, 300)),
    finite('outcome_requirements_target_check', t.target),
  ],
);

/**
 * A measurable goal: a series (a measure recorded for the organisation or one of its units), a
 * target and a deadline. `parent_goal_id`: the organisation's goal this unit goal serves (the
 * cascade); `aim_id`: the strategic aim it belongs to; `requirement_id`: a commissioner's
 * requirement it answers. Its status (on track, at risk, off track) is derived on read.
 */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitId: uuid('unit_id'),
    aimId: uuid('aim_id'),
    parentGoalId: uuid('parent_goal_id'),
    requirementId: uuid('requirement_id').references(() => outcomeRequirements.id),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => measureSeries.id),
    title: text('title').notNull(),
    target: doublePrecision('target').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('internal'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('goals_organisation_idx').on(t.organisationId),
    index('goals_series_idx').on(t.seriesId),
    index('goals_parent_idx').on(t.parentGoalId),
    unique('goals_id_organisation_key').on(t.id, t.organisationId),
    foreignKey({
      name: 'goals_unit_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [units.id, units.organisationId],
    }),
    foreignKey({
      name: 'goals_aim_fk',
      columns: [t.aimId, t.organisationId],
      foreignColumns: [strategicAims.id, strategicAims.organisationId],
    }),
    // A goal cascades within its organisation only.
    foreignKey({
      name: 'goals_parent_fk',
      columns: [t.parentGoalId, t.organisationId],
      foreignColumns: [t.id, t.organisationId],
    }),
    check('goals_not_own_parent_check', sql`${t.parentGoalId} is null or ${t.parentGoalId} <> ${t.id}`),
    check('goals_title_check', trimmed(t.title, 300)),
    finite('goals_target_check', t.target),
    oneOf('goals_visibility_check', t.visibility, VISIBILITIES),
  ],
);

/**
 * A quality-improvement project. The aim statement in three parts (what, how much, by when).
 * `published_at`: when it was published to the library shared by every organisation (only a
 * finished project: complete, sustaining or stopped, with its lessons); `copied_from_id`: the
 * library project it was started from. `search`: its words for full-text search (title, aim, problem and lessons; topics are
 * matched as they are).
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitId: uuid('unit_id'),
    title: text('title').notNull(),
    problem: text('problem').notNull().default(''),
    stage: text('stage', { enum: PROJECT_STAGES }).notNull().default('idea'),
    aimWhat: text('aim_what').notNull().default(''),
    aimHowMuch: text('aim_how_much').notNull().default(''),
    aimByWhen: date('aim_by_when', { mode: 'string' }),
    lessons: text('lessons').notNull().default(''),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('internal'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    copiedFromId: uuid('copied_from_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      (): ReturnType<typeof sql> =>
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(aim_what, '') || ' ' || coalesce(aim_how_much, '')), 'B') || setweight(to_tsvector('english', coalesce(problem, '') || ' ' || coalesce(lessons, '')), 'C')`,
    ),
  },
  (t) => [
    index('projects_organisation_idx').on(t.organisationId, t.stage),
    index('projects_search_idx').using('gin', t.search),
    index('projects_published_idx').on(t.publishedAt),
    unique('projects_id_organisation_key').on(t.id, t.organisationId),
    foreignKey({
      name: 'projects_unit_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [units.id, units.organisationId],
    }),
    foreignKey({ name: 'projects_copied_from_fk', columns: [t.copiedFromId], foreignColumns: [t.id] }),
    check('projects_title_check', trimmed(t.title, 300)),
    oneOf('projects_stage_check', t.stage, PROJECT_STAGES),
    oneOf('projects_visibility_check', t.visibility, VISIBILITIES),
    check(
      'projects_published_check',
      sql`${t.publishedAt} is null or (${t.stage} in ('sustaining', 'complete', 'stopped') and length(trim(${t.lessons})) > 0)`,
    ),
    check('projects_topics_check', sql`array_position(${t.topics}, null) is null`),
  ],
);

/** A person in a project's team, with their part. */
export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: PROJECT_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'project_members_pkey', columns: [t.projectId, t.userId] }),
    index('project_members_user_idx').on(t.userId),
    oneOf('project_members_role_check', t.role, PROJECT_ROLES),
  ],
);

/** A series a project watches, as its outcome, a process or a balancing measure. */
export const projectMeasures = pgTable(
  'project_measures',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => measureSeries.id),
    kind: text('kind', { enum: PROJECT_MEASURE_KINDS }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'project_measures_pkey', columns: [t.projectId, t.seriesId] }),
    index('project_measures_series_idx').on(t.seriesId),
    oneOf('project_measures_kind_check', t.kind, PROJECT_MEASURE_KINDS),
  ],
);

/** The goals a project serves. */
export const projectGoals = pgTable(
  'project_goals',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'project_goals_pkey', columns: [t.projectId, t.goalId] }),
    index('project_goals_goal_idx').on(t.goalId),
  ],
);

/** The commissioners' requirements a project answers. */
export const projectRequirements = pgTable(
  'project_requirements',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => outcomeRequirements.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'project_requirements_pkey', columns: [t.projectId, t.requirementId] }),
    index('project_requirements_requirement_idx').on(t.requirementId),
  ],
);

/**
 * A box of a project's driver diagram: a primary driver, a secondary driver or a change idea
 * (the aim is the project's). `position`: its order in its column.
 */
export const driverNodes = pgTable(
  'driver_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DRIVER_KINDS }).notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('driver_nodes_project_idx').on(t.projectId, t.kind, t.position),
    unique('driver_nodes_id_project_key').on(t.id, t.projectId),
    check('driver_nodes_text_check', trimmed(t.text, 500)),
    oneOf('driver_nodes_kind_check', t.kind, DRIVER_KINDS),
  ],
);

/**
 * A line of a driver diagram: from a primary driver to a secondary driver, or from a secondary
 * driver to a change idea (the service checks the kinds), within one project. A box may have
 * several lines in and out.
 */
export const driverLinks = pgTable(
  'driver_links',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromId: uuid('from_id').notNull(),
    toId: uuid('to_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'driver_links_pkey', columns: [t.fromId, t.toId] }),
    index('driver_links_to_idx').on(t.toId),
    foreignKey({
      name: 'driver_links_from_fk',
      columns: [t.fromId, t.projectId],
      foreignColumns: [driverNodes.id, driverNodes.projectId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'driver_links_to_fk',
      columns: [t.toId, t.projectId],
      foreignColumns: [driverNodes.id, driverNodes.projectId],
    }).onDelete('cascade'),
    check('driver_links_not_self_check', sql`${t.fromId} <> ${t.toId}`),
  ],
);

/**
 * A Plan–Do–Study–Act cycle testing one change idea: the plan with its prediction, what was done,
 * what the data showed against the prediction, and the decision. Shown on the project's charts
 * at the period of `started_on` (or `planned_start`).
 */
export const pdsaCycles = pgTable(
  'pdsa_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    changeIdeaId: uuid('change_idea_id').notNull(),
    title: text('title').notNull(),
    plan: text('plan').notNull().default(''),
    prediction: text('prediction').notNull().default(''),
    plannedStart: date('planned_start', { mode: 'string' }),
    doNotes: text('do_notes').notNull().default(''),
    startedOn: date('started_on', { mode: 'string' }),
    study: text('study').notNull().default(''),
    act: text('act').notNull().default(''),
    decision: text('decision', { enum: PDSA_DECISIONS }),
    endedOn: date('ended_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pdsa_cycles_project_idx').on(t.projectId, t.startedOn),
    foreignKey({
      name: 'pdsa_cycles_change_idea_fk',
      columns: [t.changeIdeaId, t.projectId],
      foreignColumns: [driverNodes.id, driverNodes.projectId],
    }),
    check('pdsa_cycles_title_check', trimmed(t.title, 300)),
    oneOf('pdsa_cycles_decision_check', t.decision, PDSA_DECISIONS),
    check(
      'pdsa_cycles_dates_check',
      sql`${t.endedOn} is null or ${t.startedOn} is null or ${t.endedOn} >= ${t.startedOn}`,
    ),
  ],
);
