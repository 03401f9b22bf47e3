/**
 * @module goals/service
 * Strategic aims and goals as a person may see and change them. A goal's status is derived on
 * every read from the SPC analysis of its series (the analysis `GET /series/:id/analysis` makes)
 * by goals/status.ts, never stored. Reads filter with the visibility conditions of goals/access.ts;
 * changes check the permission, and are audited in the same transaction. Nothing here knows HTTP.
 */
import { and, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { SpcInputError } from '@groundswell/spc';
import type { AssuranceIcon, SpcAnalysis, VariationIcon } from '@groundswell/spc';
import { analyseSeries } from '../analysis/service.js';
import { audited } from '../audit/audited.js';
import { requirePermission } from '../auth/require.js';
import type { Principal } from '../auth/principal.js';
import { goals, measures, measureSeries, outcomeRequirements } from '../db/schema.js';
import type { Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { seriesVisibleTo } from '../series/access.js';
import { listUnits } from '../units/repository.js';
import { requireUuid } from '../validation.js';
import {
  aimNotFound,
  aimVisibleTo,
  goalNotFound,
  goalVisibleTo,
  projectVisibleTo,
  requireGoalManager,
} from './access.js';
import {
  deleteAim,
  deleteGoal,
  getAim,
  goalParents,
  insertAim,
  insertGoal,
  listAims,
  projectsOfGoals,
  readGoals,
  updateAim,
  updateGoal,
} from './repository.js';
import type { Aim, AimPatch, Goal, GoalPatch, GoalRow, NewAim } from './repository.js';
import { goalStatus } from './status.js';
import type { GoalJudgement } from './status.js';

/** Today's date (UTC) as `YYYY-MM-DD`. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Status

/** A series' analysis, or why there is none. */
export interface SeriesAnalysisResult {
  readonly analysis: SpcAnalysis | null;
  readonly failure?: string | undefined;
}

/** Analyses a series as its measure asks (the engine's refusal is kept, not thrown). */
export async function analysisOf(db: Database, seriesId: string): Promise<SeriesAnalysisResult> {
  try {
    const { analysis } = await analyseSeries(db, seriesId);
    return analysis.columns.values.length === 0 ? { analysis: null } : { analysis };
  } catch (error) {
    if (error instanceof SpcInputError) return { analysis: null, failure: error.message };
    throw error;
  }
}

/** The series' own icons and latest point, as the dashboard shows them. */
export interface SeriesIcons {
  readonly variation: VariationIcon;
  readonly assurance: AssuranceIcon | null;
  readonly latest: { readonly period: string; readonly value: number } | null;
}

/** The icons and latest point of an analysis. */
export function iconsOf(result: SeriesAnalysisResult): SeriesIcons {
  const analysis = result.analysis;
  if (analysis === null) return { variation: 'none', assurance: null, latest: null };
  const { values, periods } = analysis.columns;
  const last = values.length - 1;
  return {
    variation: analysis.summary.variation,
    assurance: analysis.summary.assurance,
    latest: last < 0 ? null : { period: String(periods?.[last] ?? last), value: values[last]! },
  };
}

/** A goal with its status and its series' icons. */
export interface JudgedGoal extends GoalRow, SeriesIcons {
  readonly judgement: GoalJudgement;
}

/** Works out the status of each goal (each series analysed once). */
export async function judgeGoals(db: Database, rows: readonly GoalRow[], now: Date): Promise<JudgedGoal[]> {
  const today = isoDay(now);
  const results = new Map<string, SeriesAnalysisResult>();
  // One series after another: inside a transaction there is one connection.
  for (const row of rows) {
    if (!results.has(row.seriesId)) results.set(row.seriesId, await analysisOf(db, row.seriesId));
  }
  return rows.map((row) => {
    const result = results.get(row.seriesId)!;
    return {
      ...row,
      ...iconsOf(result),
      judgement: goalStatus({
        ...result,
        target: row.target,
        deadline: row.deadline,
        today,
        proportion: row.dataType === 'proportion',
      }),
    };
  });
}

/** A goal and the goals that serve it. */
export interface GoalNode extends JudgedGoal {
  readonly children: GoalNode[];
}

/** Nests goals under their parents (in the order given); a goal whose parent is not among them is at the top. */
export function goalTree(list: readonly JudgedGoal[]): GoalNode[] {
  const ids = new Set(list.map((goal) => goal.id));
  const children = new Map<string | null, JudgedGoal[]>();
  for (const goal of list) {
    const parent = goal.parentGoalId !== null && ids.has(goal.parentGoalId) ? goal.parentGoalId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(goal);
    children.set(parent, siblings);
  }
  const nest = (goal: JudgedGoal): GoalNode => ({
    ...goal,
    children: (children.get(goal.id) ?? []).map(nest),
  });
  return (children.get(null) ?? []).map(nest);
}

// ---------------------------------------------------------------------------------------------
// Units

/** A function from a unit to itself and every unit above it, for an organisation. */
async function unitAncestry(
  db: Database,
  organisationId: string,
): Promise<{ ancestors: (unitId: string) => string[]; names: Map<string, string> }> {
  const list = await listUnits(db, organisationId);
  const parents = new Map(list.map((unit) => [unit.id, unit.parentId]));
  const names = new Map(list.map((unit) => [unit.id, unit.name]));
  const ancestors = (unitId: string): string[] => {
    const chain: string[] = [];
    for (
      let id: string | null | undefined = unitId;
      id != null && !chain.includes(id);
      id = parents.get(id)
    ) {
      chain.push(id);
    }
    return chain;
  };
  return { ancestors, names };
}

// ---------------------------------------------------------------------------------------------
// Aims

/** An organisation's aims that `principal` may read. */
export function readableAims(db: Database, principal: Principal, organisationId: string): Promise<Aim[]> {
  return listAims(db, organisationId, aimVisibleTo(principal));
}

/** An aim of the organisation that `principal` may read. @throws {DataError} `not_found`. */
async function requireReadableAim(
  db: Database,
  principal: Principal,
  organisationId: string,
  id: string,
  field = 'id',
): Promise<Aim> {
  const aim = await getAim(db, organisationId, requireUuid(field, id), aimVisibleTo(principal));
  if (aim === undefined) throw aimNotFound(field);
  return aim;
}

const aimFields = (aim: Aim): Record<string, unknown> => ({
  title: aim.title,
  description: aim.description,
  position: aim.position,
  visibility: aim.visibility,
});

/** Adds a strategic aim (`goal.manage`), audited. */
export async function addAim(db: Database, principal: Principal, input: NewAim): Promise<Aim> {
  requirePermission(principal, 'goal.manage', input.organisationId);
  return audited(
    db,
    principal,
    (tx) => insertAim(tx, input),
    (aim) => ({
      action: 'aim.create',
      entityType: 'strategic_aim',
      entityId: aim.id,
      organisationId: aim.organisationId,
      summary: `Added the strategic aim “${aim.title}”`,
      after: aimFields(aim),
    }),
  );
}

/** Changes an aim the person may read (`goal.manage`), audited with before and after. */
export async function changeAim(
  db: Database,
  principal: Principal,
  organisationId: string,
  id: string,
  patch: AimPatch,
): Promise<Aim> {
  const before = await requireReadableAim(db, principal, organisationId, id);
  requirePermission(principal, 'goal.manage', organisationId);
  return audited(
    db,
    principal,
    (tx) => updateAim(tx, before.id, patch),
    (aim) => ({
      action: 'aim.update',
      entityType: 'strategic_aim',
      entityId: aim.id,
      organisationId,
      summary: `Changed the strategic aim “${aim.title}”`,
      before: aimFields(before),
      after: aimFields(aim),
    }),
  );
}

/** Deletes an aim the person may read (`goal.manage`); its goals stay, under no aim. Audited. */
export async function removeAim(
  db: Database,
  principal: Principal,
  organisationId: string,
  id: string,
): Promise<void> {
  const aim = await requireReadableAim(db, principal, organisationId, id);
  requirePermission(principal, 'goal.manage', organisationId);
  await audited(
    db,
    principal,
    (tx) => deleteAim(tx, aim.id),
    (unlinked) => ({
      action: 'aim.delete',
      entityType: 'strategic_aim',
      entityId: aim.id,
      organisationId,
      summary: `Deleted the strategic aim “${aim.title}”${unlinked > 0 ? ` (${unlinked} goals now under no aim)` : ''}`,
      before: aimFields(aim),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Goals

/** The goals `principal` may read that also pass `where`. */
export function readableGoals(db: Database, principal: Principal, where?: SQL): Promise<GoalRow[]> {
  return readGoals(db, and(goalVisibleTo(principal), where));
}

/** What to list. */
export interface GoalFilter {
  /** Goals of this unit and its sub-units. */
  readonly unitId?: string | undefined;
  /** Goals under this aim. */
  readonly aimId?: string | undefined;
}

/** A list of goals with their status, and the same goals as the cascade. */
export interface GoalListing {
  readonly items: JudgedGoal[];
  readonly tree: GoalNode[];
  /** The projects serving each listed goal that the reader may read, by goal id (goals with none left out). */
  readonly projects: Map<string, { id: string; title: string }[]>;
}

/** Hides references to goals and aims the reader may not see (they read as none). */
function withoutHidden(
  goal: JudgedGoal,
  goalIds: ReadonlySet<string>,
  aimIds: ReadonlySet<string>,
): JudgedGoal {
  return {
    ...goal,
    parentGoalId: goal.parentGoalId !== null && goalIds.has(goal.parentGoalId) ? goal.parentGoalId : null,
    aimId: goal.aimId !== null && aimIds.has(goal.aimId) ? goal.aimId : null,
  };
}

/** An organisation's goals that `principal` may read, filtered, with their status and tree. */
export async function listGoals(
  db: Database,
  principal: Principal,
  organisationId: string,
  filter: GoalFilter,
  now: Date,
): Promise<GoalListing> {
  const all = await readableGoals(db, principal, eq(goals.organisationId, organisationId));
  const aims = new Set((await readableAims(db, principal, organisationId)).map((aim) => aim.id));
  const visibleIds = new Set(all.map((goal) => goal.id));
  let rows = all;
  if (filter.unitId !== undefined) {
    const { ancestors } = await unitAncestry(db, organisationId);
    const unitId = filter.unitId;
    rows = rows.filter((goal) => goal.unitId !== null && ancestors(goal.unitId).includes(unitId));
  }
  if (filter.aimId !== undefined)
    rows = rows.filter((goal) => goal.aimId === filter.aimId && aims.has(goal.aimId));
  const items = (await judgeGoals(db, rows, now)).map((goal) => withoutHidden(goal, visibleIds, aims));
  const projects = await projectsOfGoals(
    db,
    items.map((goal) => goal.id),
    projectVisibleTo(principal),
  );
  return { items, tree: goalTree(items), projects };
}

/** A unit's goals (its own and its sub-units') as a tree, and the goals above them that they serve. */
export interface UnitGoals {
  readonly unit: { readonly id: string; readonly name: string };
  readonly tree: GoalNode[];
  readonly serves: JudgedGoal[];
}

/** The goals of a unit of the organisation. @throws {DataError} `not_found` (field `unitId`). */
export async function unitGoals(
  db: Database,
  principal: Principal,
  organisationId: string,
  unitId: string,
  now: Date,
): Promise<UnitGoals> {
  const { ancestors, names } = await unitAncestry(db, organisationId);
  const name = names.get(unitId);
  if (name === undefined)
    throw new DataError('not_found', 'no unit of this organisation has this id', { field: 'unitId' });
  const all = await readableGoals(db, principal, eq(goals.organisationId, organisationId));
  const aims = new Set((await readableAims(db, principal, organisationId)).map((aim) => aim.id));
  const byId = new Map(all.map((goal) => [goal.id, goal]));
  const own = all.filter((goal) => goal.unitId !== null && ancestors(goal.unitId).includes(unitId));
  const ownIds = new Set(own.map((goal) => goal.id));
  const above: GoalRow[] = [];
  for (const goal of own) {
    for (let parent = goal.parentGoalId; parent !== null;) {
      const row = byId.get(parent);
      if (row === undefined || ownIds.has(row.id) || above.includes(row)) break;
      above.push(row);
      parent = row.parentGoalId;
    }
  }
  const visibleIds = new Set(byId.keys());
  const judged = (await judgeGoals(db, [...own, ...above], now)).map((goal) =>
    withoutHidden(goal, visibleIds, aims),
  );
  return {
    unit: { id: unitId, name },
    tree: goalTree(judged.slice(0, own.length)),
    serves: judged.slice(own.length).sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** A goal with its aim, parent, sub-goals and linked projects. */
export interface GoalDetail extends JudgedGoal {
  readonly aim: { readonly id: string; readonly title: string } | null;
  readonly parent: { readonly id: string; readonly title: string } | null;
  readonly children: JudgedGoal[];
  readonly projects: { readonly id: string; readonly title: string }[];
}

/** A goal `principal` may read. @throws {DataError} `not_found` (hidden or unknown alike). */
export async function requireReadableGoal(
  db: Database,
  principal: Principal,
  id: string,
  field = 'id',
): Promise<GoalRow> {
  const [row] = await readableGoals(db, principal, eq(goals.id, requireUuid(field, id)));
  if (row === undefined) throw goalNotFound(field);
  return row;
}

/** One goal with its status, aim, parent, sub-goals and projects, as `principal` may see them. */
export async function goalDetail(
  db: Database,
  principal: Principal,
  id: string,
  now: Date,
): Promise<GoalDetail> {
  const row = await requireReadableGoal(db, principal, id);
  const [judged] = await judgeGoals(db, [row], now);
  const parent =
    row.parentGoalId === null
      ? undefined
      : (await readableGoals(db, principal, eq(goals.id, row.parentGoalId)))[0];
  const aim =
    row.aimId === null ? undefined : await getAim(db, row.organisationId, row.aimId, aimVisibleTo(principal));
  const children = await judgeGoals(
    db,
    await readableGoals(db, principal, eq(goals.parentGoalId, row.id)),
    now,
  );
  const projects = (await projectsOfGoals(db, [row.id], projectVisibleTo(principal))).get(row.id) ?? [];
  return {
    ...judged!,
    parentGoalId: parent?.id ?? null,
    aimId: aim?.id ?? null,
    aim: aim === undefined ? null : { id: aim.id, title: aim.title },
    parent: parent === undefined ? null : { id: parent.id, title: parent.title },
    children,
    projects,
  };
}

/** What a new goal is made from (the request's fields). */
export interface GoalInput {
  readonly seriesId: string;
  readonly title: string;
  readonly target: number;
  readonly deadline: string;
  readonly unitId?: string | null | undefined;
  readonly aimId?: string | null | undefined;
  readonly parentGoalId?: string | null | undefined;
  readonly requirementId?: string | null | undefined;
  readonly visibility?: Visibility | undefined;
}

/** Checks the references of a goal of `unitId` in `organisationId` (each 404 names its field). */
async function checkReferences(
  db: Database,
  principal: Principal,
  organisationId: string,
  unitId: string | null,
  refs: {
    aimId?: string | null | undefined;
    parentGoalId?: string | null | undefined;
    requirementId?: string | null | undefined;
  },
  ancestors: (unitId: string) => string[],
  self?: string,
): Promise<void> {
  if (refs.aimId != null) await requireReadableAim(db, principal, organisationId, refs.aimId, 'aimId');
  if (refs.parentGoalId != null) {
    const parent = await requireReadableGoal(db, principal, refs.parentGoalId, 'parentGoalId');
    if (parent.organisationId !== organisationId) throw goalNotFound('parentGoalId');
    if (parent.unitId !== null && (unitId === null || !ancestors(unitId).includes(parent.unitId))) {
      throw new DataError(
        'invalid_input',
        "parentGoalId must be a goal of the organisation as a whole, or of this goal's unit or a unit above it",
        { field: 'parentGoalId' },
      );
    }
    if (self !== undefined) {
      const parents = await goalParents(db, organisationId);
      const seen = new Set<string>();
      for (let id: string | null | undefined = parent.id; id != null && !seen.has(id); id = parents.get(id)) {
        if (id === self) {
          throw new DataError('conflict', 'a goal cannot serve itself or one of the goals that serve it', {
            field: 'parentGoalId',
          });
        }
        seen.add(id);
      }
    }
  }
  if (refs.requirementId != null) {
    const [requirement] = await db
      .select({ id: outcomeRequirements.id })
      .from(outcomeRequirements)
      .where(
        and(
          eq(outcomeRequirements.id, requireUuid('requirementId', refs.requirementId)),
          eq(outcomeRequirements.providerId, organisationId),
        ),
      );
    if (requirement === undefined) {
      throw new DataError('not_found', 'no requirement set for this organisation has this id', {
        field: 'requirementId',
      });
    }
  }
}

const goalFields = (goal: Goal): Record<string, unknown> => ({
  title: goal.title,
  seriesId: goal.seriesId,
  unitId: goal.unitId,
  target: goal.target,
  deadline: goal.deadline,
  aimId: goal.aimId,
  parentGoalId: goal.parentGoalId,
  requirementId: goal.requirementId,
  visibility: goal.visibility,
});

/**
 * Adds a goal on a series of the organisation (`goal.manage`, or the unit's lead), audited. The
 * goal's unit is its series' unit.
 * @throws {DataError} `not_found` (seriesId, aimId, parentGoalId, requirementId), `invalid_input`
 * (unitId other than the series' unit; a parent of another branch of units), 401, 403.
 */
export async function addGoal(
  db: Database,
  principal: Principal,
  organisationId: string,
  input: GoalInput,
): Promise<Goal> {
  const [series] = await db
    .select({ id: measureSeries.id, unitId: measureSeries.unitId })
    .from(measureSeries)
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .where(
      and(
        eq(measureSeries.id, requireUuid('seriesId', input.seriesId)),
        eq(measureSeries.organisationId, organisationId),
        seriesVisibleTo(principal),
      ),
    );
  if (series === undefined) {
    throw new DataError('not_found', 'no series of this organisation has this id', { field: 'seriesId' });
  }
  if (input.unitId !== undefined && input.unitId !== series.unitId) {
    throw new DataError(
      'invalid_input',
      "unitId must be the series' unit (a goal's unit is always its series'; leave it out to use it)",
      { field: 'unitId' },
    );
  }
  const { ancestors } = await unitAncestry(db, organisationId);
  requireGoalManager(principal, organisationId, series.unitId, ancestors);
  await checkReferences(db, principal, organisationId, series.unitId, input, ancestors);
  return audited(
    db,
    principal,
    (tx) =>
      insertGoal(tx, {
        organisationId,
        unitId: series.unitId,
        seriesId: series.id,
        aimId: input.aimId ?? null,
        parentGoalId: input.parentGoalId ?? null,
        requirementId: input.requirementId ?? null,
        title: input.title,
        target: input.target,
        deadline: input.deadline,
        visibility: input.visibility ?? 'internal',
        createdBy: principal.kind === 'user' ? principal.userId : null,
      }),
    (goal) => ({
      action: 'goal.create',
      entityType: 'goal',
      entityId: goal.id,
      organisationId,
      summary: `Added the goal “${goal.title}” (target ${goal.target} by ${goal.deadline})`,
      after: goalFields(goal),
    }),
  );
}

/** Changes a goal the person may read (its manager), audited with before and after. */
export async function changeGoal(
  db: Database,
  principal: Principal,
  id: string,
  patch: GoalPatch,
): Promise<Goal> {
  const before = await requireReadableGoal(db, principal, id);
  const { ancestors } = await unitAncestry(db, before.organisationId);
  requireGoalManager(principal, before.organisationId, before.unitId, ancestors);
  await checkReferences(db, principal, before.organisationId, before.unitId, patch, ancestors, before.id);
  return audited(
    db,
    principal,
    (tx) => updateGoal(tx, before.id, patch),
    (goal) => ({
      action: 'goal.update',
      entityType: 'goal',
      entityId: goal.id,
      organisationId: goal.organisationId,
      summary: `Changed the goal “${goal.title}”`,
      before: goalFields(before),
      after: goalFields(goal),
    }),
  );
}

/** Deletes a goal the person may read (its manager); the goals serving it move up. Audited. */
export async function removeGoal(db: Database, principal: Principal, id: string): Promise<void> {
  const goal = await requireReadableGoal(db, principal, id);
  const { ancestors } = await unitAncestry(db, goal.organisationId);
  requireGoalManager(principal, goal.organisationId, goal.unitId, ancestors);
  await audited(
    db,
    principal,
    (tx) => deleteGoal(tx, goal),
    (moved) => ({
      action: 'goal.delete',
      entityType: 'goal',
      entityId: goal.id,
      organisationId: goal.organisationId,
      summary: `Deleted the goal “${goal.title}”${moved > 0 ? ` (${moved} goals serving it moved up)` : ''}`,
      before: goalFields(goal),
    }),
  );
}

/** The goals of `organisationId` linked to a requirement that `principal` may read, with their status. */
export async function requirementGoals(
  db: Database,
  principal: Principal,
  requirementId: string,
  now: Date,
): Promise<JudgedGoal[]> {
  return judgeGoals(db, await readableGoals(db, principal, eq(goals.requirementId, requirementId)), now);
}
