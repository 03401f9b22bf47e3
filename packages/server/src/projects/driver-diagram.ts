/**
 * @module projects/driver-diagram
 * A project's driver diagram: its aim, then primary drivers, secondary drivers and change ideas
 * (boxes in columns, each in its own order), and the lines between them (primary → secondary,
 * secondary → change idea, within the project). The project's team and those who manage it
 * change it (projects/access.ts); every change is audited in its transaction. Positions in a
 * column are always 0, 1, 2, … : adding, removing and reordering rewrite them in one statement.
 */
import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import { recordAudit } from '../audit/repository.js';
import type { AuditInput } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { driverLinks, driverNodes, pdsaCycles } from '../db/schema.js';
import { DRIVER_KINDS } from '../db/schema/vocabulary.js';
import type { DriverKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';
import { requireProjectWorker, requireReadableProject } from './access.js';
import type { Project } from './access.js';
import { lockProject, touchProject } from './repository.js';

/** A box as stored. */
export type DriverNode = typeof driverNodes.$inferSelect;

/** A box with the number of PDSA cycles testing it. */
export interface DiagramNode {
  readonly id: string;
  readonly kind: DriverKind;
  readonly text: string;
  readonly position: number;
  readonly cycles: number;
}

/** A project's driver diagram. */
export interface Diagram {
  readonly aim: string;
  readonly columns: Readonly<Record<DriverKind, readonly DiagramNode[]>>;
  readonly links: readonly { readonly fromId: string; readonly toId: string }[];
}

/** Where a line may go: from a primary driver to a secondary one, from a secondary to a change idea. */
const LINKS_TO: Readonly<Record<DriverKind, DriverKind | null>> = {
  primary: 'secondary',
  secondary: 'change_idea',
  change_idea: null,
};

const KIND_WORDS: Readonly<Record<DriverKind, string>> = {
  primary: 'primary driver',
  secondary: 'secondary driver',
  change_idea: 'change idea',
};

/** The aim statement in one line: what, how much, by when (the title when there is no aim yet). */
export function aimLine(project: Project): string {
  const parts = [project.aimWhat.trim(), project.aimHowMuch.trim()];
  if (project.aimByWhen !== null) parts.push(`by ${project.aimByWhen}`);
  const line = parts.filter((part) => part !== '').join(' ');
  return line === '' ? project.title : line;
}

/** A project's diagram, whoever asks (callers check access first). */
export async function diagramOf(db: Database, project: Project): Promise<Diagram> {
  const nodes = await db
    .select({
      id: driverNodes.id,
      kind: driverNodes.kind,
      text: driverNodes.text,
      position: driverNodes.position,
      cycles: sql<number>`(select count(*)::int from ${pdsaCycles} where ${pdsaCycles.changeIdeaId} = ${sql.raw('"driver_nodes"."id"')})`,
    })
    .from(driverNodes)
    .where(eq(driverNodes.projectId, project.id))
    .orderBy(asc(driverNodes.position), asc(driverNodes.createdAt), asc(driverNodes.id));
  const links = await db
    .select({ fromId: driverLinks.fromId, toId: driverLinks.toId })
    .from(driverLinks)
    .where(eq(driverLinks.projectId, project.id))
    .orderBy(asc(driverLinks.fromId), asc(driverLinks.toId));
  const columns = Object.fromEntries(
    DRIVER_KINDS.map((kind) => [kind, nodes.filter((node) => node.kind === kind)]),
  ) as Record<DriverKind, DiagramNode[]>;
  // Lines in the order of the boxes they join, as the diagram is read.
  const order = new Map(DRIVER_KINDS.flatMap((kind) => columns[kind]).map((node, i) => [node.id, i]));
  const sorted = [...links].sort(
    (a, b) => order.get(a.fromId)! - order.get(b.fromId)! || order.get(a.toId)! - order.get(b.toId)!,
  );
  return { aim: aimLine(project), columns, links: sorted };
}

/**
 * The diagram of a project `principal` may read.
 * @throws {DataError} `not_found` (also when hidden).
 */
export async function readableDiagram(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<{ project: Project; diagram: Diagram }> {
  const project = await requireReadableProject(db, principal, projectId);
  return { project, diagram: await diagramOf(db, project) };
}

async function projectToWorkOn(db: Database, principal: Principal, projectId: string): Promise<Project> {
  const project = await requireReadableProject(db, principal, projectId);
  await requireProjectWorker(db, principal, project);
  return project;
}

function nodeNotFound(field: string): DataError {
  return new DataError('not_found', 'no box of this project’s driver diagram has this id', { field });
}

/** The box of this project, else `not_found`. */
export async function requireNode(
  db: Database,
  projectId: string,
  id: string,
  field: string,
): Promise<DriverNode> {
  const [node] = await db
    .select()
    .from(driverNodes)
    .where(and(eq(driverNodes.id, requireUuid(field, id)), eq(driverNodes.projectId, projectId)));
  if (node === undefined) throw nodeNotFound(field);
  return node;
}

/** Rewrites a column's positions as 0, 1, 2, … in their current order. */
async function renumber(db: Database, projectId: string, kind: DriverKind): Promise<void> {
  await db.execute(sql`
    update ${driverNodes} set position = ranked.rn - 1
    from (
      select id, row_number() over (order by position, created_at, id) as rn
      from ${driverNodes} where project_id = ${projectId} and kind = ${kind}
    ) as ranked
    where ${driverNodes}.id = ranked.id and ${driverNodes}.position <> ranked.rn - 1`);
}

/** The audit record of a diagram change. */
function diagramAudit(project: Project, action: string, summary: string, after?: unknown): AuditInput {
  return {
    action: `project.diagram_${action}`,
    entityType: 'project',
    entityId: project.id,
    organisationId: project.organisationId,
    summary: `${summary} (project ${project.title})`,
    after,
  };
}

/** What a new box is. */
export interface NewNode {
  readonly kind: DriverKind;
  readonly text: string;
  /** Its place in its column (0: first); default last. */
  readonly position?: number | undefined;
  /** A box to draw a line from to the new one. */
  readonly linkFrom?: string | undefined;
}

function checkLink(from: DriverNode, to: DriverNode): void {
  if (LINKS_TO[from.kind] !== to.kind) {
    const allowed =
      'a line goes from a primary driver to a secondary driver, or from a secondary driver to a change idea';
    throw new DataError(
      'invalid_input',
      `${allowed}: not from a ${KIND_WORDS[from.kind]} to a ${KIND_WORDS[to.kind]}`,
      { field: 'toId', reason: 'link_kinds' },
    );
  }
}

/**
 * Adds a box to a column (at `position`, the others moving down), optionally with a line to it.
 * @throws {DataError} `not_found`, `unauthenticated`, `forbidden`, `invalid_input`.
 */
export async function addNode(
  db: Database,
  principal: Principal,
  projectId: string,
  input: NewNode,
): Promise<DriverNode> {
  const project = await projectToWorkOn(db, principal, projectId);
  const text = input.text.trim();
  if (text === '' || text.length > 500) {
    throw new DataError('invalid_input', 'text must be 1 to 500 characters', { field: 'text' });
  }
  return audited(
    db,
    principal,
    async (tx) => {
      await lockProject(tx, project.id);
      const from =
        input.linkFrom === undefined
          ? undefined
          : await requireNode(tx, project.id, input.linkFrom, 'linkFrom');
      if (from !== undefined && LINKS_TO[from.kind] !== input.kind) {
        throw new DataError(
          'invalid_input',
          `a line goes from a primary driver to a secondary driver, or from a secondary driver to a change idea: not from a ${KIND_WORDS[from.kind]} to a ${KIND_WORDS[input.kind]}`,
          { field: 'linkFrom', reason: 'link_kinds' },
        );
      }
      const [{ n } = { n: 0 }] = await tx
        .select({ n: count() })
        .from(driverNodes)
        .where(and(eq(driverNodes.projectId, project.id), eq(driverNodes.kind, input.kind)));
      const position = Math.min(input.position ?? n, n);
      if (position < n) {
        await tx
          .update(driverNodes)
          .set({ position: sql`${driverNodes.position} + 1` })
          .where(
            and(
              eq(driverNodes.projectId, project.id),
              eq(driverNodes.kind, input.kind),
              gte(driverNodes.position, position),
            ),
          );
      }
      const [node] = await tx
        .insert(driverNodes)
        .values({ projectId: project.id, kind: input.kind, text, position })
        .returning();
      if (from !== undefined) {
        await tx.insert(driverLinks).values({ projectId: project.id, fromId: from.id, toId: node!.id });
      }
      await touchProject(tx, project.id);
      return node!;
    },
    (node) =>
      diagramAudit(project, 'add', `Added the ${KIND_WORDS[node.kind]} “${node.text}”`, {
        id: node.id,
        kind: node.kind,
        text: node.text,
        position: node.position,
        linkFrom: input.linkFrom ?? null,
      }),
  );
}

/**
 * Changes a box's text.
 * @throws {DataError} `not_found`, `unauthenticated`, `forbidden`, `invalid_input`.
 */
export async function editNode(
  db: Database,
  principal: Principal,
  projectId: string,
  nodeId: string,
  text: string,
): Promise<DriverNode> {
  const project = await projectToWorkOn(db, principal, projectId);
  const before = await requireNode(db, project.id, nodeId, 'nodeId');
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 500) {
    throw new DataError('invalid_input', 'text must be 1 to 500 characters', { field: 'text' });
  }
  return db.transaction(async (tx) => {
    const [node] = await tx
      .update(driverNodes)
      .set({ text: trimmed, updatedAt: new Date() })
      .where(eq(driverNodes.id, before.id))
      .returning();
    await touchProject(tx, project.id);
    const record = diagramAudit(
      project,
      'edit',
      `Changed the ${KIND_WORDS[before.kind]} “${before.text}” to “${trimmed}”`,
      {
        id: before.id,
        text: trimmed,
      },
    );
    await recordAudit(tx, principal, { ...record, before: { id: before.id, text: before.text } });
    return node!;
  });
}

/**
 * Removes a box and its lines; a change idea that PDSA cycles test is refused (409): remove or
 * move its cycles first.
 * @throws {DataError} `not_found`, `unauthenticated`, `forbidden`, `conflict`.
 */
export async function removeNode(
  db: Database,
  principal: Principal,
  projectId: string,
  nodeId: string,
): Promise<void> {
  const project = await projectToWorkOn(db, principal, projectId);
  const node = await requireNode(db, project.id, nodeId, 'nodeId');
  await audited(
    db,
    principal,
    async (tx) => {
      await lockProject(tx, project.id);
      const [{ n } = { n: 0 }] = await tx
        .select({ n: count() })
        .from(pdsaCycles)
        .where(eq(pdsaCycles.changeIdeaId, node.id));
      if (n > 0) {
        throw new DataError(
          'conflict',
          `this change idea has ${n} PDSA ${n === 1 ? 'cycle' : 'cycles'}: delete them or move them to another change idea before removing it`,
          { field: 'nodeId', reason: 'has_cycles' },
        );
      }
      await tx.delete(driverNodes).where(eq(driverNodes.id, node.id));
      await renumber(tx, project.id, node.kind);
      await touchProject(tx, project.id);
    },
    () => diagramAudit(project, 'remove', `Removed the ${KIND_WORDS[node.kind]} “${node.text}”`, undefined),
  );
}

/**
 * Puts a column's boxes in a new order: `ids` must be every box of the column, each once. The
 * positions are rewritten in one statement.
 * @throws {DataError} `not_found`, `unauthenticated`, `forbidden`, `invalid_input`.
 */
export async function reorderColumn(
  db: Database,
  principal: Principal,
  projectId: string,
  kind: DriverKind,
  ids: readonly string[],
): Promise<void> {
  const project = await projectToWorkOn(db, principal, projectId);
  const wanted = ids.map((id, i) => requireUuid(`ids[${i}]`, id));
  await audited(
    db,
    principal,
    async (tx) => {
      await lockProject(tx, project.id);
      const column = await tx
        .select({ id: driverNodes.id })
        .from(driverNodes)
        .where(and(eq(driverNodes.projectId, project.id), eq(driverNodes.kind, kind)))
        .orderBy(asc(driverNodes.position))
        .for('update');
      const have = new Set(column.map((node) => node.id));
      const unique = new Set(wanted);
      if (unique.size !== wanted.length || unique.size !== have.size || wanted.some((id) => !have.has(id))) {
        throw new DataError(
          'invalid_input',
          `ids must list every ${KIND_WORDS[kind]} of the diagram (${have.size}), each once`,
          { field: 'ids' },
        );
      }
      if (wanted.length === 0) return;
      const cases = sql.join(
        wanted.map((id, i) => sql`when ${id}::uuid then ${i}::int`),
        sql` `,
      );
      await tx
        .update(driverNodes)
        .set({ position: sql`case ${driverNodes.id} ${cases} end` })
        .where(inArray(driverNodes.id, wanted));
      await touchProject(tx, project.id);
    },
    () => diagramAudit(project, 'reorder', `Reordered the ${KIND_WORDS[kind]}s`, { kind, ids: wanted }),
  );
}

/**
 * Draws a line between two boxes of the project (nothing changes if it is there already).
 * @throws {DataError} `not_found` (a box), `invalid_input` (kinds), `unauthenticated`, `forbidden`.
 */
export async function linkNodes(
  db: Database,
  principal: Principal,
  projectId: string,
  fromId: string,
  toId: string,
): Promise<void> {
  const project = await projectToWorkOn(db, principal, projectId);
  const from = await requireNode(db, project.id, fromId, 'fromId');
  const to = await requireNode(db, project.id, toId, 'toId');
  checkLink(from, to);
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(driverLinks)
      .values({ projectId: project.id, fromId: from.id, toId: to.id })
      .onConflictDoNothing()
      .returning();
    if (added.length === 0) return;
    await touchProject(tx, project.id);
    await recordAudit(
      tx,
      principal,
      diagramAudit(
        project,
        'link',
        `Linked the ${KIND_WORDS[from.kind]} “${from.text}” to the ${KIND_WORDS[to.kind]} “${to.text}”`,
        {
          fromId: from.id,
          toId: to.id,
        },
      ),
    );
  });
}

/**
 * Removes the line between two boxes.
 * @throws {DataError} `not_found` (no such line), `unauthenticated`, `forbidden`.
 */
export async function unlinkNodes(
  db: Database,
  principal: Principal,
  projectId: string,
  fromId: string,
  toId: string,
): Promise<void> {
  const project = await projectToWorkOn(db, principal, projectId);
  const from = await requireNode(db, project.id, fromId, 'fromId');
  const to = await requireNode(db, project.id, toId, 'toId');
  await audited(
    db,
    principal,
    async (tx) => {
      const removed = await tx
        .delete(driverLinks)
        .where(and(eq(driverLinks.fromId, from.id), eq(driverLinks.toId, to.id)))
        .returning();
      if (removed.length === 0) {
        throw new DataError('not_found', 'these boxes are not linked', { field: 'toId' });
      }
      await touchProject(tx, project.id);
    },
    () =>
      diagramAudit(
        project,
        'unlink',
        `Unlinked the ${KIND_WORDS[from.kind]} “${from.text}” from the ${KIND_WORDS[to.kind]} “${to.text}”`,
        {
          fromId: from.id,
          toId: to.id,
        },
      ),
  );
}
