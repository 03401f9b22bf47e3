/**
 * @module capability/repository
 * The stored facts of capability: the curriculum (levels and their courses), completions, and the
 * unit each member of staff works in. Plain functions over a drizzle `Database`; the rules of who
 * may do what are in access.ts and the services.
 */
import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import {
  courseCompletions,
  courses,
  curriculumLevels,
  memberships,
  staffUnits,
  units,
  users,
} from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { CompletionFacts, LevelFacts, StaffFacts } from './compute.js';

export type Level = typeof curriculumLevels.$inferSelect;
export type Course = typeof courses.$inferSelect;
export type Completion = typeof courseCompletions.$inferSelect;

/** A level with its courses (code order). */
export interface LevelWithCourses extends Level {
  readonly courses: readonly Course[];
}

/** A completion that counts: not self-declared, or confirmed. */
export const COUNTED: SQL = or(
  sql`${courseCompletions.source} <> 'self_declared'`,
  isNotNull(courseCompletions.confirmedBy),
)!;

/** The organisation's curriculum, levels in rank order with their courses. */
export async function readCurriculum(db: Database, organisationId: string): Promise<LevelWithCourses[]> {
  const levels = await db
    .select()
    .from(curriculumLevels)
    .where(eq(curriculumLevels.organisationId, organisationId))
    .orderBy(asc(curriculumLevels.rank));
  const list = await db
    .select()
    .from(courses)
    .where(eq(courses.organisationId, organisationId))
    .orderBy(asc(courses.code));
  return levels.map((level) => ({ ...level, courses: list.filter((c) => c.levelId === level.id) }));
}

/** The levels as the computation needs them. */
export async function levelFacts(db: Database, organisationId: string): Promise<LevelFacts[]> {
  return (await readCurriculum(db, organisationId)).map((level) => ({
    id: level.id,
    rank: level.rank,
    requiredCourseIds: level.courses.filter((c) => c.required).map((c) => c.id),
  }));
}

/** The organisation's completions that count (of `userId` alone when given). */
export async function countedCompletions(
  db: Database,
  organisationId: string,
  userId?: string,
): Promise<CompletionFacts[]> {
  return db
    .select({
      userId: courseCompletions.userId,
      courseId: courseCompletions.courseId,
      completedOn: courseCompletions.completedOn,
    })
    .from(courseCompletions)
    .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
    .where(
      and(
        eq(courses.organisationId, organisationId),
        COUNTED,
        userId === undefined ? undefined : eq(courseCompletions.userId, userId),
      ),
    );
}

/**
 * The organisation's staff for capability: its active members with a unit (the one set for
 * capability, else a unit lead's own unit), from the day they joined it.
 */
export async function staffFacts(db: Database, organisationId: string): Promise<StaffFacts[]> {
  const rows = await db
    .select({
      userId: memberships.userId,
      unitId: sql<string | null>`coalesce(${staffUnits.unitId}, ${memberships.unitId})`,
      since: sql<string>`coalesce(${staffUnits.since}, (${memberships.createdAt} at time zone 'UTC')::date)::text`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      staffUnits,
      and(
        eq(staffUnits.userId, memberships.userId),
        eq(staffUnits.organisationId, memberships.organisationId),
      ),
    )
    .where(and(eq(memberships.organisationId, organisationId), eq(users.status, 'active')));
  return rows.flatMap((r) =>
    r.unitId === null ? [] : [{ userId: r.userId, unitId: r.unitId, since: r.since }],
  );
}

/** The organisation's units (id and parent). */
export function unitFacts(
  db: Database,
  organisationId: string,
): Promise<{ id: string; parentId: string | null }[]> {
  return db
    .select({ id: units.id, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisationId));
}

/** A completion row with its course and person, as lists show it. */
export interface CompletionRow {
  readonly courseId: string;
  readonly courseCode: string;
  readonly courseTitle: string;
  readonly levelId: string;
  readonly userId: string;
  readonly userName: string;
  readonly completedOn: string;
  readonly source: Completion['source'];
  readonly confirmedAt: Date | null;
  readonly confirmedByName: string | null;
  readonly createdAt: Date;
}

/** Completions of the organisation's courses (of one person, or pending confirmation only). */
export async function listCompletionRows(
  db: Database,
  organisationId: string,
  filter: { readonly userId?: string | undefined; readonly pending?: boolean | undefined },
): Promise<CompletionRow[]> {
  const confirmer = sql`(select display_name from users c where c.id = ${courseCompletions.confirmedBy})`;
  return db
    .select({
      courseId: courses.id,
      courseCode: courses.code,
      courseTitle: courses.title,
      levelId: courses.levelId,
      userId: users.id,
      userName: users.displayName,
      completedOn: courseCompletions.completedOn,
      source: courseCompletions.source,
      confirmedAt: courseCompletions.confirmedAt,
      confirmedByName: sql<string | null>`${confirmer}`,
      createdAt: courseCompletions.createdAt,
    })
    .from(courseCompletions)
    .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
    .innerJoin(users, eq(users.id, courseCompletions.userId))
    .where(
      and(
        eq(courses.organisationId, organisationId),
        filter.userId === undefined ? undefined : eq(courseCompletions.userId, filter.userId),
        filter.pending === true
          ? and(eq(courseCompletions.source, 'self_declared'), sql`${courseCompletions.confirmedBy} is null`)
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(courses.code));
}

/** A member of the organisation, with their unit for capability. */
export interface PersonRow {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly unitId: string | null;
  readonly since: string | null;
}

/** The organisation's active members, by name, with their unit for capability. */
export function listPeople(db: Database, organisationId: string): Promise<PersonRow[]> {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      unitId: sql<string | null>`coalesce(${staffUnits.unitId}, ${memberships.unitId})`,
      since: sql<string | null>`${staffUnits.since}::text`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      staffUnits,
      and(
        eq(staffUnits.userId, memberships.userId),
        eq(staffUnits.organisationId, memberships.organisationId),
      ),
    )
    .where(and(eq(memberships.organisationId, organisationId), eq(users.status, 'active')))
    .orderBy(asc(users.displayName), asc(users.id));
}
