/**
 * @module ideas/repository
 * Ideas as stored: adding one, a page of an organisation's ideas with their counts, one idea with
 * its comments, votes, comments, and the triage columns. Framework-free; callers check access.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { ideaComments, ideas, ideaVotes, units, users } from '../db/schema.js';
import type { IdeaStatus } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { requireUuid } from '../validation.js';
import type { Idea } from './access.js';

/** A new idea. `authorId` null: anonymous (no one is stored). */
export interface NewIdea {
  readonly organisationId: string;
  readonly unitId: string | null;
  readonly problem: string;
  readonly proposal: string;
  readonly authorId: string | null;
}

const CONSTRAINTS = {
  ideas_unit_fk: {
    code: 'not_found',
    field: 'unitId',
    message: 'the unit does not exist in this organisation',
  },
  ideas_problem_check: {
    code: 'invalid_input',
    field: 'problem',
    message: 'problem must be 1 to 2000 characters',
  },
  ideas_proposal_check: {
    code: 'invalid_input',
    field: 'proposal',
    message: 'proposal must be 1 to 2000 characters',
  },
  ideas_reason_check: {
    code: 'invalid_input',
    field: 'reason',
    message: 'a reason is needed to take an idea forward or not',
  },
  idea_comments_text_check: {
    code: 'invalid_input',
    field: 'text',
    message: 'text must be 1 to 2000 characters',
  },
} as const;

/**
 * Inserts an idea.
 * @throws {DataError} `not_found` (unit), `invalid_input` (problem, proposal).
 */
export async function insertIdea(db: Database, input: NewIdea): Promise<Idea> {
  try {
    const [row] = await db
      .insert(ideas)
      .values({
        ...input,
        problem: input.problem.trim(),
        proposal: input.proposal.trim(),
        // The time of this insert, not of the transaction's start: "newest first" orders ideas
        // submitted in one transaction (an import, a test) as they came.
        createdAt: sql`clock_timestamp()`,
        updatedAt: sql`clock_timestamp()`,
      })
      .returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** `ideas.id` qualified with its table, for correlated subqueries. */
const IDEA_ID = sql.raw('"ideas"."id"');

const voteCount = sql<number>`(select count(*)::int from ${ideaVotes} where ${ideaVotes.ideaId} = ${IDEA_ID})`;
const commentCount = sql<number>`(select count(*)::int from ${ideaComments} where ${ideaComments.ideaId} = ${IDEA_ID})`;
const createdKey = sql<string>`to_char(${ideas.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An idea with what a list shows of it. */
export interface IdeaRow {
  readonly idea: Idea;
  readonly unitName: string | null;
  /** The author's display name; null when anonymous. */
  readonly authorName: string | null;
  readonly votes: number;
  readonly comments: number;
  readonly votedByMe: boolean;
}

/** The columns of an `IdeaRow` query, for the reader `userId` (null: no one's votes). */
// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- drizzle's selection type is what it holds
function rowColumns(userId: string | null) {
  return {
    idea: ideas,
    unitName: units.name,
    authorName: users.displayName,
    votes: voteCount,
    comments: commentCount,
    votedByMe:
      userId === null
        ? sql<boolean>`false`
        : sql<boolean>`exists (select 1 from ${ideaVotes} where ${ideaVotes.ideaId} = ${IDEA_ID} and ${ideaVotes.userId} = ${userId})`,
    key: createdKey,
  };
}

/** An `IdeaRow` of a selected row (without its cursor key). */
function toIdeaRow(row: IdeaRow & { readonly key: string }): IdeaRow {
  return {
    idea: row.idea,
    unitName: row.unitName,
    authorName: row.authorName,
    votes: row.votes,
    comments: row.comments,
    votedByMe: row.votedByMe,
  };
}

/** What to list. */
export interface IdeaFilter extends PageRequest {
  /** Only these units' ideas (a unit and its sub-units). */
  readonly unitIds?: readonly string[] | undefined;
  readonly status?: IdeaStatus | undefined;
  /** `newest` (default) or `votes` (most first, then newest). */
  readonly sort?: 'newest' | 'votes' | undefined;
}

/**
 * A page of the ideas matching `where` and the filter, newest first or by votes, as read by
 * `userId`.
 * @throws {DataError} `invalid_input` (cursor, limit).
 */
export async function listIdeaRows(
  db: Database,
  where: SQL,
  filter: IdeaFilter,
  userId: string | null,
): Promise<Page<IdeaRow>> {
  const limit = pageLimit(filter);
  const byVotes = filter.sort === 'votes';
  const conditions: (SQL | undefined)[] = [where];
  if (filter.unitIds !== undefined) {
    conditions.push(filter.unitIds.length === 0 ? sql`false` : inArray(ideas.unitId, [...filter.unitIds]));
  }
  if (filter.status !== undefined) conditions.push(eq(ideas.status, filter.status));
  if (filter.cursor) {
    const key = decodeCursor(filter.cursor, byVotes ? 3 : 2);
    const [created, id] = byVotes ? key.slice(1) : key;
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(created!) ||
      (byVotes && !/^\d{1,10}$/.test(key[0]!))
    ) {
      throw new DataError('invalid_input', 'cursor is not one this server gave out', { field: 'cursor' });
    }
    const after = sql`(${created}::timestamptz, ${requireUuid('cursor', id!)}::uuid)`;
    conditions.push(
      byVotes
        ? sql`(${voteCount}, ${ideas.createdAt}, ${ideas.id}) < (${Number(key[0])}::int, ${created}::timestamptz, ${id}::uuid)`
        : sql`(${ideas.createdAt}, ${ideas.id}) < ${after}`,
    );
  }
  const rows = await db
    .select(rowColumns(userId))
    .from(ideas)
    .leftJoin(units, eq(units.id, ideas.unitId))
    .leftJoin(users, eq(users.id, ideas.authorId))
    .where(and(...conditions))
    .orderBy(...(byVotes ? [desc(voteCount)] : []), desc(ideas.createdAt), desc(ideas.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => (byVotes ? [String(row.votes), row.key, row.idea.id] : [row.key, row.idea.id]),
    toIdeaRow,
  );
}

/** One idea with its counts, as read by `userId`. */
export async function getIdeaRow(db: Database, id: string, userId: string | null): Promise<IdeaRow> {
  const [row] = await db
    .select(rowColumns(userId))
    .from(ideas)
    .leftJoin(units, eq(units.id, ideas.unitId))
    .leftJoin(users, eq(users.id, ideas.authorId))
    .where(eq(ideas.id, id));
  return toIdeaRow(row!);
}

/** A comment with its author's name. */
export interface CommentRow {
  readonly id: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly createdAt: Date;
}

/** An idea's comments, oldest first. */
export async function listComments(db: Database, ideaId: string): Promise<CommentRow[]> {
  return db
    .select({
      id: ideaComments.id,
      authorId: ideaComments.authorId,
      authorName: users.displayName,
      text: ideaComments.text,
      createdAt: ideaComments.createdAt,
    })
    .from(ideaComments)
    .innerJoin(users, eq(users.id, ideaComments.authorId))
    .where(eq(ideaComments.ideaId, ideaId))
    .orderBy(asc(ideaComments.createdAt), asc(ideaComments.id));
}

/**
 * Adds a comment.
 * @throws {DataError} `invalid_input` (text).
 */
export async function insertComment(
  db: Database,
  input: { readonly ideaId: string; readonly authorId: string; readonly text: string },
): Promise<{ id: string; createdAt: Date }> {
  try {
    const [row] = await db
      .insert(ideaComments)
      .values({ ...input, text: input.text.trim() })
      .returning({ id: ideaComments.id, createdAt: ideaComments.createdAt });
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** Adds a person's vote; false when they had already voted. */
export async function insertVote(db: Database, ideaId: string, userId: string): Promise<boolean> {
  const rows = await db
    .insert(ideaVotes)
    .values({ ideaId, userId })
    .onConflictDoNothing()
    .returning({ ideaId: ideaVotes.ideaId });
  return rows.length > 0;
}

/** Removes a person's vote; false when they had not voted. */
export async function deleteVote(db: Database, ideaId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(ideaVotes)
    .where(and(eq(ideaVotes.ideaId, ideaId), eq(ideaVotes.userId, userId)))
    .returning({ ideaId: ideaVotes.ideaId });
  return rows.length > 0;
}

/** A triage decision. */
export interface Triage {
  readonly status: IdeaStatus;
  readonly reason: string;
  readonly triagedBy: string | null;
  readonly projectId?: string | undefined;
}

/**
 * Sets an idea's status, reason and triage (and its project, when given).
 * @throws {DataError} `invalid_input` (a reason is needed once decided).
 */
export async function updateTriage(db: Database, id: string, triage: Triage): Promise<Idea> {
  try {
    const [row] = await db
      .update(ideas)
      .set({
        status: triage.status,
        statusReason: triage.reason.trim(),
        triagedBy: triage.triagedBy,
        triagedAt: sql`now()`,
        ...(triage.projectId === undefined ? {} : { projectId: triage.projectId }),
        updatedAt: sql`greatest(now(), ${ideas.updatedAt} + interval '1 microsecond')`,
      })
      .where(eq(ideas.id, id))
      .returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** The ideas that became a project, matching `where`, oldest first, as read by `userId`. */
export async function ideasOfProject(
  db: Database,
  projectId: string,
  where: SQL,
  userId: string | null,
): Promise<IdeaRow[]> {
  const rows = await db
    .select(rowColumns(userId))
    .from(ideas)
    .leftJoin(units, eq(units.id, ideas.unitId))
    .leftJoin(users, eq(users.id, ideas.authorId))
    .where(and(eq(ideas.projectId, projectId), where))
    .orderBy(asc(ideas.createdAt), asc(ideas.id));
  return rows.map(toIdeaRow);
}
