/**
 * @module projects/pdsa
 * PDSA cycles: each tests one change idea of the project's driver diagram — the plan with its
 * prediction, what was done, what the data showed against the prediction, and the decision
 * (adopt, adapt or abandon, only once the study is written), with dates (ended on or after
 * started). The project's team and those who manage it record them (projects/access.ts); every
 * change is audited in its transaction. Cycles are numbered 1, 2, … in time order within the
 * project: by start (or planned start when not started), then when they were recorded.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { AuditInput } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { driverNodes, pdsaCycles } from '../db/schema.js';
import type { PdsaDecision } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireIsoDate, requireUuid } from '../validation.js';
import { requireProjectWorker, requireReadableProject } from './access.js';
import type { Project } from './access.js';
import { requireNode } from './driver-diagram.js';
import { touchProject } from './repository.js';

/** A cycle as stored. */
export type PdsaCycle = typeof pdsaCycles.$inferSelect;

/** A cycle with its number in the project and its change idea's text. */
export interface NumberedCycle extends PdsaCycle {
  readonly number: number;
  readonly changeIdea: string;
}

/** A cycle's fields (all optional in a change). */
export interface CycleFields {
  readonly changeIdeaId?: string | undefined;
  readonly title?: string | undefined;
  readonly plan?: string | undefined;
  readonly prediction?: string | undefined;
  readonly plannedStart?: string | null | undefined;
  readonly doNotes?: string | undefined;
  readonly startedOn?: string | null | undefined;
  readonly study?: string | undefined;
  readonly act?: string | undefined;
  readonly decision?: PdsaDecision | null | undefined;
  readonly endedOn?: string | null | undefined;
}

/** The date a cycle is shown at: its start, else its planned start. */
export function cycleDate(cycle: Pick<PdsaCycle, 'startedOn' | 'plannedStart'>): string | null {
  return cycle.startedOn ?? cycle.plannedStart;
}

/** A project's cycles in time order, numbered, whoever asks (callers check access first). */
export async function listCycles(db: Database, projectId: string): Promise<NumberedCycle[]> {
  const rows = await db
    .select({ cycle: pdsaCycles, changeIdea: driverNodes.text })
    .from(pdsaCycles)
    .innerJoin(driverNodes, eq(driverNodes.id, pdsaCycles.changeIdeaId))
    .where(eq(pdsaCycles.projectId, projectId))
    .orderBy(
      sql`coalesce(${pdsaCycles.startedOn}, ${pdsaCycles.plannedStart}) asc nulls last`,
      asc(pdsaCycles.createdAt),
      asc(pdsaCycles.id),
    );
  return rows.map((row, i) => ({ ...row.cycle, number: i + 1, changeIdea: row.changeIdea }));
}

/**
 * The cycles of a project `principal` may read.
 * @throws {DataError} `not_found` (also when hidden).
 */
export async function readableCycles(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<NumberedCycle[]> {
  const project = await requireReadableProject(db, principal, projectId);
  return listCycles(db, project.id);
}

function optionalDate(field: string, value: string | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : requireIsoDate(field, value);
}

/** The stored row a cycle would be after `fields`, checked: the rules a person can break. */
function checked(current: CycleFields, fields: CycleFields): CycleFields {
  const next: CycleFields = {
    ...current,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
  const title = (next.title ?? '').trim();
  if (title === '' || title.length > 300) {
    throw new DataError('invalid_input', 'title must be 1 to 300 characters', { field: 'title' });
  }
  const plannedStart = optionalDate('plannedStart', next.plannedStart);
  const startedOn = optionalDate('startedOn', next.startedOn);
  const endedOn = optionalDate('endedOn', next.endedOn);
  if (endedOn != null && startedOn != null && endedOn < startedOn) {
    throw new DataError(
      'invalid_input',
      `endedOn (${endedOn}) must be on or after startedOn (${startedOn})`,
      {
        field: 'endedOn',
      },
    );
  }
  if (endedOn != null && startedOn == null) {
    throw new DataError('invalid_input', 'endedOn needs startedOn: a cycle ends after it starts', {
      field: 'endedOn',
    });
  }
  if (next.decision != null && (next.study ?? '').trim() === '') {
    throw new DataError(
      'invalid_input',
      'decision needs the study first: write what the data showed, against the prediction',
      { field: 'decision' },
    );
  }
  return { ...next, title, plannedStart, startedOn, endedOn };
}

function values(fields: CycleFields): Partial<typeof pdsaCycles.$inferInsert> {
  return Object.fromEntries(
    Object.entries({
      changeIdeaId: fields.changeIdeaId,
      title: fields.title,
      plan: fields.plan,
      prediction: fields.prediction,
      plannedStart: fields.plannedStart,
      doNotes: fields.doNotes,
      startedOn: fields.startedOn,
      study: fields.study,
      act: fields.act,
      decision: fields.decision,
      endedOn: fields.endedOn,
    }).filter(([, v]) => v !== undefined),
  );
}

async function projectToWorkOn(db: Database, principal: Principal, projectId: string): Promise<Project> {
  const project = await requireReadableProject(db, principal, projectId);
  await requireProjectWorker(db, principal, project);
  return project;
}

async function requireChangeIdea(
  db: Database,
  projectId: string,
  id: string,
  field: string,
): Promise<string> {
  const node = await requireNode(db, projectId, id, field);
  if (node.kind !== 'change_idea') {
    throw new DataError(
      'invalid_input',
      `a PDSA cycle tests a change idea, not a ${node.kind.replace('_', ' ')} driver`,
      {
        field,
      },
    );
  }
  return node.id;
}

function cycleNotFound(): DataError {
  return new DataError('not_found', 'no PDSA cycle of this project has this id', { field: 'cycleId' });
}

async function requireCycle(db: Database, projectId: string, cycleId: string): Promise<PdsaCycle> {
  const [cycle] = await db
    .select()
    .from(pdsaCycles)
    .where(and(eq(pdsaCycles.id, requireUuid('cycleId', cycleId)), eq(pdsaCycles.projectId, projectId)));
  if (cycle === undefined) throw cycleNotFound();
  return cycle;
}

function record(
  project: Project,
  action: string,
  summary: string,
  before?: unknown,
  after?: unknown,
): AuditInput {
  return {
    action: `project.cycle_${action}`,
    entityType: 'project',
    entityId: project.id,
    organisationId: project.organisationId,
    summary: `${summary} (project ${project.title})`,
    before,
    after,
  };
}

const auditView = (cycle: PdsaCycle): Record<string, unknown> => ({
  id: cycle.id,
  changeIdeaId: cycle.changeIdeaId,
  title: cycle.title,
  plannedStart: cycle.plannedStart,
  startedOn: cycle.startedOn,
  decision: cycle.decision,
  endedOn: cycle.endedOn,
});

/**
 * Records a cycle testing a change idea.
 * @throws {DataError} `not_found` (project, change idea), `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function addCycle(
  db: Database,
  principal: Principal,
  projectId: string,
  changeIdeaId: string,
  fields: CycleFields,
): Promise<PdsaCycle> {
  const project = await projectToWorkOn(db, principal, projectId);
  const ideaId = await requireChangeIdea(db, project.id, changeIdeaId, 'nodeId');
  const input = checked({}, { ...fields, changeIdeaId: ideaId });
  return audited(
    db,
    principal,
    async (tx) => {
      const [cycle] = await tx
        .insert(pdsaCycles)
        .values({
          ...values(input),
          projectId: project.id,
          changeIdeaId: ideaId,
          title: input.title!,
          createdBy: principal.kind === 'user' ? principal.userId : null,
        })
        .returning();
      await touchProject(tx, project.id);
      return cycle!;
    },
    (cycle) =>
      record(project, 'create', `Recorded the PDSA cycle “${cycle.title}”`, undefined, auditView(cycle)),
  );
}

/**
 * Changes a cycle (the rules are checked on the cycle as it would be).
 * @throws {DataError} `not_found`, `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function changeCycle(
  db: Database,
  principal: Principal,
  projectId: string,
  cycleId: string,
  fields: CycleFields,
): Promise<PdsaCycle> {
  const project = await projectToWorkOn(db, principal, projectId);
  const current = await requireCycle(db, project.id, cycleId);
  if (fields.changeIdeaId !== undefined) {
    await requireChangeIdea(db, project.id, fields.changeIdeaId, 'changeIdeaId');
  }
  const next = checked(current, fields);
  return audited(
    db,
    principal,
    async (tx) => {
      const [cycle] = await tx
        .update(pdsaCycles)
        .set({
          ...values(next),
          updatedAt: sql`greatest(now(), ${pdsaCycles.updatedAt} + interval '1 microsecond')`,
        })
        .where(eq(pdsaCycles.id, current.id))
        .returning();
      await touchProject(tx, project.id);
      return cycle!;
    },
    (cycle) =>
      record(
        project,
        'update',
        current.decision !== cycle.decision && cycle.decision !== null
          ? `Decided to ${cycle.decision} after the PDSA cycle “${cycle.title}”`
          : `Changed the PDSA cycle “${cycle.title}”`,
        auditView(current),
        auditView(cycle),
      ),
  );
}

/**
 * Deletes a cycle.
 * @throws {DataError} `not_found`, `unauthenticated`, `forbidden`.
 */
export async function deleteCycle(
  db: Database,
  principal: Principal,
  projectId: string,
  cycleId: string,
): Promise<void> {
  const project = await projectToWorkOn(db, principal, projectId);
  const current = await requireCycle(db, project.id, cycleId);
  await audited(
    db,
    principal,
    async (tx) => {
      await tx.delete(pdsaCycles).where(eq(pdsaCycles.id, current.id));
      await touchProject(tx, project.id);
    },
    () => record(project, 'delete', `Deleted the PDSA cycle “${current.title}”`, auditView(current)),
  );
}

/** One cycle of a readable project, numbered. */
export async function numberedCycle(
  db: Database,
  projectId: string,
  cycleId: string,
): Promise<NumberedCycle> {
  const cycle = (await listCycles(db, projectId)).find((c) => c.id === cycleId);
  if (cycle === undefined) throw cycleNotFound();
  return cycle;
}
