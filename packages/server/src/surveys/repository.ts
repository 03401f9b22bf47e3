/**
 * @module surveys/repository
 * Surveys, their links and their anonymous responses as stored. Framework-free; callers check
 * access. A response row holds the survey, the unit, the period, the answer, the comment and the
 * day — nothing about who answered (no person, no address, no time of day).
 */
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { surveyLinks, surveyResponses, surveys, units } from '../db/schema.js';
import type { SurveyKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Survey } from './access.js';

/** A survey link as stored (its token only as a hash, never returned). */
export type SurveyLink = Omit<typeof surveyLinks.$inferSelect, 'tokenHash'> & { unitName: string | null };

/** A new survey. */
export interface NewSurvey {
  readonly organisationId: string;
  readonly kind: SurveyKind;
  readonly title: string;
  readonly question: string;
  readonly minGroup: number;
  readonly measureId: string;
}

/** One group's answers: a unit in a period. */
export interface GroupCounts {
  readonly unitId: string | null;
  readonly period: string;
  readonly yes: number;
  readonly no: number;
  readonly dontKnow: number;
}

/** One free-text comment with its group (never when it was written). */
export interface StoredComment {
  readonly unitId: string | null;
  readonly period: string;
  readonly text: string;
}

const CONSTRAINTS = {
  surveys_title_check: {
    code: 'invalid_input',
    field: 'title',
    message: 'title must be 1 to 300 characters',
  },
  surveys_min_group_check: {
    code: 'invalid_input',
    field: 'minGroup',
    message: 'minGroup must be at least 5',
  },
  survey_links_unit_fk: {
    code: 'not_found',
    field: 'unitId',
    message: 'the unit does not exist in this organisation',
  },
  survey_responses_comment_check: {
    code: 'invalid_input',
    field: 'comment',
    message: 'comment must be at most 2000 characters',
  },
} as const;

/** Inserts a survey. @throws {DataError} `invalid_input` (title, minGroup). */
export async function insertSurvey(db: Database, input: NewSurvey): Promise<Survey> {
  try {
    const [row] = await db.insert(surveys).values(input).returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** An organisation's surveys, newest first. */
export async function listSurveyRows(db: Database, organisationId: string): Promise<Survey[]> {
  return db
    .select()
    .from(surveys)
    .where(eq(surveys.organisationId, organisationId))
    .orderBy(desc(surveys.createdAt), asc(surveys.id));
}

/** Opens or closes a survey, or renames it. */
export async function updateSurveyRow(
  db: Database,
  id: string,
  patch: { readonly open?: boolean; readonly title?: string },
): Promise<Survey> {
  try {
    const [row] = await db.update(surveys).set(patch).where(eq(surveys.id, id)).returning();
    if (row === undefined) throw new DataError('not_found', 'no survey has this id', { field: 'id' });
    return row;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

const LINK_COLUMNS = {
  id: surveyLinks.id,
  surveyId: surveyLinks.surveyId,
  organisationId: surveyLinks.organisationId,
  unitId: surveyLinks.unitId,
  createdAt: surveyLinks.createdAt,
  revokedAt: surveyLinks.revokedAt,
  unitName: units.name,
};

/** Inserts a link for a unit (the token as its hash). @throws {DataError} `not_found` (unit). */
export async function insertLink(
  db: Database,
  survey: Survey,
  unitId: string,
  tokenHash: string,
): Promise<SurveyLink> {
  try {
    const [row] = await db
      .insert(surveyLinks)
      .values({ surveyId: survey.id, organisationId: survey.organisationId, unitId, tokenHash })
      .returning({ id: surveyLinks.id });
    return (await getLink(db, survey.id, row!.id))!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** A survey's link by id. */
export async function getLink(db: Database, surveyId: string, id: string): Promise<SurveyLink | undefined> {
  const [row] = await db
    .select(LINK_COLUMNS)
    .from(surveyLinks)
    .leftJoin(units, eq(units.id, surveyLinks.unitId))
    .where(and(eq(surveyLinks.surveyId, surveyId), eq(surveyLinks.id, id)));
  return row;
}

/** A survey's links, by unit name, newest first within a unit. */
export async function listLinks(db: Database, surveyId: string): Promise<SurveyLink[]> {
  return db
    .select(LINK_COLUMNS)
    .from(surveyLinks)
    .leftJoin(units, eq(units.id, surveyLinks.unitId))
    .where(eq(surveyLinks.surveyId, surveyId))
    .orderBy(asc(units.name), desc(surveyLinks.createdAt));
}

/** Revokes a link (once; revoking again keeps the first time). */
export async function revokeLinkRow(db: Database, surveyId: string, id: string, now: Date): Promise<void> {
  await db
    .update(surveyLinks)
    .set({ revokedAt: now })
    .where(and(eq(surveyLinks.surveyId, surveyId), eq(surveyLinks.id, id), isNull(surveyLinks.revokedAt)));
}

/** The live (not revoked) link with this token hash, with its survey and unit. */
export async function findLiveLink(
  db: Database,
  tokenHash: string,
): Promise<{ link: SurveyLink; survey: Survey } | undefined> {
  const [row] = await db
    .select({ link: LINK_COLUMNS, survey: surveys })
    .from(surveyLinks)
    .innerJoin(surveys, eq(surveys.id, surveyLinks.surveyId))
    .leftJoin(units, eq(units.id, surveyLinks.unitId))
    .where(and(eq(surveyLinks.tokenHash, tokenHash), isNull(surveyLinks.revokedAt)));
  return row;
}

/** Stores one anonymous response. @throws {DataError} `invalid_input` (comment). */
export async function insertResponse(
  db: Database,
  response: {
    readonly surveyId: string;
    readonly unitId: string | null;
    readonly period: string;
    readonly recommend: boolean | null;
    readonly comment: string;
    readonly answeredOn: string;
  },
): Promise<void> {
  try {
    await db.insert(surveyResponses).values(response);
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** Every group's answers of a survey (a unit in a period), in period order. */
export async function groupCounts(db: Database, surveyId: string): Promise<GroupCounts[]> {
  const rows = await db
    .select({
      unitId: surveyResponses.unitId,
      period: surveyResponses.period,
      yes: sql<number>`count(*) filter (where ${surveyResponses.recommend})`.mapWith(Number),
      no: sql<number>`count(*) filter (where not ${surveyResponses.recommend})`.mapWith(Number),
      dontKnow: sql<number>`count(*) filter (where ${surveyResponses.recommend} is null)`.mapWith(Number),
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .groupBy(surveyResponses.unitId, surveyResponses.period)
    .orderBy(asc(surveyResponses.period));
  return rows;
}

/** How many responses a survey has in a period (any unit). */
export async function responsesIn(db: Database, surveyId: string, period: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.period, period)));
  return row?.n ?? 0;
}

/** A survey's non-empty comments, in alphabetical order (never in the order they came). */
export async function listComments(db: Database, surveyId: string): Promise<StoredComment[]> {
  return db
    .select({ unitId: surveyResponses.unitId, period: surveyResponses.period, text: surveyResponses.comment })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, surveyId), ne(surveyResponses.comment, '')))
    .orderBy(asc(surveyResponses.period), asc(surveyResponses.comment));
}
