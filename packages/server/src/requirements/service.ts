/**
 * @module requirements/service
 * Commissioners' outcome requirements of providers (docs/goals.md):
 *
 * - A commissioner (an organisation of kind `commissioner`) sets them, with `requirement.manage`
 *   there, only for a provider that granted it access (either scope), on a measure both may use (a
 *   shared one, or the provider's own that the commissioner can read).
 * - Both organisations read them (a requirement is internal to each); the provider's goal managers
 *   link their goals (`goals.requirement_id`) and projects (`project_requirements`) to them.
 * - Progress shows the provider's linked goals with their status only where the reader may read
 *   the goal and its measure (for a commissioner: public ones, or internal ones with an internal
 *   grant), the provider's organisation-level series of the measure judged against the
 *   requirement's target and date when the reader may read it, and the linked projects only when
 *   public or published to the library — unless the reader is of the provider itself.
 *
 * Every change is audited in the same transaction. Nothing here knows HTTP.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import { recordAudit } from '../audit/repository.js';
import { membershipIn } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import {
  measures,
  measureSeries,
  organisationGrants,
  outcomeRequirements,
  projectRequirements,
  projects,
} from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { PUBLISHED_PROJECT, projectVisibleTo } from '../goals/access.js';
import { analysisOf, iconsOf, isoDay, requirementGoals } from '../goals/service.js';
import type { JudgedGoal, SeriesIcons } from '../goals/service.js';
import type { DataType } from '../db/schema/vocabulary.js';
import { goalStatus } from '../goals/status.js';
import type { GoalJudgement } from '../goals/status.js';
import { measureVisibleTo } from '../measures/access.js';
import { requireReadableProject } from '../projects/access.js';
import type { Organisation } from '../organisations/repository.js';
import { findOrganisation } from '../organisations/service.js';
import { seriesVisibleTo } from '../series/access.js';
import { requireUuid } from '../validation.js';
import {
  deleteRequirement,
  insertRequirement,
  linkProject,
  projectsOfRequirement,
  readRequirements,
  requirementVisibleTo,
  unlinkProject,
  updateRequirement,
} from './repository.js';
import type { Requirement, RequirementPatch, RequirementRow } from './repository.js';

/** The answer for an unknown requirement, and for one the person may not read. */
export function requirementNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no requirement has this id', { field });
}

/** A requirement `principal` may read. @throws {DataError} `not_found`. */
export async function requireReadableRequirement(
  db: Database,
  principal: Principal,
  id: string,
  field = 'id',
): Promise<RequirementRow> {
  const [row] = await readRequirements(
    db,
    and(eq(outcomeRequirements.id, requireUuid(field, id)), requirementVisibleTo(principal)),
  );
  if (row === undefined) throw requirementNotFound(field);
  return row;
}

/** The requirements a commissioner set, that `principal` may read. */
export function requirementsSetBy(
  db: Database,
  principal: Principal,
  commissionerId: string,
): Promise<RequirementRow[]> {
  return readRequirements(
    db,
    and(eq(outcomeRequirements.commissionerId, commissionerId), requirementVisibleTo(principal)),
  );
}

/** The requirements set for a provider, that `principal` may read. */
export function requirementsSetFor(
  db: Database,
  principal: Principal,
  providerId: string,
): Promise<RequirementRow[]> {
  return readRequirements(
    db,
    and(eq(outcomeRequirements.providerId, providerId), requirementVisibleTo(principal)),
  );
}

/**
 * The requirements a project answers, that `principal` may read (the project too: a project one
 * may not read is 404 as an unknown one).
 * @throws {DataError} `not_found`.
 */
export async function requirementsOfProject(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<RequirementRow[]> {
  const project = await requireReadableProject(db, principal, projectId);
  const linked = db
    .select({ id: projectRequirements.requirementId })
    .from(projectRequirements)
    .where(eq(projectRequirements.projectId, project.id));
  return readRequirements(db, and(inArray(outcomeRequirements.id, linked), requirementVisibleTo(principal)));
}

/** What a new requirement is made from (the request's fields). */
export interface RequirementInput {
  /** The provider's id or ODS code. */
  readonly provider: string;
  readonly measureId: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly target: number;
  readonly dueBy: string;
}

const fields = (r: Requirement): Record<string, unknown> => ({
  providerId: r.providerId,
  measureId: r.measureId,
  title: r.title,
  description: r.description,
  target: r.target,
  dueBy: r.dueBy,
});

/**
 * Sets a requirement for a provider as `commissioner` (`requirement.manage` there), audited.
 * @throws {DataError} 401, 403; `invalid_input` (ref: not a commissioner; measureId: another
 * organisation's measure); `not_found` (provider, measureId); `conflict` (provider: no grant).
 */
export async function setRequirement(
  db: Database,
  principal: Principal,
  commissioner: Organisation,
  input: RequirementInput,
): Promise<RequirementRow> {
  requirePermission(principal, 'requirement.manage', commissioner.id);
  if (commissioner.kind !== 'commissioner') {
    throw new DataError('invalid_input', 'only a commissioner sets outcome requirements for providers', {
      field: 'ref',
    });
  }
  const provider = await findOrganisation(db, input.provider, 'provider');
  const [grant] = await db
    .select({ scope: organisationGrants.scope })
    .from(organisationGrants)
    .where(
      and(eq(organisationGrants.grantorId, provider.id), eq(organisationGrants.granteeId, commissioner.id)),
    );
  if (grant === undefined || provider.id === commissioner.id) {
    throw new DataError(
      'conflict',
      `${provider.name} has not granted ${commissioner.name} access: a requirement can only be set for a provider that has`,
      { field: 'provider' },
    );
  }
  const [measure] = await db
    .select({ id: measures.id, owner: measures.ownerOrganisationId })
    .from(measures)
    .where(and(eq(measures.id, requireUuid('measureId', input.measureId)), measureVisibleTo(principal)));
  if (measure === undefined)
    throw new DataError('not_found', 'no measure has this id', { field: 'measureId' });
  if (measure.owner !== null && measure.owner !== provider.id) {
    throw new DataError('invalid_input', "measureId must be a shared measure or one of the provider's own", {
      field: 'measureId',
    });
  }
  const created = await audited(
    db,
    principal,
    (tx) =>
      insertRequirement(tx, {
        commissionerId: commissioner.id,
        providerId: provider.id,
        measureId: measure.id,
        title: input.title,
        description: input.description ?? '',
        target: input.target,
        dueBy: input.dueBy,
        createdBy: principal.kind === 'user' ? principal.userId : null,
      }),
    (requirement) => ({
      action: 'requirement.create',
      entityType: 'outcome_requirement',
      entityId: requirement.id,
      organisationId: commissioner.id,
      summary: `Set the requirement “${requirement.title}” for ${provider.name} (target ${requirement.target} by ${requirement.dueBy})`,
      after: fields(requirement),
    }),
  );
  return { ...created, commissioner, provider };
}

/** A requirement this commissioner set (after the permission check). @throws {DataError} `not_found`. */
async function requireOwnRequirement(
  db: Database,
  commissionerId: string,
  id: string,
): Promise<RequirementRow> {
  const [row] = await readRequirements(
    db,
    and(
      eq(outcomeRequirements.id, requireUuid('id', id)),
      eq(outcomeRequirements.commissionerId, commissionerId),
    ),
  );
  if (row === undefined) throw requirementNotFound();
  return row;
}

/** Changes a requirement the commissioner set (`requirement.manage`), audited with before and after. */
export async function changeRequirement(
  db: Database,
  principal: Principal,
  commissionerId: string,
  id: string,
  patch: RequirementPatch,
): Promise<RequirementRow> {
  requirePermission(principal, 'requirement.manage', commissionerId);
  const before = await requireOwnRequirement(db, commissionerId, id);
  const after = await audited(
    db,
    principal,
    (tx) => updateRequirement(tx, before.id, patch),
    (requirement) => ({
      action: 'requirement.update',
      entityType: 'outcome_requirement',
      entityId: requirement.id,
      organisationId: commissionerId,
      summary: `Changed the requirement “${requirement.title}” for ${before.provider.name}`,
      before: fields(before),
      after: fields(requirement),
    }),
  );
  return { ...after, commissioner: before.commissioner, provider: before.provider };
}

/** Deletes a requirement the commissioner set (`requirement.manage`); the provider's goals stay. Audited. */
export async function removeRequirement(
  db: Database,
  principal: Principal,
  commissionerId: string,
  id: string,
): Promise<void> {
  requirePermission(principal, 'requirement.manage', commissionerId);
  const requirement = await requireOwnRequirement(db, commissionerId, id);
  await audited(
    db,
    principal,
    (tx) => deleteRequirement(tx, requirement.id),
    (unlinked) => ({
      action: 'requirement.delete',
      entityType: 'outcome_requirement',
      entityId: requirement.id,
      organisationId: commissionerId,
      summary: `Deleted the requirement “${requirement.title}” for ${requirement.provider.name}${unlinked > 0 ? ` (${unlinked} of its goals now answer none)` : ''}`,
      before: fields(requirement),
    }),
  );
}

/**
 * Links (or unlinks) one of the provider's projects to a requirement set for it: the provider's
 * `goal.manage`. Audited when something changed.
 * @throws {DataError} `not_found` (the requirement; projectId), 401, 403.
 */
export async function setProjectLink(
  db: Database,
  principal: Principal,
  requirementId: string,
  projectId: string,
  linked: boolean,
): Promise<void> {
  const requirement = await requireReadableRequirement(db, principal, requirementId);
  requirePermission(principal, 'goal.manage', requirement.providerId);
  const [project] = await db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(
      and(
        eq(projects.id, requireUuid('projectId', projectId)),
        eq(projects.organisationId, requirement.providerId),
        projectVisibleTo(principal),
      ),
    );
  if (project === undefined) {
    throw new DataError('not_found', "no project of the requirement's provider has this id", {
      field: 'projectId',
    });
  }
  await db.transaction(async (tx) => {
    const changed = linked
      ? await linkProject(tx, requirement.id, project.id)
      : await unlinkProject(tx, requirement.id, project.id);
    if (!changed) return;
    await recordAudit(tx, principal, {
      action: linked ? 'requirement.link_project' : 'requirement.unlink_project',
      entityType: 'outcome_requirement',
      entityId: requirement.id,
      organisationId: requirement.providerId,
      summary: `${linked ? 'Linked' : 'Unlinked'} the project “${project.title}” ${linked ? 'to' : 'from'} the requirement “${requirement.title}”`,
      after: { projectId: project.id, linked },
    });
  });
}

/** Progress on a requirement as `principal` may see it. */
export interface RequirementProgress {
  readonly requirement: RequirementRow;
  /** The measure's name, where the reader may read the measure. */
  readonly measureName: string | null;
  /** The measure's data type (a proportion's target is 0–1), where the reader may read the measure. */
  readonly measureDataType: DataType | null;
  /**
   * The provider's organisation-level series of the measure judged against the requirement's
   * target and due date, where the reader may read it.
   */
  readonly measureProgress:
    ({ readonly seriesId: string; readonly judgement: GoalJudgement } & SeriesIcons) | null;
  readonly goals: JudgedGoal[];
  readonly projects: { id: string; title: string }[];
}

/** Whether `principal` sees an organisation's projects as its own people do. */
function seesOwnWork(principal: Principal, organisationId: string): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind === 'public') return false;
  return principal.platformAdmin || membershipIn(principal, organisationId) !== undefined;
}

/** A requirement with the progress `principal` may see. @throws {DataError} `not_found`. */
export async function requirementProgress(
  db: Database,
  principal: Principal,
  id: string,
  now: Date,
): Promise<RequirementProgress> {
  const requirement = await requireReadableRequirement(db, principal, id);
  const [measure] = await db
    .select({ name: measures.name, dataType: measures.dataType })
    .from(measures)
    .where(and(eq(measures.id, requirement.measureId), measureVisibleTo(principal)));
  const [series] = await db
    .select({ id: measureSeries.id })
    .from(measureSeries)
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .where(
      and(
        eq(measureSeries.measureId, requirement.measureId),
        eq(measureSeries.organisationId, requirement.providerId),
        isNull(measureSeries.unitId),
        seriesVisibleTo(principal),
      ),
    );
  let measureProgress: RequirementProgress['measureProgress'] = null;
  if (series !== undefined) {
    const result = await analysisOf(db, series.id);
    measureProgress = {
      seriesId: series.id,
      ...iconsOf(result),
      judgement: goalStatus({
        ...result,
        target: requirement.target,
        deadline: requirement.dueBy,
        today: isoDay(now),
        proportion: measure?.dataType === 'proportion',
      }),
    };
  }
  const goals = await requirementGoals(db, principal, requirement.id, now);
  const visible = seesOwnWork(principal, requirement.providerId)
    ? projectVisibleTo(principal)
    : PUBLISHED_PROJECT;
  return {
    requirement,
    measureName: measure?.name ?? null,
    measureDataType: measure?.dataType ?? null,
    measureProgress,
    goals: goals.map((goal) => ({ ...goal, parentGoalId: null, aimId: null })),
    projects: await projectsOfRequirement(db, requirement.id, visible),
  };
}
