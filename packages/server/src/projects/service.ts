/**
 * @module projects/service
 * Starting a project (anyone in the organisation: the starter leads it), changing it (those who
 * manage it; a change of stage is audited as such), and reading its story: aim, team, measures
 * with their charts and the cycles marked, driver diagram, cycles in time order, lessons, goals.
 */
import { audited } from '../audit/audited.js';
import { recordAudit } from '../audit/repository.js';
import { readLevel } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { projectMembers } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { changedFields } from '../measures/audit-diff.js';
import { getOrganisation } from '../organisations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { findOrganisation } from '../organisations/service.js';
import { getUnit } from '../units/repository.js';
import type { Unit } from '../units/repository.js';
import { requireProjectManager, requireReadableProject, teamPartOf } from './access.js';
import type { Project } from './access.js';
import { projectCharts } from './charts.js';
import type { ProjectChart } from './charts.js';
import { diagramOf } from './driver-diagram.js';
import type { Diagram } from './driver-diagram.js';
import { listCycles } from './pdsa.js';
import type { NumberedCycle } from './pdsa.js';
import {
  insertProject,
  listProjectGoals,
  listReadableProjectMeasures,
  listTeam,
  updateProject,
} from './repository.js';
import type { ProjectFields, ProjectGoalRow, ProjectMeasureRow, TeamMember } from './repository.js';

/** A project and everything its page tells. */
export interface ProjectStory {
  readonly project: Project;
  readonly organisation: Organisation;
  readonly unit: Unit | null;
  readonly team: readonly TeamMember[];
  readonly measures: readonly ProjectMeasureRow[];
  readonly charts: readonly ProjectChart[];
  readonly diagram: Diagram;
  readonly cycles: readonly NumberedCycle[];
  readonly goals: readonly ProjectGoalRow[];
}

/** A project's row for the audit log. */
export function projectAuditView(project: Project): Record<string, unknown> {
  return {
    title: project.title,
    problem: project.problem,
    unitId: project.unitId,
    stage: project.stage,
    aimWhat: project.aimWhat,
    aimHowMuch: project.aimHowMuch,
    aimByWhen: project.aimByWhen,
    lessons: project.lessons,
    topics: project.topics,
    visibility: project.visibility,
    publishedAt: project.publishedAt?.toISOString() ?? null,
  };
}

/**
 * Starts a project in an organisation: any of its people may (`project.start`), and become its
 * lead. The system (command line) starts projects with no lead.
 * @throws {DataError} `not_found` (organisation, unit), `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function startProject(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: ProjectFields & { readonly title: string },
): Promise<Project> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'project.start', organisation.id);
  const userId = principal.kind === 'user' ? principal.userId : null;
  return audited(
    db,
    principal,
    async (tx) => {
      const project = await insertProject(tx, {
        ...input,
        organisationId: organisation.id,
        createdBy: userId,
      });
      if (userId !== null) {
        await tx.insert(projectMembers).values({ projectId: project.id, userId, role: 'lead' });
      }
      return project;
    },
    (project) => ({
      action: 'project.create',
      entityType: 'project',
      entityId: project.id,
      organisationId: organisation.id,
      summary: `Started the project ${project.title}`,
      after: projectAuditView(project),
    }),
  );
}

/**
 * Changes a project: its lead, sponsor or coach, or the organisation's QI leads and
 * administrators. A change of stage is audited as `project.stage`, any other as `project.update`.
 * @throws {DataError} `not_found` (also when hidden; unit), `invalid_input`, `conflict` (a
 * published project must stay finished), `unauthenticated`, `forbidden`.
 */
export async function changeProject(
  db: Database,
  principal: Principal,
  id: string,
  fields: ProjectFields,
): Promise<Project> {
  const current = await requireReadableProject(db, principal, id);
  await requireProjectManager(db, principal, current);
  return db.transaction(async (tx) => {
    const updated = await updateProject(tx, current.id, fields);
    const diff = changedFields(projectAuditView(current), projectAuditView(updated), []);
    const stageChanged = current.stage !== updated.stage;
    await recordAudit(tx, principal, {
      action: stageChanged ? 'project.stage' : 'project.update',
      entityType: 'project',
      entityId: updated.id,
      organisationId: updated.organisationId,
      summary: stageChanged
        ? `Moved the project ${updated.title} from ${current.stage} to ${updated.stage}`
        : diff.fields.length === 0
          ? `Saved the project ${updated.title} unchanged`
          : `Changed ${diff.fields.join(', ')} of the project ${updated.title}`,
      before: diff.before,
      after: diff.after,
    });
    return updated;
  });
}

/**
 * Whether `principal` reads the project by its own visibility (not only because it is published):
 * those who do see its whole team; others its lead alone.
 */
function readsUnpublished(principal: Principal, project: Project, onTeam: boolean): boolean {
  if (onTeam || project.visibility === 'public') return true;
  if (principal.kind === 'system' || (principal.kind === 'user' && principal.platformAdmin)) return true;
  const level = readLevel(principal, project.organisationId);
  if (project.visibility === 'internal') return level !== 'public';
  return (
    principal.kind === 'user' &&
    principal.memberships.some(
      (m) =>
        m.organisationId === project.organisationId && (m.role === 'qi_lead' || m.role === 'administrator'),
    )
  );
}

/** The story of a project `principal` may read (callers found it readable). */
export async function storyOf(db: Database, principal: Principal, project: Project): Promise<ProjectStory> {
  // One query after another: inside a transaction there is one connection.
  const organisation = (await getOrganisation(db, project.organisationId))!;
  const unit = project.unitId === null ? null : ((await getUnit(db, project.unitId)) ?? null);
  const part = await teamPartOf(db, principal, project.id);
  const everyone = await listTeam(db, project.id);
  const team = readsUnpublished(principal, project, part !== undefined)
    ? everyone
    : everyone.filter((member) => member.role === 'lead');
  const measures = await listReadableProjectMeasures(db, principal, project.id);
  const cycles = await listCycles(db, project.id);
  const charts = await projectCharts(db, principal, project, cycles);
  const diagram = await diagramOf(db, project);
  const goals = await listProjectGoals(db, principal, project.id);
  return { project, organisation, unit, team, measures, charts, diagram, cycles, goals };
}

/**
 * The story of a project `principal` may read.
 * @throws {DataError} `not_found` (also when hidden).
 */
export async function readProjectStory(
  db: Database,
  principal: Principal,
  id: string,
): Promise<ProjectStory> {
  return storyOf(db, principal, await requireReadableProject(db, principal, id));
}
