/**
 * @module ideas/schemas
 * Request and response schemas of the idea routes, with their inferred types.
 */
import { z } from 'zod';
import { IDEA_STATUSES } from '../db/schema/vocabulary.js';
import { Id, PageQuery, pageOf, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { TRIAGE_STATUSES } from './triage.js';

const Status = z.enum(IDEA_STATUSES).describe('new, under_review, taken_forward or not_taken_forward');

/** `POST /organisations/:ref/ideas`. */
export const SubmitIdeaBody = z.strictObject({
  problem: z.string().trim().min(1).max(2000).describe('The problem, in a sentence or two'),
  proposal: z.string().trim().min(1).max(2000).describe('What you propose to do about it'),
  unitId: Id.nullable().optional().describe('The unit it is about (null or absent: the organisation)'),
  anonymous: z
    .boolean()
    .describe('true: submit without your name. No one, administrators included, can then know it was you'),
});
export type SubmitIdeaBody = z.infer<typeof SubmitIdeaBody>;

/** `GET /organisations/:ref/ideas`. */
export const ListIdeasQuery = PageQuery.extend({
  unit: Id.optional().describe('Ideas of this unit and its sub-units'),
  status: Status.optional(),
  sort: z.enum(['newest', 'votes']).optional().describe('newest (default), or votes: most voted first'),
});
export type ListIdeasQuery = z.infer<typeof ListIdeasQuery>;

/** `POST /ideas/:id/comments`. */
export const CommentBody = z.strictObject({
  text: z.string().trim().min(1).max(2000).describe('The comment (signed with your name)'),
});

/** `POST /ideas/:id/triage`. */
export const TriageBody = z.strictObject({
  status: z.enum(TRIAGE_STATUSES).describe('under_review, taken_forward or not_taken_forward'),
  reason: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe(
      'Why, shown to everyone ("you said, we did"); required for taken_forward and not_taken_forward',
    ),
  takeForwardAsProject: z
    .boolean()
    .optional()
    .describe('With taken_forward: start a QI project from the idea (you lead it) and link the two'),
});
export type TriageBody = z.infer<typeof TriageBody>;

/** An idea as the API returns it (its author only by name, never for an anonymous one). */
export const IdeaView = z
  .object({
    id: Id,
    organisationId: Id,
    unit: z.object({ id: Id, name: z.string() }).nullable().describe('Null: the organisation as a whole'),
    problem: z.string(),
    proposal: z.string(),
    author: z.string().describe('The author’s display name, or "Anonymous"'),
    anonymous: z.boolean(),
    mine: z.boolean().describe('Whether the reader wrote it (never true of an anonymous idea)'),
    status: Status,
    statusReason: z.string().describe('Why it was (not) taken forward, shown to everyone'),
    triagedAt: Timestamp.nullable(),
    projectId: Id.nullable().describe('The QI project it became'),
    voteCount: z.number().int(),
    votedByMe: z.boolean(),
    commentCount: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Idea' });
export type IdeaView = z.infer<typeof IdeaView>;

/** A comment on an idea. */
export const IdeaCommentView = z
  .object({
    id: Id,
    author: z.string().describe('Its author’s display name'),
    text: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'IdeaComment' });
export type IdeaCommentView = z.infer<typeof IdeaCommentView>;

/** An idea with its comments, oldest first. */
export const IdeaDetailView = IdeaView.extend({ comments: z.array(IdeaCommentView) }).meta({
  id: 'IdeaDetail',
});
export type IdeaDetailView = z.infer<typeof IdeaDetailView>;

/** A page of ideas. */
export const IdeaList = pageOf(IdeaView);

/** The ideas a project came from. */
export const ProjectIdeaList = z.object({ items: z.array(IdeaView) });

/** `/organisations/:ref` (ideas). */
export const IdeaOrganisationParams = OrganisationRefParams;
