/**
 * @module projects/new-measure
 * A measure created for a project from its page (docs/projects.md): those who manage the project
 * (its lead, sponsor or coach, or the organisation's QI leads and administrators) define a new
 * measure of the organisation for it, its series in the project's unit (or the organisation as a
 * whole), and link it as an outcome, process or balancing measure — all in one transaction, with
 * the measure's creation and the link audited.
 *
 * Defining the organisation's catalogue measures stays `measure.define` (QI leads and
 * administrators); a measure made here is marked as the project's: its code starts `project-`
 * with the project's short id, its source names the project, and it is `internal` (the
 * organisation's people read it, whatever the project's visibility: publishing a measure is a
 * QI lead's decision, made on the measure).
 */
import { randomBytes } from 'node:crypto';
import { max, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { projectMeasures } from '../db/schema.js';
import type { DataType, Domain, Frequency, ProjectMeasureKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { codeFromName } from '../measures/input.js';
import { presentMeasure } from '../measures/presenter.js';
import { createMeasure } from '../measures/repository.js';
import { ensureSeries } from '../series/repository.js';
import { requireProjectManager, requireReadableProject } from './access.js';
import { listReadableProjectMeasures, touchProject } from './repository.js';
import type { ProjectMeasureRow } from './repository.js';

/** What a project's new measure is made from. */
export interface NewProjectMeasure {
  readonly name: string;
  readonly description?: string | undefined;
  /** What the numbers count: `%`, `falls`, `minutes`. */
  readonly unitLabel?: string | undefined;
  readonly dataType: DataType;
  /** Which way is better. */
  readonly direction: 'increase' | 'decrease' | 'neutral';
  readonly frequency: Frequency;
  /** Default `other`. */
  readonly domain?: Domain | undefined;
  readonly kind: ProjectMeasureKind;
}

/** The code of a project's measure: `project-<8 of its id>-<name>-<4 random>`, at most 64. */
export function projectMeasureCode(projectId: string, name: string): string {
  const head = `project-${projectId.replaceAll('-', '').slice(0, 8)}-`;
  const tail = `-${randomBytes(2).toString('hex')}`;
  return `${head}${codeFromName(name)
    .slice(0, 64 - head.length - tail.length)
    .replace(/-+$/, '')}${tail}`;
}

/**
 * Creates a measure for the project, its series in the project's unit, and links it as `kind`.
 * @throws {DataError} `not_found` (project), `invalid_input` naming the field, `unauthenticated`,
 * `forbidden`.
 */
export async function createProjectMeasure(
  db: Database,
  principal: Principal,
  projectId: string,
  input: NewProjectMeasure,
): Promise<{ seriesId: string; measureId: string; measures: ProjectMeasureRow[] }> {
  const project = await requireReadableProject(db, principal, projectId);
  await requireProjectManager(db, principal, project);
  const made = await db.transaction(async (tx) => {
    const measure = await createMeasure(tx, {
      ownerOrganisationId: project.organisationId,
      code: projectMeasureCode(project.id, input.name),
      name: input.name,
      description: input.description,
      unitLabel: input.unitLabel,
      dataType: input.dataType,
      spcOptions: { direction: input.direction },
      domain: input.domain ?? 'other',
      source: `QI project: ${project.title}`.slice(0, 500),
      visibility: 'internal',
      frequency: input.frequency,
    });
    const series = await ensureSeries(tx, {
      measureId: measure.id,
      organisationId: project.organisationId,
      unitId: project.unitId,
    });
    const [last] = await tx
      .select({ position: max(projectMeasures.position) })
      .from(projectMeasures)
      .where(eq(projectMeasures.projectId, project.id));
    await tx.insert(projectMeasures).values({
      projectId: project.id,
      seriesId: series.id,
      kind: input.kind,
      position: (last?.position ?? -1) + 1,
    });
    await touchProject(tx, project.id);
    await recordAudit(tx, principal, {
      action: 'measure.create',
      entityType: 'measure',
      entityId: measure.id,
      organisationId: project.organisationId,
      summary: `Defined the measure ${measure.name} (${measure.code}) for the project ${project.title}`,
      after: presentMeasure(measure),
    });
    await recordAudit(tx, principal, {
      action: 'project.measure_link',
      entityType: 'project',
      entityId: project.id,
      organisationId: project.organisationId,
      summary: `Created ${measure.name} as a ${input.kind} measure (project ${project.title})`,
      after: { seriesId: series.id, kind: input.kind, measureId: measure.id },
    });
    return { seriesId: series.id, measureId: measure.id };
  });
  return { ...made, measures: await listReadableProjectMeasures(db, principal, project.id) };
}
