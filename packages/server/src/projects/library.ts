/**
 * @module projects/library
 * The library of finished projects shared by every organisation, so that a team can find "what
 * good looks like" elsewhere and start from it.
 *
 * Publishing (those who manage the project) needs a finished project — sustaining, complete or
 * stopped — with its lessons written (the database checks it too). A published project is public
 * by definition: anyone, signed in or not, finds it here and reads its story (but not its team's
 * emails, nor any series they may not read). Search: PostgreSQL full-text search of the title,
 * aim, problem and lessons (`projects.search`, ranked by `ts_rank` with
 * `websearch_to_tsquery('english', q)`), a topic (the project's topics contain it), a measure
 * (a shared measure's code, or a measure's id, of a series the project watches that the reader
 * may read).
 *
 * Copying a library project starts a new project in the copier's organisation (`project.start`
 * there): stage planning, `copied_from_id` set, its title, problem, aim (without its date) and
 * topics, its driver diagram (boxes and lines), and its measures only where the same shared
 * measure is recorded by the copier's organisation (the series of the unit asked for, else the
 * organisation's own, else its first). No team but the copier as lead, no cycles, no lessons.
 */
import { and, arrayContains, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import {
  driverLinks,
  driverNodes,
  measures,
  measureSeries,
  organisations,
  pdsaCycles,
  projectMeasures,
  projectMembers,
  projects,
  units,
  users,
} from '../db/schema.js';
import type { ProjectMeasureKind, ProjectStage } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { findOrganisation } from '../organisations/service.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { seriesVisibleTo } from '../series/access.js';
import { isUuid, requireUuid } from '../validation.js';
import { PROJECT_ID, projectNotFound, requireProjectManager, requireReadableProject } from './access.js';
import type { Project } from './access.js';
import { insertProject, listProjectMeasures, updateProject } from './repository.js';
import { projectAuditView } from './service.js';

/** The stages of a finished project, the only ones that may be published. */
export const FINISHED_STAGES: readonly ProjectStage[] = ['sustaining', 'complete', 'stopped'];

async function projectToManage(db: Database, principal: Principal, projectId: string): Promise<Project> {
  const project = await requireReadableProject(db, principal, projectId);
  await requireProjectManager(db, principal, project);
  return project;
}

/**
 * Publishes a finished project with its lessons to the library (nothing changes if it is there).
 * @throws {DataError} `not_found`, `conflict` (not finished, or no lessons), `unauthenticated`, `forbidden`.
 */
export async function publishProject(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<Project> {
  const project = await projectToManage(db, principal, projectId);
  if (!FINISHED_STAGES.includes(project.stage)) {
    throw new DataError(
      'conflict',
      `only a finished project can be published: move it to sustaining, complete or stopped first (it is ${project.stage})`,
      { field: 'stage', reason: 'not_finished' },
    );
  }
  if (project.lessons.trim() === '') {
    throw new DataError(
      'conflict',
      'write the lessons learned before publishing: they are what others come for',
      {
        field: 'lessons',
        reason: 'no_lessons',
      },
    );
  }
  if (project.publishedAt !== null) return project;
  return audited(
    db,
    principal,
    (tx) => updateProject(tx, project.id, { publishedAt: new Date() }),
    (published) => ({
      action: 'project.publish',
      entityType: 'project',
      entityId: project.id,
      organisationId: project.organisationId,
      summary: `Published the project ${project.title} to the library`,
      after: { publishedAt: published.publishedAt?.toISOString() ?? null },
    }),
  );
}

/**
 * Takes a project out of the library (nothing changes if it is not there).
 * @throws {DataError} `not_found`, `unauthenticated`, `forbidden`.
 */
export async function unpublishProject(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<Project> {
  const project = await projectToManage(db, principal, projectId);
  if (project.publishedAt === null) return project;
  return audited(
    db,
    principal,
    (tx) => updateProject(tx, project.id, { publishedAt: null }),
    () => ({
      action: 'project.unpublish',
      entityType: 'project',
      entityId: project.id,
      organisationId: project.organisationId,
      summary: `Took the project ${project.title} out of the library`,
      before: { publishedAt: project.publishedAt?.toISOString() ?? null },
    }),
  );
}

/** What to search for. */
export interface LibraryFilter extends PageRequest {
  readonly q?: string | undefined;
  readonly topic?: string | undefined;
  readonly measure?: string | undefined;
}

/** A library project as listed. */
export interface LibraryItem {
  readonly project: Project;
  readonly organisation: { readonly odsCode: string; readonly name: string };
  readonly unit: string | null;
  readonly lead: string | null;
  readonly measures: readonly {
    readonly kind: ProjectMeasureKind;
    readonly code: string;
    readonly name: string;
    readonly shared: boolean;
  }[];
  readonly cycles: number;
  readonly rank: number;
}

/** A project's measures a reader may read, matching a shared code or a measure id. */
function usesMeasure(principal: Principal, measure: string): SQL {
  const match = isUuid(measure)
    ? eq(measures.id, measure.toLowerCase())
    : and(eq(measures.code, measure), isNull(measures.ownerOrganisationId));
  return sql`exists (select 1 from ${projectMeasures} inner join ${measureSeries} on ${measureSeries.id} = ${projectMeasures.seriesId} inner join ${measures} on ${measures.id} = ${measureSeries.measureId} where ${projectMeasures.projectId} = ${PROJECT_ID} and ${match} and ${seriesVisibleTo(principal)})`;
}

/**
 * Published projects of every organisation, best match first (with `q`), else newest first, a page
 * at a time.
 * @throws {DataError} `invalid_input` (cursor, limit).
 */
export async function searchLibrary(
  db: Database,
  principal: Principal,
  filter: LibraryFilter,
): Promise<Page<LibraryItem>> {
  const limit = pageLimit(filter);
  const q = filter.q?.trim() ?? '';
  const query = sql`websearch_to_tsquery('english', ${q})`;
  const rank =
    q === ''
      ? sql<string>`0::numeric`
      : sql<string>`round(ts_rank(${projects.search}, ${query})::numeric, 6)`;
  const published = sql<string>`to_char(${projects.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  const conditions: (SQL | undefined)[] = [isNotNull(projects.publishedAt)];
  if (q !== '') conditions.push(sql`${projects.search} @@ ${query}`);
  if (filter.topic !== undefined)
    conditions.push(arrayContains(projects.topics, [filter.topic.trim().toLowerCase()]));
  if (filter.measure !== undefined) conditions.push(usesMeasure(principal, filter.measure.trim()));
  if (filter.cursor) {
    const [r, p, id] = decodeCursor(filter.cursor, 3);
    if (!/^\d+(\.\d+)?$/.test(r!) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/.test(p!)) {
      throw new DataError('invalid_input', 'cursor is not one this server gave out', { field: 'cursor' });
    }
    conditions.push(
      sql`(${rank}, ${published}, ${projects.id}) < (${r}::numeric, ${p}, ${requireUuid('cursor', id!)}::uuid)`,
    );
  }
  const rows = await db
    .select({
      project: projects,
      rank: sql<string>`(${rank})::text`,
      published,
      odsCode: organisations.odsCode,
      organisationName: organisations.name,
      unit: units.name,
      lead: sql<
        string | null
      >`(select u.display_name from ${projectMembers} pm join ${users} u on u.id = pm.user_id where pm.project_id = ${PROJECT_ID} and pm.role = 'lead' order by pm.created_at, pm.user_id limit 1)`,
      cycles: sql<number>`(select count(*)::int from ${pdsaCycles} where ${pdsaCycles.projectId} = ${PROJECT_ID})`,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .leftJoin(units, eq(units.id, projects.unitId))
    .where(and(...conditions))
    .orderBy(sql`${rank} desc`, sql`${published} desc`, sql`${projects.id} desc`)
    .limit(limit + 1);
  const page = toPage(
    rows,
    limit,
    (row) => [row.rank, row.published, row.project.id],
    (row) => row,
  );
  const items: LibraryItem[] = [];
  // One query after another: inside a transaction there is one connection.
  for (const row of page.items) {
    const watched = await listProjectMeasures(db, row.project.id, seriesVisibleTo(principal));
    items.push({
      project: row.project,
      organisation: { odsCode: row.odsCode, name: row.organisationName },
      unit: row.unit,
      lead: row.lead,
      measures: watched.map((m) => ({
        kind: m.kind,
        code: m.code,
        name: m.name,
        shared: m.ownerOrganisationId === null,
      })),
      cycles: row.cycles,
      rank: Number(row.rank),
    });
  }
  return { items, nextCursor: page.nextCursor };
}

/** What a copy is made into. */
export interface CopyTarget {
  readonly organisationRef: string;
  readonly unitId?: string | null | undefined;
}

/** The copier's series of a shared measure: of the unit, else the organisation's own, else the first. */
async function seriesOfCopier(
  db: Database,
  organisationId: string,
  unitId: string | null,
  measureId: string,
): Promise<string | undefined> {
  const rows = await db
    .select({ id: measureSeries.id, unitId: measureSeries.unitId })
    .from(measureSeries)
    .where(and(eq(measureSeries.organisationId, organisationId), eq(measureSeries.measureId, measureId)))
    .orderBy(asc(measureSeries.createdAt), asc(measureSeries.id));
  return (
    rows.find((row) => unitId !== null && row.unitId === unitId) ??
    rows.find((row) => row.unitId === null) ??
    rows[0]
  )?.id;
}

/**
 * Copies a library project into the copier's organisation (see the module).
 * @throws {DataError} `not_found` (a project not in the library, the organisation, the unit),
 * `unauthenticated`, `forbidden`.
 */
export async function copyProject(
  db: Database,
  principal: Principal,
  sourceId: string,
  target: CopyTarget,
): Promise<Project> {
  const [source] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, requireUuid('id', sourceId)), isNotNull(projects.publishedAt)));
  if (source === undefined) throw projectNotFound();
  const organisation = await findOrganisation(db, target.organisationRef, 'organisationRef');
  requirePermission(principal, 'project.start', organisation.id);
  const unitId = target.unitId == null ? null : requireUuid('unitId', target.unitId);
  const userId = principal.kind === 'user' ? principal.userId : null;
  const sourceMeasures = await listProjectMeasures(db, source.id, isNull(measures.ownerOrganisationId));
  return audited(
    db,
    principal,
    async (tx) => {
      const project = await insertProject(tx, {
        organisationId: organisation.id,
        unitId,
        title: source.title,
        problem: source.problem,
        stage: 'planning',
        aimWhat: source.aimWhat,
        aimHowMuch: source.aimHowMuch,
        topics: source.topics,
        visibility: 'internal',
        createdBy: userId,
        copiedFromId: source.id,
      });
      if (userId !== null) {
        await tx.insert(projectMembers).values({ projectId: project.id, userId, role: 'lead' });
      }
      const nodes = await tx
        .select()
        .from(driverNodes)
        .where(eq(driverNodes.projectId, source.id))
        .orderBy(asc(driverNodes.kind), asc(driverNodes.position), asc(driverNodes.id));
      const ids = new Map<string, string>();
      if (nodes.length > 0) {
        const copies = await tx
          .insert(driverNodes)
          .values(
            nodes.map((node) => ({
              projectId: project.id,
              kind: node.kind,
              text: node.text,
              position: node.position,
            })),
          )
          .returning({ id: driverNodes.id });
        nodes.forEach((node, i) => ids.set(node.id, copies[i]!.id));
        const links = await tx.select().from(driverLinks).where(eq(driverLinks.projectId, source.id));
        if (links.length > 0) {
          await tx.insert(driverLinks).values(
            links.map((link) => ({
              projectId: project.id,
              fromId: ids.get(link.fromId)!,
              toId: ids.get(link.toId)!,
            })),
          );
        }
      }
      const linked = new Set<string>();
      for (const measure of sourceMeasures) {
        const seriesId = await seriesOfCopier(tx, organisation.id, unitId, measure.measureId);
        if (seriesId === undefined || linked.has(seriesId)) continue;
        linked.add(seriesId);
        await tx
          .insert(projectMeasures)
          .values({ projectId: project.id, seriesId, kind: measure.kind, position: measure.position });
      }
      return project;
    },
    (project) => ({
      action: 'project.copy',
      entityType: 'project',
      entityId: project.id,
      organisationId: organisation.id,
      summary: `Started the project ${project.title} from the library project of the same name`,
      after: { ...projectAuditView(project), copiedFromId: source.id },
    }),
  );
}
