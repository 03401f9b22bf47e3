/**
 * @module capability/presenter
 * The exact fields of the curriculum, completions and people the API sends.
 */
import type { CompletionRow, LevelWithCourses, PersonRow } from './repository.js';
import type { CompletionView, LevelView } from './schemas.js';

/** A level with its courses. */
export function presentLevel(level: LevelWithCourses): LevelView {
  return {
    id: level.id,
    organisationId: level.organisationId,
    name: level.name,
    rank: level.rank,
    description: level.description,
    courses: level.courses.map((c) => ({
      id: c.id,
      levelId: c.levelId,
      code: c.code,
      title: c.title,
      required: c.required,
    })),
  };
}

/** A completion record. */
export function presentCompletion(row: CompletionRow): CompletionView {
  return {
    courseId: row.courseId,
    courseCode: row.courseCode,
    courseTitle: row.courseTitle,
    levelId: row.levelId,
    userId: row.userId,
    userName: row.userName,
    completedOn: row.completedOn,
    source: row.source,
    counts: row.source !== 'self_declared' || row.confirmedAt !== null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmedBy: row.confirmedByName,
    recordedAt: row.createdAt.toISOString(),
  };
}

/** A member with their unit. */
export function presentPerson(row: PersonRow): PersonRow {
  return {
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    unitId: row.unitId,
    since: row.since,
  };
}
