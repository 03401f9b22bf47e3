/**
 * @module projects/team
 * A project's team: adding people of the project's organisation with a part (lead, sponsor,
 * coach, member), changing a part, removing someone. Those who manage the project do it
 * (projects/access.ts); a project always keeps at least one lead once it has one. Audited.
 */
import { and, count, eq } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { AuditInput } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { memberships, projectMembers, users } from '../db/schema.js';
import type { ProjectRole } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';
import { requireProjectManager, requireReadableProject } from './access.js';
import type { Project } from './access.js';
import { listTeam, lockProject, touchProject } from './repository.js';
import type { TeamMember } from './repository.js';

async function projectToManage(db: Database, principal: Principal, projectId: string): Promise<Project> {
  const project = await requireReadableProject(db, principal, projectId);
  await requireProjectManager(db, principal, project);
  return project;
}

/** The person with this id when they are a member of the organisation, with their name. */
async function requireOrganisationMember(
  db: Database,
  organisationId: string,
  userId: string,
): Promise<{ id: string; displayName: string }> {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, requireUuid('userId', userId)), eq(memberships.organisationId, organisationId)));
  if (row === undefined) {
    throw new DataError('not_found', 'no member of the project’s organisation has this id', {
      field: 'userId',
    });
  }
  return row;
}

async function currentPart(db: Database, projectId: string, userId: string): Promise<ProjectRole> {
  const [row] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(
      and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, requireUuid('userId', userId))),
    );
  if (row === undefined) {
    throw new DataError('not_found', 'this person is not in the project’s team', { field: 'userId' });
  }
  return row.role;
}

async function refuseLastLead(db: Database, projectId: string): Promise<void> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'lead')));
  if (n <= 1) {
    throw new DataError('conflict', 'a project needs a lead: make someone else its lead first', {
      field: 'userId',
      reason: 'last_lead',
    });
  }
}

function record(
  project: Project,
  action: string,
  summary: string,
  before?: unknown,
  after?: unknown,
): AuditInput {
  return {
    action: `project.team_${action}`,
    entityType: 'project',
    entityId: project.id,
    organisationId: project.organisationId,
    summary: `${summary} (project ${project.title})`,
    before,
    after,
  };
}

/**
 * Adds a member of the organisation to the team.
 * @throws {DataError} `not_found` (project, person), `conflict` (already in the team),
 * `unauthenticated`, `forbidden`.
 */
export async function addTeamMember(
  db: Database,
  principal: Principal,
  projectId: string,
  input: { readonly userId: string; readonly role: ProjectRole },
): Promise<TeamMember[]> {
  const project = await projectToManage(db, principal, projectId);
  const person = await requireOrganisationMember(db, project.organisationId, input.userId);
  await audited(
    db,
    principal,
    async (tx) => {
      const added = await tx
        .insert(projectMembers)
        .values({ projectId: project.id, userId: person.id, role: input.role })
        .onConflictDoNothing()
        .returning();
      if (added.length === 0) {
        throw new DataError('conflict', 'this person is already in the team: change their part instead', {
          field: 'userId',
        });
      }
      await touchProject(tx, project.id);
    },
    () =>
      record(project, 'add', `Added ${person.displayName} to the team as ${input.role}`, undefined, {
        userId: person.id,
        role: input.role,
      }),
  );
  return listTeam(db, project.id);
}

/**
 * Changes a team member's part (the last lead stays a lead).
 * @throws {DataError} `not_found`, `conflict`, `unauthenticated`, `forbidden`.
 */
export async function changeTeamRole(
  db: Database,
  principal: Principal,
  projectId: string,
  userId: string,
  role: ProjectRole,
): Promise<TeamMember[]> {
  const project = await projectToManage(db, principal, projectId);
  const before = await currentPart(db, project.id, userId);
  await audited(
    db,
    principal,
    async (tx) => {
      await lockProject(tx, project.id);
      if (before === 'lead' && role !== 'lead') await refuseLastLead(tx, project.id);
      await tx
        .update(projectMembers)
        .set({ role })
        .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, userId)));
      await touchProject(tx, project.id);
    },
    () =>
      record(
        project,
        'change',
        `Changed a team member's part from ${before} to ${role}`,
        { userId, role: before },
        { userId, role },
      ),
  );
  return listTeam(db, project.id);
}

/**
 * Removes someone from the team (not its last lead).
 * @throws {DataError} `not_found`, `conflict`, `unauthenticated`, `forbidden`.
 */
export async function removeTeamMember(
  db: Database,
  principal: Principal,
  projectId: string,
  userId: string,
): Promise<TeamMember[]> {
  const project = await projectToManage(db, principal, projectId);
  const before = await currentPart(db, project.id, userId);
  await audited(
    db,
    principal,
    async (tx) => {
      await lockProject(tx, project.id);
      if (before === 'lead') await refuseLastLead(tx, project.id);
      await tx
        .delete(projectMembers)
        .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.userId, userId)));
      await touchProject(tx, project.id);
    },
    () => record(project, 'remove', `Removed a ${before} from the team`, { userId, role: before }),
  );
  return listTeam(db, project.id);
}
