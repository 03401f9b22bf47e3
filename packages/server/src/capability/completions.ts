/**
 * @module capability/completions
 * Completion records: a coach (capability/access.ts) records a person's completed course (source
 * `entered`); a person declares their own (`self_declared`), which counts only once a coach other
 * than themself confirms it, and a coach may reject it (it is removed); a person sees their own
 * record, coaches see everyone's. Every change that alters what counts is audited and republishes
 * capability by unit in the same transaction. CSV imports are in csv-import.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { courseCompletions, memberships, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { findOrganisation } from '../organisations/service.js';
import { requireUuid } from '../validation.js';
import { isCoach, readsAsCoach, requireCapabilityReader, requireCoach } from './access.js';
import { requireReadableCourse } from './curriculum.js';
import { republish, today } from './publish.js';
import { listCompletionRows } from './repository.js';
import type { Completion, CompletionRow, Course } from './repository.js';

/** The earliest completion date accepted. */
export const EARLIEST_COMPLETION = '1990-01-01';

/** Checks a completion date: a real day, not in the future, not before 1990. */
export function checkCompletedOn(field: string, value: string): string {
  if (value > today()) {
    throw new DataError('invalid_input', `${field} cannot be in the future`, { field, reason: 'future' });
  }
  if (value < EARLIEST_COMPLETION) {
    throw new DataError('invalid_input', `${field} must be in 1990 or later`, { field, reason: 'too_early' });
  }
  return value;
}

/** The person acting, or 403 for the system. */
function person(principal: Principal): string {
  if (principal.kind !== 'user') {
    throw new DataError('forbidden', 'Only a person declares their own training.', { reason: 'person' });
  }
  return principal.userId;
}

/** Throws 400 unless `userId` is an active member of the organisation. */
async function requireMember(
  db: Database,
  organisationId: string,
  userId: string,
  field: string,
): Promise<void> {
  const [row] = await db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.userId, requireUuid(field, userId)),
        eq(users.status, 'active'),
      ),
    );
  if (row === undefined) {
    throw new DataError('invalid_input', `${field} must be an active member of the organisation`, {
      field,
      reason: 'not_a_member',
    });
  }
}

/**
 * The organisation's course `courseId`, once `principal` is known to be one of its people (401,
 * 403 otherwise, as for any of the organisation's lists).
 * @throws {DataError} `not_found` (organisation; a course not of the organisation: `courseId`).
 */
async function courseIn(
  db: Database,
  principal: Principal,
  organisationRef: string,
  courseId: string,
): Promise<Course> {
  const organisation = await findOrganisation(db, organisationRef);
  requireCapabilityReader(principal, organisation.id);
  const course = await requireReadableCourse(db, principal, courseId, 'courseId');
  if (course.organisationId !== organisation.id) {
    throw new DataError('not_found', 'no course has this id', { field: 'courseId' });
  }
  return course;
}

/** What a coach may filter by. */
export interface CompletionFilter {
  /** One person's record (anyone's for a coach; one's own for everyone). */
  readonly user?: string | undefined;
  /** Only self-declared completions waiting for a coach. */
  readonly pending?: boolean | undefined;
}

/**
 * The organisation's completion records `principal` may see: everyone's for a coach (filtered),
 * otherwise one's own (asking for someone else's is 403).
 * @throws {DataError} `not_found` (organisation), `unauthenticated`, `forbidden`.
 */
export async function listCompletions(
  db: Database,
  principal: Principal,
  organisationRef: string,
  filter: CompletionFilter,
): Promise<{ organisationId: string; coach: boolean; items: CompletionRow[] }> {
  const organisation = await findOrganisation(db, organisationRef);
  requireCapabilityReader(principal, organisation.id);
  const coach = await readsAsCoach(db, principal, organisation.id);
  const me = principal.kind === 'user' ? principal.userId : undefined;
  if (!coach && filter.user !== undefined && filter.user !== me) {
    throw new DataError(
      'forbidden',
      'Only coaches, QI leads and administrators see other people’s training.',
      {
        reason: 'coach',
      },
    );
  }
  const userId = coach ? (filter.user === undefined ? undefined : requireUuid('user', filter.user)) : me;
  const items = await listCompletionRows(db, organisation.id, { userId, pending: filter.pending });
  return { organisationId: organisation.id, coach, items };
}

async function currentCompletion(
  db: Database,
  courseId: string,
  userId: string,
): Promise<Completion | undefined> {
  const [row] = await db
    .select()
    .from(courseCompletions)
    .where(and(eq(courseCompletions.courseId, courseId), eq(courseCompletions.userId, userId)))
    .for('update');
  return row;
}

function auditView(
  course: Course,
  completion: Pick<Completion, 'userId' | 'completedOn' | 'source'>,
): Record<string, unknown> {
  return {
    course: course.code,
    userId: completion.userId,
    completedOn: completion.completedOn,
    source: completion.source,
  };
}

/**
 * A coach records that a member completed a course (it counts at once; it replaces what was there).
 * @throws {DataError} `not_found` (course, also when hidden), `invalid_input`, 401, 403.
 */
export async function recordCompletion(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: { readonly courseId: string; readonly userId: string; readonly completedOn: string },
): Promise<void> {
  const course = await courseIn(db, principal, organisationRef, input.courseId);
  await requireCoach(db, principal, course.organisationId);
  await requireMember(db, course.organisationId, input.userId, 'userId');
  const completedOn = checkCompletedOn('completedOn', input.completedOn);
  const recordedBy = principal.kind === 'user' ? principal.userId : null;
  await audited(
    db,
    principal,
    async (tx) => {
      const before = await currentCompletion(tx, course.id, input.userId);
      await tx
        .insert(courseCompletions)
        .values({ courseId: course.id, userId: input.userId, completedOn, source: 'entered', recordedBy })
        .onConflictDoUpdate({
          target: [courseCompletions.courseId, courseCompletions.userId],
          set: {
            completedOn,
            source: 'entered',
            recordedBy,
            confirmedBy: null,
            confirmedAt: null,
            createdAt: sql`now()`,
          },
        });
      await republish(tx, principal, course.organisationId);
      return before;
    },
    (before) => ({
      action: 'completion.record',
      entityType: 'course',
      entityId: course.id,
      organisationId: course.organisationId,
      summary: `Recorded that a member completed ${course.code} on ${completedOn}`,
      before: before === undefined ? undefined : auditView(course, before),
      after: auditView(course, { userId: input.userId, completedOn, source: 'entered' }),
    }),
  );
}

/**
 * A member declares that they completed a course; it counts once a coach confirms it. A course
 * already recorded for them (or confirmed) cannot be declared again (409).
 * @throws {DataError} `not_found` (course, also when hidden), `invalid_input`, `conflict`, 401, 403.
 */
export async function declareCompletion(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: { readonly courseId: string; readonly completedOn: string },
): Promise<void> {
  const course = await courseIn(db, principal, organisationRef, input.courseId);
  requirePermission(principal, 'capability.declare', course.organisationId);
  const userId = person(principal);
  const completedOn = checkCompletedOn('completedOn', input.completedOn);
  await audited(
    db,
    principal,
    async (tx) => {
      const before = await currentCompletion(tx, course.id, userId);
      if (before !== undefined && (before.source !== 'self_declared' || before.confirmedBy !== null)) {
        throw new DataError('conflict', 'This course is already on your record.', {
          field: 'courseId',
          reason: 'already_recorded',
        });
      }
      await tx
        .insert(courseCompletions)
        .values({ courseId: course.id, userId, completedOn, source: 'self_declared', recordedBy: userId })
        .onConflictDoUpdate({
          target: [courseCompletions.courseId, courseCompletions.userId],
          set: { completedOn, createdAt: sql`now()` },
        });
    },
    () => ({
      action: 'completion.declare',
      entityType: 'course',
      entityId: course.id,
      organisationId: course.organisationId,
      summary: `Declared completing ${course.code} on ${completedOn} (to be confirmed by a coach)`,
      after: auditView(course, { userId, completedOn, source: 'self_declared' }),
    }),
  );
}

/**
 * A coach confirms a member's declared completion (not their own): it counts from then on.
 * @throws {DataError} `not_found` (course, also when hidden; no declaration), `conflict` (already
 * confirmed), 401, 403 (not a coach, or one's own).
 */
export async function confirmCompletion(
  db: Database,
  principal: Principal,
  courseId: string,
  userId: string,
): Promise<void> {
  const course = await requireReadableCourse(db, principal, courseId);
  await requireCoach(db, principal, course.organisationId);
  const target = requireUuid('userId', userId);
  if (principal.kind === 'user' && principal.userId === target) {
    throw new DataError('forbidden', 'Another coach confirms your own training.', { reason: 'own_record' });
  }
  await audited(
    db,
    principal,
    async (tx) => {
      const before = await currentCompletion(tx, course.id, target);
      if (before === undefined) {
        throw new DataError('not_found', 'this person has not declared this course', { field: 'userId' });
      }
      if (before.source !== 'self_declared' || before.confirmedBy !== null) {
        throw new DataError('conflict', 'This completion already counts: there is nothing to confirm.', {
          field: 'userId',
          reason: 'already_counted',
        });
      }
      await tx
        .update(courseCompletions)
        .set({ confirmedBy: principal.kind === 'user' ? principal.userId : null, confirmedAt: sql`now()` })
        .where(and(eq(courseCompletions.courseId, course.id), eq(courseCompletions.userId, target)));
      await republish(tx, principal, course.organisationId);
      return before;
    },
    (before) => ({
      action: 'completion.confirm',
      entityType: 'course',
      entityId: course.id,
      organisationId: course.organisationId,
      summary: `Confirmed a member's completion of ${course.code} on ${before.completedOn}`,
      after: auditView(course, before),
    }),
  );
}

/**
 * Removes a completion: a coach rejects a declaration or removes any record; a member withdraws
 * their own declaration while it waits for confirmation.
 * @throws {DataError} `not_found` (course, also when hidden; no record), 401, 403.
 */
export async function removeCompletion(
  db: Database,
  principal: Principal,
  courseId: string,
  userId: string,
): Promise<void> {
  const course = await requireReadableCourse(db, principal, courseId);
  const target = requireUuid('userId', userId);
  const coach = await isCoach(db, principal, course.organisationId);
  const ownDeclaration = principal.kind === 'user' && principal.userId === target;
  if (!coach && !ownDeclaration) await requireCoach(db, principal, course.organisationId);
  if (!coach) requirePermission(principal, 'capability.declare', course.organisationId);
  await audited(
    db,
    principal,
    async (tx) => {
      const before = await currentCompletion(tx, course.id, target);
      if (before === undefined) {
        throw new DataError('not_found', 'this person has no record of this course', { field: 'userId' });
      }
      const counted = before.source !== 'self_declared' || before.confirmedBy !== null;
      if (!coach && counted) {
        throw new DataError('forbidden', 'Only a coach removes training that counts.', { reason: 'coach' });
      }
      await tx
        .delete(courseCompletions)
        .where(and(eq(courseCompletions.courseId, course.id), eq(courseCompletions.userId, target)));
      if (counted) await republish(tx, principal, course.organisationId);
      return before;
    },
    (before) => ({
      action:
        before.source === 'self_declared' && before.confirmedBy === null
          ? 'completion.reject'
          : 'completion.remove',
      entityType: 'course',
      entityId: course.id,
      organisationId: course.organisationId,
      summary:
        before.source === 'self_declared' && before.confirmedBy === null
          ? `Rejected (removed) a declared completion of ${course.code}`
          : `Removed a completion of ${course.code}`,
      before: auditView(course, before),
    }),
  );
}
