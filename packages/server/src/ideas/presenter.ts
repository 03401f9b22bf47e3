/**
 * @module ideas/presenter
 * The exact fields of ideas and comments the API sends: an author by display name only, and
 * "Anonymous" for an idea that has none.
 */
import type { CommentRow, IdeaRow } from './repository.js';
import type { IdeaCommentView, IdeaDetailView, IdeaView } from './schemas.js';
import type { IdeaDetail } from './service.js';

/** The name shown for an idea without an author. */
export const ANONYMOUS = 'Anonymous';

/** An idea, as read by `readerId` (null: no one in particular). */
export function presentIdea(row: IdeaRow, readerId: string | null): IdeaView {
  const { idea } = row;
  return {
    id: idea.id,
    organisationId: idea.organisationId,
    unit: idea.unitId === null ? null : { id: idea.unitId, name: row.unitName ?? '' },
    problem: idea.problem,
    proposal: idea.proposal,
    author: idea.authorId === null ? ANONYMOUS : (row.authorName ?? ''),
    anonymous: idea.authorId === null,
    mine: idea.authorId !== null && idea.authorId === readerId,
    status: idea.status,
    statusReason: idea.statusReason,
    triagedAt: idea.triagedAt?.toISOString() ?? null,
    projectId: idea.projectId,
    voteCount: row.votes,
    votedByMe: row.votedByMe,
    commentCount: row.comments,
    createdAt: idea.createdAt.toISOString(),
    updatedAt: idea.updatedAt.toISOString(),
  };
}

/** A comment. */
export function presentComment(row: CommentRow): IdeaCommentView {
  return { id: row.id, author: row.authorName, text: row.text, createdAt: row.createdAt.toISOString() };
}

/** An idea with its comments. */
export function presentIdeaDetail(detail: IdeaDetail, readerId: string | null): IdeaDetailView {
  return { ...presentIdea(detail, readerId), comments: detail.thread.map(presentComment) };
}
