/**
 * @module projects/measures
 * The measures a project watches: a series of its organisation (the organisation as a whole or
 * one of its units), as its outcome, a process or a balancing measure, in order. Linking needs
 * the series to be the organisation's and readable by the person; those who manage the project
 * link and unlink (projects/access.ts). Audited.
 */
import { and, eq, max } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { projectMeasures } from '../db/schema.js';
import type { ProjectMeasureKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireMeasure } from '../measures/service.js';
import { requireReadableSeries, seriesNotFound } from '../series/access.js';
import { requireUuid } from '../validation.js';
import { requireProjectManager, requireReadableProject } from './access.js';
import type { Project } from './access.js';
import { listReadableProjectMeasures, touchProject } from './repository.js';
import type { ProjectMeasureRow } from './repository.js';

async function projectToManage(db: Database, principal: Principal, projectId: string): Promise<Project> {
  const project = await requireReadableProject(db, principal, projectId);
  await requireProjectManager(db, principal, project);
  return project;
}

/**
 * Links a series to the project as `kind` (or changes its kind and place when linked already).
 * @throws {DataError} `not_found` (project; a series hidden or of another organisation, as an
 * unknown one), `unauthenticated`, `forbidden`.
 */
export async function linkMeasure(
  db: Database,
  principal: Principal,
  projectId: string,
  seriesId: string,
  input: { readonly kind: ProjectMeasureKind; readonly position?: number | undefined },
): Promise<ProjectMeasureRow[]> {
  const project = await projectToManage(db, principal, projectId);
  const series = await requireReadableSeries(db, principal, seriesId, 'seriesId');
  if (series.organisationId !== project.organisationId) throw seriesNotFound('seriesId');
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  await audited(
    db,
    principal,
    async (tx) => {
      const [last] = await tx
        .select({ position: max(projectMeasures.position) })
        .from(projectMeasures)
        .where(eq(projectMeasures.projectId, project.id));
      const position = input.position ?? (last?.position ?? -1) + 1;
      await tx
        .insert(projectMeasures)
        .values({ projectId: project.id, seriesId: series.id, kind: input.kind, position })
        .onConflictDoUpdate({
          target: [projectMeasures.projectId, projectMeasures.seriesId],
          set: { kind: input.kind, ...(input.position === undefined ? {} : { position }) },
        });
      await touchProject(tx, project.id);
    },
    () => ({
      action: 'project.measure_link',
      entityType: 'project',
      entityId: project.id,
      organisationId: project.organisationId,
      summary: `Linked ${measure.name} as a ${input.kind} measure (project ${project.title})`,
      after: { seriesId: series.id, kind: input.kind, position: input.position ?? null },
    }),
  );
  return listReadableProjectMeasures(db, principal, project.id);
}

/**
 * Unlinks a series from the project.
 * @throws {DataError} `not_found` (project, or a series it does not watch), `unauthenticated`, `forbidden`.
 */
export async function unlinkMeasure(
  db: Database,
  principal: Principal,
  projectId: string,
  seriesId: string,
): Promise<void> {
  const project = await projectToManage(db, principal, projectId);
  const id = requireUuid('seriesId', seriesId);
  await audited(
    db,
    principal,
    async (tx) => {
      const removed = await tx
        .delete(projectMeasures)
        .where(and(eq(projectMeasures.projectId, project.id), eq(projectMeasures.seriesId, id)))
        .returning();
      if (removed.length === 0) {
        throw new DataError('not_found', 'the project does not watch a series with this id', {
          field: 'seriesId',
        });
      }
      await touchProject(tx, project.id);
      return removed[0]!;
    },
    (removed) => ({
      action: 'project.measure_unlink',
      entityType: 'project',
      entityId: project.id,
      organisationId: project.organisationId,
      summary: `Unlinked a ${removed.kind} measure (project ${project.title})`,
      before: { seriesId: id, kind: removed.kind },
    }),
  );
}
