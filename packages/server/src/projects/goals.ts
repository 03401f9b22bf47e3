/**
 * @module projects/goals
 * The goals a project serves: links only (goals are their own domain), to goals of the project's
 * organisation that the person may read; those who manage the project link and unlink. Audited.
 */
import { and, eq } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { visibleTo } from '../auth/visibility.js';
import { goals, projectGoals } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';
import { requireProjectManager, requireReadableProject } from './access.js';
import type { Project } from './access.js';
import { listProjectGoals, touchProject } from './repository.js';
import type { ProjectGoalRow } from './repository.js';

function goalNotFound(): DataError {
  return new DataError('not_found', 'no goal of the project’s organisation has this id', { field: 'goalId' });
}

async function projectToManage(db: Database, principal: Principal, projectId: string): Promise<Project> {
  const project = await requireReadableProject(db, principal, projectId);
  await requireProjectManager(db, principal, project);
  return project;
}

/**
 * Links a goal of the project's organisation (nothing changes when linked already).
 * @throws {DataError} `not_found` (project; a goal hidden or of another organisation, as an
 * unknown one), `unauthenticated`, `forbidden`.
 */
export async function linkGoal(
  db: Database,
  principal: Principal,
  projectId: string,
  goalId: string,
): Promise<ProjectGoalRow[]> {
  const project = await projectToManage(db, principal, projectId);
  const [goal] = await db
    .select({ id: goals.id, title: goals.title })
    .from(goals)
    .where(
      and(
        eq(goals.id, requireUuid('goalId', goalId)),
        eq(goals.organisationId, project.organisationId),
        visibleTo(principal, goals.visibility, goals.organisationId),
      ),
    );
  if (goal === undefined) throw goalNotFound();
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(projectGoals)
      .values({ projectId: project.id, goalId: goal.id })
      .onConflictDoNothing()
      .returning();
    if (added.length === 0) return;
    await touchProject(tx, project.id);
    await recordAudit(tx, principal, {
      action: 'project.goal_link',
      entityType: 'project',
      entityId: project.id,
      organisationId: project.organisationId,
      summary: `Linked the goal ${goal.title} (project ${project.title})`,
      after: { goalId: goal.id },
    });
  });
  return listProjectGoals(db, principal, project.id);
}

/**
 * Unlinks a goal.
 * @throws {DataError} `not_found` (project, or a goal it does not serve), `unauthenticated`, `forbidden`.
 */
export async function unlinkGoal(
  db: Database,
  principal: Principal,
  projectId: string,
  goalId: string,
): Promise<void> {
  const project = await projectToManage(db, principal, projectId);
  const id = requireUuid('goalId', goalId);
  await audited(
    db,
    principal,
    async (tx) => {
      const removed = await tx
        .delete(projectGoals)
        .where(and(eq(projectGoals.projectId, project.id), eq(projectGoals.goalId, id)))
        .returning();
      if (removed.length === 0) throw goalNotFound();
      await touchProject(tx, project.id);
    },
    () => ({
      action: 'project.goal_unlink',
      entityType: 'project',
      entityId: project.id,
      organisationId: project.organisationId,
      summary: `Unlinked a goal (project ${project.title})`,
      before: { goalId: id },
    }),
  );
}
