/**
 * @module projects/portfolio
 * An organisation's portfolio of projects, as a QI coach looks at it: every project the reader
 * may see, by stage, unit and goal, in title order a page at a time, each with its lead, its
 * number of PDSA cycles and the date of the latest, and counts by stage for a summary.
 *
 * A project "needs a coach" (`needsCoach`) when it is planning, testing or implementing and no
 * PDSA cycle of it was started, or changed, in the last `COACH_AFTER_DAYS` days (30): work that
 * may have stalled, for a coach to ask about. Measured from the request's time.
 */
import { and, count, eq, exists, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { pdsaCycles, projectGoals, projectMembers, projects, units, users } from '../db/schema.js';
import { PROJECT_STAGES } from '../db/schema/vocabulary.js';
import type { ProjectStage, Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { findOrganisation } from '../organisations/service.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { nameSortKey } from '../sorting.js';
import { requireUuid } from '../validation.js';
import { PROJECT_ID, projectVisibleTo } from './access.js';

/** Days without a PDSA cycle started or changed after which an active project needs a coach. */
export const COACH_AFTER_DAYS = 30;

/** The stages in which a project is expected to be testing changes in PDSA cycles. */
export const ACTIVE_STAGES: readonly ProjectStage[] = ['planning', 'testing', 'implementing'];

/** What to list. */
export interface PortfolioFilter extends PageRequest {
  readonly stage?: ProjectStage | undefined;
  readonly unit?: string | undefined;
  readonly goal?: string | undefined;
  /** true: only the projects that need a coach. */
  readonly stale?: boolean | undefined;
}

/** A project in the portfolio. */
export interface PortfolioItem {
  readonly id: string;
  readonly title: string;
  readonly stage: ProjectStage;
  readonly unit: { readonly id: string; readonly name: string } | null;
  readonly visibility: Visibility;
  readonly lead: { readonly userId: string; readonly displayName: string } | null;
  readonly cycles: number;
  readonly latestCycleOn: string | null;
  readonly needsCoach: boolean;
  readonly publishedAt: Date | null;
  readonly updatedAt: Date;
}

/** The portfolio's page and its summary. */
export interface Portfolio extends Page<PortfolioItem> {
  readonly summary: {
    readonly total: number;
    readonly byStage: Record<ProjectStage, number>;
    readonly needsCoach: number;
  };
}

/** The condition "needs a coach" on `projects`, as of `now`. */
export function needsCoachCondition(now: Date): SQL {
  const since = new Date(now.getTime() - COACH_AFTER_DAYS * 86_400_000);
  const sinceDate = since.toISOString().slice(0, 10);
  const active = sql.join(
    ACTIVE_STAGES.map((stage) => sql`${stage}`),
    sql`, `,
  );
  return sql`(${projects.stage} in (${active}) and not exists (select 1 from ${pdsaCycles} where ${pdsaCycles.projectId} = ${PROJECT_ID} and (${pdsaCycles.startedOn} >= ${sinceDate}::date or ${pdsaCycles.updatedAt} >= ${since.toISOString()}::timestamptz)))`;
}

/**
 * An organisation's projects `principal` may see, filtered, in title order, a page at a time, with
 * counts by stage (of those matching unit and goal).
 * @throws {DataError} `not_found` (organisation), `invalid_input`.
 */
export async function portfolio(
  db: Database,
  principal: Principal,
  organisationRef: string,
  filter: PortfolioFilter,
  now: Date,
): Promise<Portfolio> {
  const organisation = await findOrganisation(db, organisationRef);
  const limit = pageLimit(filter);
  const needsCoach = needsCoachCondition(now);
  const base: (SQL | undefined)[] = [
    eq(projects.organisationId, organisation.id),
    projectVisibleTo(principal),
  ];
  if (filter.unit !== undefined) base.push(eq(projects.unitId, requireUuid('unit', filter.unit)));
  if (filter.goal !== undefined) {
    const goalId = requireUuid('goal', filter.goal);
    base.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(projectGoals)
          .where(and(eq(projectGoals.projectId, projects.id), eq(projectGoals.goalId, goalId))),
      ),
    );
  }
  const conditions = [...base];
  if (filter.stage !== undefined) conditions.push(eq(projects.stage, filter.stage));
  if (filter.stale === true) conditions.push(needsCoach);
  const sortKey = nameSortKey(projects.title);
  if (filter.cursor) {
    const [key, id] = decodeCursor(filter.cursor, 2);
    conditions.push(sql`(${sortKey}, ${projects.id}) > (${key}, ${requireUuid('cursor', id!)}::uuid)`);
  }
  const rows = await db
    .select({
      project: projects,
      key: sortKey,
      unitName: units.name,
      leadId: sql<
        string | null
      >`(select pm.user_id from ${projectMembers} pm where pm.project_id = ${PROJECT_ID} and pm.role = 'lead' order by pm.created_at, pm.user_id limit 1)`,
      leadName: sql<
        string | null
      >`(select u.display_name from ${projectMembers} pm join ${users} u on u.id = pm.user_id where pm.project_id = ${PROJECT_ID} and pm.role = 'lead' order by pm.created_at, pm.user_id limit 1)`,
      cycles: sql<number>`(select count(*)::int from ${pdsaCycles} where ${pdsaCycles.projectId} = ${PROJECT_ID})`,
      latestCycleOn: sql<
        string | null
      >`(select max(coalesce(${pdsaCycles.startedOn}, ${pdsaCycles.plannedStart}))::text from ${pdsaCycles} where ${pdsaCycles.projectId} = ${PROJECT_ID})`,
      needsCoach: sql<boolean>`${needsCoach}`,
    })
    .from(projects)
    .leftJoin(units, eq(units.id, projects.unitId))
    .where(and(...conditions))
    .orderBy(sortKey, projects.id)
    .limit(limit + 1);
  const page = toPage(
    rows,
    limit,
    (row) => [row.key, row.project.id],
    (row): PortfolioItem => ({
      id: row.project.id,
      title: row.project.title,
      stage: row.project.stage,
      unit: row.project.unitId === null ? null : { id: row.project.unitId, name: row.unitName ?? '' },
      visibility: row.project.visibility,
      lead: row.leadId === null ? null : { userId: row.leadId, displayName: row.leadName ?? '' },
      cycles: row.cycles,
      latestCycleOn: row.latestCycleOn,
      needsCoach: row.needsCoach,
      publishedAt: row.project.publishedAt,
      updatedAt: row.project.updatedAt,
    }),
  );
  const counts = await db
    .select({
      stage: projects.stage,
      n: count(),
      stale: sql<number>`count(*) filter (where ${needsCoach})::int`,
    })
    .from(projects)
    .where(and(...base))
    .groupBy(projects.stage);
  const byStage = Object.fromEntries(PROJECT_STAGES.map((stage) => [stage, 0])) as Record<
    ProjectStage,
    number
  >;
  let total = 0;
  let stale = 0;
  for (const row of counts) {
    byStage[row.stage] = row.n;
    total += row.n;
    stale += row.stale;
  }
  return { ...page, summary: { total, byStage, needsCoach: stale } };
}
