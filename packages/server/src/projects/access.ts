/**
 * @module projects/access
 * Who may read and change a QI project, as SQL (lists, the library) and in code (one project).
 *
 * Reading follows the project's own visibility: `public` to everyone; `internal` to the
 * organisation's people (and those it granted internal access, as for measures); `private` to the
 * project's team and the organisation's QI leads and administrators. A published project (in the
 * library) is public by definition, whatever its visibility says. Platform administrators and the
 * system read everything. A project one may not read is answered exactly as an unknown one (404).
 *
 * Changing: the organisation's QI leads and administrators (`project.manage`), and the project's
 * own leads, sponsors and coaches, manage it (its details, stage, team, measures, goals, publishing).
 * Every member of its team, whatever their part, also works on it: its driver diagram and PDSA
 * cycles. Team members act only while they are members of the organisation with a token or
 * session that may write (`project.start`).
 */
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { readableOrganisations } from '../auth/visibility.js';
import { projectMembers, projects } from '../db/schema.js';
import type { ProjectRole } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';

/** A project as stored. */
export type Project = typeof projects.$inferSelect;

/**
 * `projects.id` qualified with its table, for correlated subqueries (drizzle writes a column of a
 * one-table query without its table, which a subquery over a table with an `id` would take as its own).
 */
export const PROJECT_ID = sql.raw('"projects"."id"');

/** The roles (of the organisation) that read every private project of it. */
const PRIVATE_PROJECT_READERS = ['qi_lead', 'administrator'] as const;

/** The project parts that manage a project (a `member` works on it). */
const MANAGING_PARTS: readonly ProjectRole[] = ['lead', 'sponsor', 'coach'];

/** The answer for an unknown project, and for one the person may not read (the same, on purpose). */
export function projectNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no project has this id', { field });
}

/** A condition on `projects`: the projects `principal` may read. */
export function projectVisibleTo(principal: Principal): SQL {
  const { all, privateIn, internalIn } = readableOrganisations(principal);
  if (all) return sql`true`;
  const conditions: SQL[] = [eq(projects.visibility, 'public'), isNotNull(projects.publishedAt)];
  const internal = [...privateIn, ...internalIn];
  if (internal.length > 0) {
    conditions.push(and(eq(projects.visibility, 'internal'), inArray(projects.organisationId, internal))!);
  }
  if (principal.kind === 'user') {
    const leads = principal.memberships
      .filter((m) => (PRIVATE_PROJECT_READERS as readonly string[]).includes(m.role))
      .map((m) => m.organisationId);
    if (leads.length > 0) conditions.push(inArray(projects.organisationId, leads));
    conditions.push(
      sql`exists (select 1 from ${projectMembers} where ${projectMembers.projectId} = ${PROJECT_ID} and ${projectMembers.userId} = ${principal.userId})`,
    );
  }
  return or(...conditions)!;
}

/**
 * The project with this id when `principal` may read it.
 * @throws {DataError} `not_found` (also when hidden), `invalid_input` (not an id).
 */
export async function requireReadableProject(
  db: Database,
  principal: Principal,
  id: string,
  field = 'id',
): Promise<Project> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, requireUuid(field, id)), projectVisibleTo(principal)));
  if (row === undefined) throw projectNotFound(field);
  return row;
}

/** `principal`'s part in the project's team, if any. */
export async function teamPartOf(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<ProjectRole | undefined> {
  if (principal.kind !== 'user') return undefined;
  const [row] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, principal.userId)));
  return row?.role;
}

/** Whether `principal` may manage the project (see the module). */
export function mayManage(principal: Principal, project: Project, part: ProjectRole | undefined): boolean {
  if (can(principal, 'project.manage', project.organisationId)) return true;
  return (
    part !== undefined &&
    MANAGING_PARTS.includes(part) &&
    can(principal, 'project.start', project.organisationId)
  );
}

/**
 * Throws unless `principal` may manage the project: 401 for the public, 403 naming who may.
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export async function requireProjectManager(
  db: Database,
  principal: Principal,
  project: Project,
): Promise<void> {
  const part = await teamPartOf(db, principal, project.id);
  if (mayManage(principal, project, part)) return;
  if (principal.kind === 'user' && principal.scopes.includes('write') && !principal.platformAdmin) {
    const member = principal.memberships.some((m) => m.organisationId === project.organisationId);
    if (member || part !== undefined) {
      throw new DataError(
        'forbidden',
        "You may not do this to this project: it needs the project's lead, sponsor or coach, or the organisation's QI lead or administrator.",
        { reason: 'role' },
      );
    }
  }
  requirePermission(principal, 'project.manage', project.organisationId);
}

/**
 * Throws unless `principal` may work on the project (its diagram and cycles): its team, or those
 * who manage it.
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export async function requireProjectWorker(
  db: Database,
  principal: Principal,
  project: Project,
): Promise<void> {
  const part = await teamPartOf(db, principal, project.id);
  if (part !== undefined && can(principal, 'project.start', project.organisationId)) return;
  if (mayManage(principal, project, part)) return;
  if (principal.kind === 'user' && principal.scopes.includes('write') && !principal.platformAdmin) {
    const member = principal.memberships.some((m) => m.organisationId === project.organisationId);
    if (member) {
      throw new DataError(
        'forbidden',
        "You may not do this to this project: it needs a member of the project's team, or the organisation's QI lead or administrator.",
        { reason: 'role' },
      );
    }
  }
  requirePermission(principal, 'project.manage', project.organisationId);
}
