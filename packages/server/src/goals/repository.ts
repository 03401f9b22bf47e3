/**
 * @module goals/repository
 * Strategic aims and goals in the database: framework-free reads and writes over drizzle. Reads
 * take a visibility condition (goals/access.ts) so that what a person may not read never leaves
 * the query.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import {
  goals,
  measures,
  measureSeries,
  projectGoals,
  projects,
  strategicAims,
  units,
} from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { DataType, Visibility } from '../db/schema/vocabulary.js';

export type Aim = typeof strategicAims.$inferSelect;
export type Goal = typeof goals.$inferSelect;

/** A goal with what a reader needs of its series, measure and unit. */
export interface GoalRow extends Goal {
  readonly measureId: string;
  readonly measureName: string;
  readonly unitLabel: string;
  readonly unitName: string | null;
  /** The measure's data type (a proportion's values are 0–1, written as percentages). */
  readonly dataType: DataType;
}

/** The fields of a new aim. */
export interface NewAim {
  readonly organisationId: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly position?: number | undefined;
  readonly visibility?: Visibility | undefined;
}

/** The fields of an aim that may change. */
export type AimPatch = Partial<Omit<NewAim, 'organisationId'>>;

/** An organisation's aims that pass `visible`, in list order. */
export function listAims(db: Database, organisationId: string, visible: SQL): Promise<Aim[]> {
  return db
    .select()
    .from(strategicAims)
    .where(and(eq(strategicAims.organisationId, organisationId), visible))
    .orderBy(asc(strategicAims.position), asc(strategicAims.title), asc(strategicAims.id));
}

/** One aim of an organisation, if it passes `visible`. */
export async function getAim(
  db: Database,
  organisationId: string,
  id: string,
  visible: SQL,
): Promise<Aim | undefined> {
  const [row] = await db
    .select()
    .from(strategicAims)
    .where(and(eq(strategicAims.id, id), eq(strategicAims.organisationId, organisationId), visible));
  return row;
}

/** Adds an aim. */
export async function insertAim(db: Database, input: NewAim): Promise<Aim> {
  const [row] = await db
    .insert(strategicAims)
    .values({
      organisationId: input.organisationId,
      title: input.title,
      description: input.description ?? '',
      position: input.position ?? 0,
      visibility: input.visibility ?? 'internal',
    })
    .returning();
  return row!;
}

/** Changes an aim. */
export async function updateAim(db: Database, id: string, patch: AimPatch): Promise<Aim> {
  const [row] = await db
    .update(strategicAims)
    .set({ ...patch, updatedAt: sql`greatest(now(), ${strategicAims.updatedAt} + interval '1 microsecond')` })
    .where(eq(strategicAims.id, id))
    .returning();
  return row!;
}

/** Deletes an aim; its goals stay, under no aim. Returns how many goals were unlinked. */
export async function deleteAim(db: Database, id: string): Promise<number> {
  const unlinked = await db
    .update(goals)
    .set({ aimId: null, updatedAt: sql`now()` })
    .where(eq(goals.aimId, id))
    .returning({ id: goals.id });
  await db.delete(strategicAims).where(eq(strategicAims.id, id));
  return unlinked.length;
}

/** The fields of a new goal (already checked by the service). */
export interface NewGoal {
  readonly organisationId: string;
  readonly unitId: string | null;
  readonly seriesId: string;
  readonly aimId: string | null;
  readonly parentGoalId: string | null;
  readonly requirementId: string | null;
  readonly title: string;
  readonly target: number;
  readonly deadline: string;
  readonly visibility: Visibility;
  readonly createdBy: string | null;
}

/** The fields of a goal that may change. */
export type GoalPatch = Partial<
  Pick<NewGoal, 'aimId' | 'parentGoalId' | 'requirementId' | 'title' | 'target' | 'deadline' | 'visibility'>
>;

/** Goals (with their measure and unit) that pass `where`, which may name `goals`, `measures`, `measure_series`. */
export async function readGoals(db: Database, where: SQL | undefined): Promise<GoalRow[]> {
  const rows = await db
    .select({
      goal: goals,
      measureId: measures.id,
      measureName: measures.name,
      unitLabel: measures.unitLabel,
      unitName: units.name,
      dataType: measures.dataType,
    })
    .from(goals)
    .innerJoin(measureSeries, eq(measureSeries.id, goals.seriesId))
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .leftJoin(units, eq(units.id, goals.unitId))
    .where(where)
    .orderBy(asc(goals.title), asc(goals.id));
  return rows.map((row) => ({
    ...row.goal,
    measureId: row.measureId,
    measureName: row.measureName,
    unitLabel: row.unitLabel,
    unitName: row.unitName,
    dataType: row.dataType,
  }));
}

/** One goal of any organisation, whoever asks (for checks before a change). */
export async function getGoal(db: Database, id: string): Promise<Goal | undefined> {
  const [row] = await db.select().from(goals).where(eq(goals.id, id));
  return row;
}

/** Adds a goal. */
export async function insertGoal(db: Database, input: NewGoal): Promise<Goal> {
  const [row] = await db.insert(goals).values(input).returning();
  return row!;
}

/** Changes a goal. */
export async function updateGoal(db: Database, id: string, patch: GoalPatch): Promise<Goal> {
  const [row] = await db
    .update(goals)
    .set({ ...patch, updatedAt: sql`greatest(now(), ${goals.updatedAt} + interval '1 microsecond')` })
    .where(eq(goals.id, id))
    .returning();
  return row!;
}

/**
 * Deletes a goal. The goals that served it now serve its parent (or stand at the top); its
 * links to projects go with it. Returns how many goals moved up.
 */
export async function deleteGoal(db: Database, goal: Goal): Promise<number> {
  const moved = await db
    .update(goals)
    .set({ parentGoalId: goal.parentGoalId, updatedAt: sql`now()` })
    .where(eq(goals.parentGoalId, goal.id))
    .returning({ id: goals.id });
  await db.delete(goals).where(eq(goals.id, goal.id));
  return moved.length;
}

/** The parent ids of an organisation's goals, for walking the cascade (every goal, unfiltered). */
export async function goalParents(db: Database, organisationId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: goals.id, parentGoalId: goals.parentGoalId })
    .from(goals)
    .where(eq(goals.organisationId, organisationId));
  return new Map(rows.map((row) => [row.id, row.parentGoalId]));
}

/** The projects that serve each of `goalIds` and pass `visible` (a condition on `projects`), by title. */
export async function projectsOfGoals(
  db: Database,
  goalIds: readonly string[],
  visible: SQL,
): Promise<Map<string, { id: string; title: string }[]>> {
  const out = new Map<string, { id: string; title: string }[]>();
  if (goalIds.length === 0) return out;
  const rows = await db
    .select({ goalId: projectGoals.goalId, id: projects.id, title: projects.title })
    .from(projectGoals)
    .innerJoin(projects, eq(projects.id, projectGoals.projectId))
    .where(and(inArray(projectGoals.goalId, [...goalIds]), visible))
    .orderBy(asc(projects.title), asc(projects.id));
  for (const row of rows) {
    const list = out.get(row.goalId) ?? [];
    list.push({ id: row.id, title: row.title });
    out.set(row.goalId, list);
  }
  return out;
}
