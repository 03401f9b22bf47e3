/**
 * @module public/content
 * What an organisation's public pages show, read as the public (signed out) reads it whoever
 * asks, so that nothing its visibility rules keep from the public can appear: its published
 * series as the public's dashboard analyses them, its public goals with their status, its public
 * and published projects, and its profile (introduction, licence). Nothing here knows HTTP.
 */
import { and, asc, eq } from 'drizzle-orm';
import { analyseReadableSeries } from '../analysis/service.js';
import type { SeriesAnalysis } from '../analysis/service.js';
import { listAnnotations } from '../annotations/repository.js';
import { PUBLIC } from '../auth/principal.js';
import type { DashboardView } from '../dashboard/schemas.js';
import { projects, units } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { projectVisibleTo } from '../projects/access.js';
import type { Project } from '../projects/access.js';
import { listGoals } from '../goals/service.js';
import type { JudgedGoal } from '../goals/service.js';
import { DataError } from '../errors.js';
import { readSeries } from '../observations/repository.js';
import type { Observation } from '../observations/repository.js';
import { isUuid } from '../validation.js';
import { readProfile } from './repository.js';
import type { PublicProfile } from './repository.js';

/** The organisation a public page is about. */
export interface PublicOrganisationRef {
  readonly id: string;
  readonly odsCode: string;
  readonly name: string;
}

/** A public project, as the page shows it. */
export interface PublicProject {
  readonly id: string;
  readonly title: string;
  readonly stage: Project['stage'];
  readonly problem: string;
  readonly aimWhat: string;
  readonly aimHowMuch: string;
  readonly aimByWhen: string | null;
  readonly lessons: string;
  readonly publishedAt: Date | null;
  readonly unitName: string | null;
}

/** Everything an organisation's public page shows. */
export interface OrganisationPageContent {
  readonly organisation: PublicOrganisationRef;
  readonly profile: PublicProfile;
  readonly series: DashboardView['series'];
  readonly goals: readonly JudgedGoal[];
  readonly projects: readonly PublicProject[];
}

/** The projects of an organisation the public may read (public or published), newest first. */
export async function publicProjects(db: Database, organisationId: string): Promise<PublicProject[]> {
  const rows = await db
    .select({ project: projects, unitName: units.name })
    .from(projects)
    .leftJoin(units, eq(units.id, projects.unitId))
    .where(and(eq(projects.organisationId, organisationId), projectVisibleTo(PUBLIC)))
    .orderBy(asc(projects.title), asc(projects.id));
  return rows.map(({ project, unitName }) => ({
    id: project.id,
    title: project.title,
    stage: project.stage,
    problem: project.problem,
    aimWhat: project.aimWhat,
    aimHowMuch: project.aimHowMuch,
    aimByWhen: project.aimByWhen,
    lessons: project.lessons,
    publishedAt: project.publishedAt,
    unitName,
  }));
}

/**
 * The page's content besides the series (which come from the public's dashboard, `series`):
 * the profile, the public goals with their status on `now`, and the public projects.
 */
export async function organisationPageContent(
  db: Database,
  organisation: PublicOrganisationRef,
  series: DashboardView['series'],
  now: Date,
): Promise<OrganisationPageContent> {
  const profile = await readProfile(db, organisation.id);
  const goals = await listGoals(db, PUBLIC, organisation.id, {}, now);
  const list = await publicProjects(db, organisation.id);
  return { organisation, profile, series, goals: goals.items, projects: list };
}

/** A published series with everything its page and open-data files show. */
export interface SeriesPageContent {
  readonly organisation: PublicOrganisationRef;
  readonly profile: PublicProfile;
  readonly analysis: SeriesAnalysis;
  readonly unitName: string | null;
  /** The stored points (numerators and denominators), in period order. */
  readonly points: readonly Observation[];
  readonly annotations: readonly { readonly period: string; readonly text: string }[];
}

/**
 * A series of `organisation` the public may read, with its analysis; an unknown series, one of
 * another organisation and one the public may not read are all the same `not_found`.
 * Undefined for all three (and for a malformed id).
 * @throws {SpcInputError} when the engine refuses the stored data.
 */
export async function seriesPageContent(
  db: Database,
  organisation: PublicOrganisationRef,
  seriesId: string,
): Promise<SeriesPageContent | undefined> {
  if (!isUuid(seriesId)) return undefined;
  let analysis: SeriesAnalysis;
  try {
    analysis = await analyseReadableSeries(db, PUBLIC, seriesId);
  } catch (error) {
    if (error instanceof DataError && error.code === 'not_found') return undefined;
    throw error;
  }
  if (analysis.series.organisationId !== organisation.id) return undefined;
  const profile = await readProfile(db, organisation.id);
  const [unit] =
    analysis.series.unitId === null
      ? []
      : await db.select({ name: units.name }).from(units).where(eq(units.id, analysis.series.unitId));
  const points = await readSeries(db, analysis.series.id);
  const annotations = (await listAnnotations(db, analysis.series.id)).map((a) => ({
    period: a.period,
    text: a.text,
  }));
  return { organisation, profile, analysis, unitName: unit?.name ?? null, points, annotations };
}
