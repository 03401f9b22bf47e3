/**
 * @module projects/repository
 * Projects as stored: creating and changing a project row, and reading what its story is made
 * of (team, measures, goals). Framework-free; callers check access first.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { visibleTo } from '../auth/visibility.js';
import { asDataError } from '../db/constraints.js';
import {
  goals,
  measures,
  measureSeries,
  projectGoals,
  projectMeasures,
  projectMembers,
  projects,
  users,
} from '../db/schema.js';
import type { ProjectMeasureKind, ProjectRole, ProjectStage, Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { seriesVisibleTo } from '../series/access.js';
import type { Project } from './access.js';

/** A project's editable fields. */
export interface ProjectFields {
  readonly title?: string | undefined;
  readonly problem?: string | undefined;
  readonly unitId?: string | null | undefined;
  readonly stage?: ProjectStage | undefined;
  readonly aimWhat?: string | undefined;
  readonly aimHowMuch?: string | undefined;
  readonly aimByWhen?: string | null | undefined;
  readonly lessons?: string | undefined;
  readonly topics?: readonly string[] | undefined;
  readonly visibility?: Visibility | undefined;
}

/** A new project of an organisation. */
export interface NewProject extends ProjectFields {
  readonly organisationId: string;
  readonly title: string;
  readonly createdBy: string | null;
  readonly copiedFromId?: string | null | undefined;
}

const CONSTRAINTS = {
  projects_unit_fk: {
    code: 'not_found',
    field: 'unitId',
    message: 'the unit does not exist in this organisation',
  },
  projects_title_check: {
    code: 'invalid_input',
    field: 'title',
    message: 'title must be 1 to 300 characters',
  },
  projects_published_check: {
    code: 'conflict',
    field: 'stage',
    message:
      'a published project must stay finished (sustaining, complete or stopped) with its lessons written: unpublish it first',
  },
} as const;

/** Topics without repeats, in the order given. */
function distinctTopics(topics: readonly string[] | undefined): string[] | undefined {
  return topics === undefined ? undefined : [...new Set(topics.map((t) => t.trim().toLowerCase()))];
}

function columns(fields: ProjectFields): Partial<typeof projects.$inferInsert> {
  const values: Partial<typeof projects.$inferInsert> = {};
  if (fields.title !== undefined) values.title = fields.title.trim();
  if (fields.problem !== undefined) values.problem = fields.problem;
  if (fields.unitId !== undefined) values.unitId = fields.unitId;
  if (fields.stage !== undefined) values.stage = fields.stage;
  if (fields.aimWhat !== undefined) values.aimWhat = fields.aimWhat;
  if (fields.aimHowMuch !== undefined) values.aimHowMuch = fields.aimHowMuch;
  if (fields.aimByWhen !== undefined) values.aimByWhen = fields.aimByWhen;
  if (fields.lessons !== undefined) values.lessons = fields.lessons;
  const topics = distinctTopics(fields.topics);
  if (topics !== undefined) values.topics = topics;
  if (fields.visibility !== undefined) values.visibility = fields.visibility;
  return values;
}

/**
 * Inserts a project.
 * @throws {DataError} `not_found` (unit), `invalid_input` (title).
 */
export async function insertProject(db: Database, input: NewProject): Promise<Project> {
  try {
    const [row] = await db
      .insert(projects)
      .values({
        ...columns(input),
        title: input.title.trim(),
        organisationId: input.organisationId,
        createdBy: input.createdBy,
        copiedFromId: input.copiedFromId ?? null,
      })
      .returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/**
 * Changes a project's fields (and `updated_at`), or publishes/unpublishes it.
 * @throws {DataError} `not_found` (unit), `conflict` (a published project must stay finished).
 */
export async function updateProject(
  db: Database,
  id: string,
  fields: ProjectFields & { readonly publishedAt?: Date | null },
): Promise<Project> {
  try {
    const [row] = await db
      .update(projects)
      .set({
        ...columns(fields),
        ...(fields.publishedAt === undefined ? {} : { publishedAt: fields.publishedAt }),
        updatedAt: sql`greatest(now(), ${projects.updatedAt} + interval '1 microsecond')`,
      })
      .where(eq(projects.id, id))
      .returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/**
 * Locks the project's row until the transaction ends, so that changes to its driver diagram
 * (positions in a column) or team (its last lead) are made one after another.
 */
export async function lockProject(db: Database, id: string): Promise<void> {
  await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).for('update');
}

/** Moves a project's `updated_at` on (its team, measures, diagram or cycles changed). */
export async function touchProject(db: Database, id: string): Promise<void> {
  await db
    .update(projects)
    .set({ updatedAt: sql`greatest(now(), ${projects.updatedAt} + interval '1 microsecond')` })
    .where(eq(projects.id, id));
}

/** A member of a project's team. */
export interface TeamMember {
  readonly userId: string;
  readonly displayName: string;
  readonly role: ProjectRole;
}

const ROLE_ORDER = sql`array_position(array['lead','sponsor','coach','member']::text[], ${projectMembers.role})`;

/** A project's team: leads, sponsors, coaches, members, each by name. */
export async function listTeam(db: Database, projectId: string): Promise<TeamMember[]> {
  return db
    .select({ userId: projectMembers.userId, displayName: users.displayName, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(ROLE_ORDER, asc(users.displayName), asc(projectMembers.userId));
}

/** A measure a project watches, with its series' measure. */
export interface ProjectMeasureRow {
  readonly seriesId: string;
  readonly kind: ProjectMeasureKind;
  readonly position: number;
  readonly unitId: string | null;
  readonly measureId: string;
  readonly code: string;
  readonly name: string;
  readonly ownerOrganisationId: string | null;
}

/** A project's measures in order; `visible` keeps out the series the reader may not read. */
export async function listProjectMeasures(
  db: Database,
  projectId: string,
  visible?: SQL,
): Promise<ProjectMeasureRow[]> {
  return db
    .select({
      seriesId: projectMeasures.seriesId,
      kind: projectMeasures.kind,
      position: projectMeasures.position,
      unitId: measureSeries.unitId,
      measureId: measures.id,
      code: measures.code,
      name: measures.name,
      ownerOrganisationId: measures.ownerOrganisationId,
    })
    .from(projectMeasures)
    .innerJoin(measureSeries, eq(measureSeries.id, projectMeasures.seriesId))
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .where(and(eq(projectMeasures.projectId, projectId), visible))
    .orderBy(asc(projectMeasures.position), asc(projectMeasures.seriesId));
}

/** A project's measures whose series `principal` may read. */
export function listReadableProjectMeasures(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<ProjectMeasureRow[]> {
  return listProjectMeasures(db, projectId, seriesVisibleTo(principal));
}

/** A goal a project serves. */
export interface ProjectGoalRow {
  readonly id: string;
  readonly title: string;
  readonly target: number;
  readonly deadline: string;
}

/** The goals a project serves that `principal` may read, by deadline. */
export async function listProjectGoals(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<ProjectGoalRow[]> {
  return db
    .select({ id: goals.id, title: goals.title, target: goals.target, deadline: goals.deadline })
    .from(projectGoals)
    .innerJoin(goals, eq(goals.id, projectGoals.goalId))
    .where(
      and(
        eq(projectGoals.projectId, projectId),
        visibleTo(principal, goals.visibility, goals.organisationId),
      ),
    )
    .orderBy(asc(goals.deadline), asc(goals.title), asc(goals.id));
}
