/**
 * @module capability/curriculum
 * The organisation's QI curriculum: levels (name, rank, description) and their courses (code,
 * title, required). Its people read it; QI leads and administrators (`capability.manage`) define
 * it. Every change is audited and capability by unit republished in the same transaction (a
 * course made required changes who holds a level). A level or course that has completion records
 * cannot be removed (make the course optional instead), so no one's training is lost by accident.
 */
import { count, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { AuditInput } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { asDataError } from '../db/constraints.js';
import { courseCompletions, courses, curriculumLevels } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { findOrganisation } from '../organisations/service.js';
import { requireUuid } from '../validation.js';
import { requireCapabilityReader } from './access.js';
import { republish } from './publish.js';
import { readCurriculum } from './repository.js';
import type { Course, Level, LevelWithCourses } from './repository.js';

const CONSTRAINTS = {
  curriculum_levels_rank_key: { code: 'conflict', field: 'rank', message: 'another level has this rank' },
  curriculum_levels_name_key: { code: 'conflict', field: 'name', message: 'another level has this name' },
  curriculum_levels_name_check: {
    code: 'invalid_input',
    field: 'name',
    message: 'the name must have 1 to 100 characters',
  },
  courses_code_key: { code: 'conflict', field: 'code', message: 'another course has this code' },
  courses_code_check: {
    code: 'invalid_input',
    field: 'code',
    message: 'the code must be 1 to 40 letters, digits, dots, hyphens or underscores',
  },
  courses_title_check: {
    code: 'invalid_input',
    field: 'title',
    message: 'the title must have 1 to 300 characters',
  },
} as const;

/** A level's fields. */
export interface LevelInput {
  readonly name: string;
  readonly rank: number;
  readonly description?: string | undefined;
}

/** A course's fields. */
export interface CourseInput {
  readonly code: string;
  readonly title: string;
  readonly required?: boolean | undefined;
}

/**
 * The organisation's curriculum, levels in rank order, for its people.
 * @throws {DataError} `not_found` (organisation), `unauthenticated`, `forbidden`.
 */
export async function getCurriculum(
  db: Database,
  principal: Principal,
  organisationRef: string,
): Promise<{ organisationId: string; levels: LevelWithCourses[] }> {
  const organisation = await findOrganisation(db, organisationRef);
  requireCapabilityReader(principal, organisation.id);
  return { organisationId: organisation.id, levels: await readCurriculum(db, organisation.id) };
}

async function writing<T>(
  db: Database,
  principal: Principal,
  organisationId: string,
  change: (tx: Database) => Promise<T>,
  describe: (result: T) => AuditInput,
): Promise<T> {
  try {
    return await audited(
      db,
      principal,
      async (tx) => {
        const result = await change(tx);
        await republish(tx, principal, organisationId);
        return result;
      },
      describe,
    );
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/**
 * Adds a level to the organisation's curriculum.
 * @throws {DataError} `not_found`, `invalid_input`, `conflict` (rank or name taken), 401, 403.
 */
export async function createLevel(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: LevelInput,
): Promise<Level> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'capability.manage', organisation.id);
  return writing(
    db,
    principal,
    organisation.id,
    async (tx) => {
      const [row] = await tx
        .insert(curriculumLevels)
        .values({
          organisationId: organisation.id,
          name: input.name,
          rank: input.rank,
          description: input.description ?? '',
        })
        .returning();
      return row!;
    },
    (level) => ({
      action: 'curriculum_level.create',
      entityType: 'curriculum_level',
      entityId: level.id,
      organisationId: organisation.id,
      summary: `Added the level ${level.name} to the QI curriculum`,
      after: { name: level.name, rank: level.rank, description: level.description },
    }),
  );
}

async function levelOf(db: Database, principal: Principal, id: string, field = 'id'): Promise<Level> {
  const [level] = await db
    .select()
    .from(curriculumLevels)
    .where(eq(curriculumLevels.id, requireUuid(field, id)));
  const hidden = (): DataError => new DataError('not_found', 'no curriculum level has this id', { field });
  if (level === undefined) throw hidden();
  try {
    requireCapabilityReader(principal, level.organisationId);
  } catch {
    throw hidden();
  }
  return level;
}

async function courseOf(db: Database, principal: Principal, id: string, field = 'id'): Promise<Course> {
  const [course] = await db
    .select()
    .from(courses)
    .where(eq(courses.id, requireUuid(field, id)));
  const hidden = (): DataError => new DataError('not_found', 'no course has this id', { field });
  if (course === undefined) throw hidden();
  try {
    requireCapabilityReader(principal, course.organisationId);
  } catch {
    throw hidden();
  }
  return course;
}

/** The course with this id when `principal` may read it (hidden: the same 404 as unknown). */
export const requireReadableCourse = courseOf;

/**
 * Changes a level's name, rank or description.
 * @throws {DataError} `not_found` (also when hidden), `invalid_input`, `conflict`, 401, 403.
 */
export async function updateLevel(
  db: Database,
  principal: Principal,
  id: string,
  patch: { readonly [K in keyof LevelInput]?: LevelInput[K] | undefined },
): Promise<Level> {
  const before = await levelOf(db, principal, id);
  requirePermission(principal, 'capability.manage', before.organisationId);
  return writing(
    db,
    principal,
    before.organisationId,
    async (tx) => {
      const [row] = await tx
        .update(curriculumLevels)
        .set({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.rank === undefined ? {} : { rank: patch.rank }),
          ...(patch.description === undefined ? {} : { description: patch.description }),
        })
        .where(eq(curriculumLevels.id, before.id))
        .returning();
      return row!;
    },
    (level) => ({
      action: 'curriculum_level.update',
      entityType: 'curriculum_level',
      entityId: level.id,
      organisationId: level.organisationId,
      summary: `Changed the level ${level.name} of the QI curriculum`,
      before: { name: before.name, rank: before.rank, description: before.description },
      after: { name: level.name, rank: level.rank, description: level.description },
    }),
  );
}

async function completionsOf(db: Database, condition: SQL): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(courseCompletions)
    .innerJoin(courses, eq(courses.id, courseCompletions.courseId))
    .where(condition);
  return row?.n ?? 0;
}

/**
 * Removes a level and its courses, unless someone has completed one of them.
 * @throws {DataError} `not_found` (also when hidden), `conflict` (completions), 401, 403.
 */
export async function deleteLevel(db: Database, principal: Principal, id: string): Promise<void> {
  const level = await levelOf(db, principal, id);
  requirePermission(principal, 'capability.manage', level.organisationId);
  const n = await completionsOf(db, eq(courses.levelId, level.id));
  if (n > 0) {
    throw new DataError(
      'conflict',
      `${n} completion records belong to this level's courses: it cannot be removed.`,
      {
        field: 'id',
        reason: 'has_completions',
      },
    );
  }
  await writing(
    db,
    principal,
    level.organisationId,
    (tx) => tx.delete(curriculumLevels).where(eq(curriculumLevels.id, level.id)),
    () => ({
      action: 'curriculum_level.delete',
      entityType: 'curriculum_level',
      entityId: level.id,
      organisationId: level.organisationId,
      summary: `Removed the level ${level.name} from the QI curriculum`,
      before: { name: level.name, rank: level.rank, description: level.description },
    }),
  );
}

/**
 * Adds a course to a level.
 * @throws {DataError} `not_found` (the level, also when hidden), `invalid_input`, `conflict` (code), 401, 403.
 */
export async function createCourse(
  db: Database,
  principal: Principal,
  levelId: string,
  input: CourseInput,
): Promise<Course> {
  const level = await levelOf(db, principal, levelId);
  requirePermission(principal, 'capability.manage', level.organisationId);
  return writing(
    db,
    principal,
    level.organisationId,
    async (tx) => {
      const [row] = await tx
        .insert(courses)
        .values({
          organisationId: level.organisationId,
          levelId: level.id,
          code: input.code,
          title: input.title,
          required: input.required ?? true,
        })
        .returning();
      return row!;
    },
    (course) => ({
      action: 'course.create',
      entityType: 'course',
      entityId: course.id,
      organisationId: level.organisationId,
      summary: `Added the course ${course.code} to the level ${level.name}`,
      after: { code: course.code, title: course.title, required: course.required, levelId: level.id },
    }),
  );
}

/**
 * Changes a course's code, title, whether it is required, or its level.
 * @throws {DataError} `not_found` (also when hidden), `invalid_input`, `conflict`, 401, 403.
 */
export async function updateCourse(
  db: Database,
  principal: Principal,
  id: string,
  patch: { readonly [K in keyof CourseInput]?: CourseInput[K] | undefined } & {
    readonly levelId?: string | undefined;
  },
): Promise<Course> {
  const before = await courseOf(db, principal, id);
  requirePermission(principal, 'capability.manage', before.organisationId);
  if (patch.levelId !== undefined) {
    const level = await levelOf(db, principal, patch.levelId, 'levelId');
    if (level.organisationId !== before.organisationId) {
      throw new DataError('not_found', 'no curriculum level has this id', { field: 'levelId' });
    }
  }
  return writing(
    db,
    principal,
    before.organisationId,
    async (tx) => {
      const [row] = await tx
        .update(courses)
        .set({
          ...(patch.code === undefined ? {} : { code: patch.code }),
          ...(patch.title === undefined ? {} : { title: patch.title }),
          ...(patch.required === undefined ? {} : { required: patch.required }),
          ...(patch.levelId === undefined ? {} : { levelId: patch.levelId }),
        })
        .where(eq(courses.id, before.id))
        .returning();
      return row!;
    },
    (course) => ({
      action: 'course.update',
      entityType: 'course',
      entityId: course.id,
      organisationId: course.organisationId,
      summary: `Changed the course ${course.code}`,
      before: { code: before.code, title: before.title, required: before.required, levelId: before.levelId },
      after: { code: course.code, title: course.title, required: course.required, levelId: course.levelId },
    }),
  );
}

/**
 * Removes a course, unless someone has completed it.
 * @throws {DataError} `not_found` (also when hidden), `conflict` (completions), 401, 403.
 */
export async function deleteCourse(db: Database, principal: Principal, id: string): Promise<void> {
  const course = await courseOf(db, principal, id);
  requirePermission(principal, 'capability.manage', course.organisationId);
  const n = await completionsOf(db, eq(courses.id, course.id));
  if (n > 0) {
    throw new DataError(
      'conflict',
      `${n} people have completed this course: it cannot be removed (make it optional instead).`,
      { field: 'id', reason: 'has_completions' },
    );
  }
  await writing(
    db,
    principal,
    course.organisationId,
    (tx) => tx.delete(courses).where(eq(courses.id, course.id)),
    () => ({
      action: 'course.delete',
      entityType: 'course',
      entityId: course.id,
      organisationId: course.organisationId,
      summary: `Removed the course ${course.code}`,
      before: { code: course.code, title: course.title, required: course.required, levelId: course.levelId },
    }),
  );
}
