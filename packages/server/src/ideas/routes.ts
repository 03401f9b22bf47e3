/**
 * @module ideas/routes
 * Staff ideas: submit one (`POST /organisations/:ref/ideas`), the organisation's list, one idea
 * with its comments (`/ideas/:id`), votes, comments, triage, and the ideas a project came from
 * (`GET /projects/:id/ideas`). Validate → service → present. Bodies are never logged, and a
 * submission's request is not logged at all below warnings (an anonymous idea's request must not be
 * tied to its author anywhere).
 */
import type { Principal } from '../auth/principal.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentComment, presentIdea, presentIdeaDetail } from './presenter.js';
import {
  CommentBody,
  IdeaCommentView,
  IdeaDetailView,
  IdeaList,
  IdeaOrganisationParams,
  IdeaView,
  ListIdeasQuery,
  ProjectIdeaList,
  SubmitIdeaBody,
  TriageBody,
} from './schemas.js';
import { addComment, listIdeas, projectIdeas, readIdea, setVote, submitIdea } from './service.js';
import { triageIdea } from './triage.js';

const tags = ['ideas'];

const reader = (principal: Principal): string | null => (principal.kind === 'user' ? principal.userId : null);

/** Adds the idea routes. */
export function ideaRoutes(api: Api, { db }: RouteDeps): void {
  api.post(
    '/organisations/:ref/ideas',
    {
      // Not even the request line at info: its time and remote address, set beside the idea's
      // created_at, would point to the author of an anonymous idea. Errors are still logged.
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Submit an idea: the problem, the proposal, the unit; optionally anonymous (idea.submit)',
        params: IdeaOrganisationParams,
        body: SubmitIdeaBody,
        response: { 201: IdeaView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const row = await submitIdea(db, request.principal, request.params.ref, request.body);
      return reply.code(201).send(presentIdea(row, reader(request.principal)));
    },
  );

  api.get(
    '/organisations/:ref/ideas',
    {
      schema: {
        tags,
        summary:
          "An organisation's ideas, for its own people: by unit (and its sub-units) and status, newest or most voted first",
        params: IdeaOrganisationParams,
        querystring: ListIdeasQuery,
        response: { 200: IdeaList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await listIdeas(db, request.principal, request.params.ref, request.query);
      const me = reader(request.principal);
      return { items: page.items.map((row) => presentIdea(row, me)), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/ideas/:id',
    {
      schema: {
        tags,
        summary: 'One idea with its votes and comments (its organisation’s people only)',
        params: IdParams,
        response: { 200: IdeaDetailView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentIdeaDetail(await readIdea(db, request.principal, request.params.id), reader(request.principal)),
  );

  api.post(
    '/ideas/:id/vote',
    {
      schema: {
        tags,
        summary: 'Vote for an idea (one vote each; voting again changes nothing)',
        params: IdParams,
        response: { 200: IdeaView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentIdea(await setVote(db, request.principal, request.params.id, true), reader(request.principal)),
  );

  api.delete(
    '/ideas/:id/vote',
    {
      schema: {
        tags,
        summary: 'Withdraw my vote for an idea',
        params: IdParams,
        response: { 200: IdeaView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentIdea(await setVote(db, request.principal, request.params.id, false), reader(request.principal)),
  );

  api.post(
    '/ideas/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on an idea (signed with your name)',
        params: IdParams,
        body: CommentBody,
        response: { 201: IdeaCommentView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const comment = await addComment(db, request.principal, request.params.id, request.body.text);
      return reply.code(201).send(presentComment(comment));
    },
  );

  api.post(
    '/ideas/:id/triage',
    {
      schema: {
        tags,
        summary:
          "Triage an idea: under review, taken forward (perhaps as a project) or not, with a reason shown to everyone; the author is notified (idea.triage; a unit lead for their unit's ideas)",
        params: IdParams,
        body: TriageBody,
        response: { 200: IdeaView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentIdea(
        await triageIdea(db, request.principal, request.params.id, request.body),
        reader(request.principal),
      ),
  );

  api.get(
    '/projects/:id/ideas',
    {
      schema: {
        tags,
        summary: 'The ideas a project came from (those the reader may read: its organisation’s people)',
        params: IdParams,
        response: { 200: ProjectIdeaList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const rows = await projectIdeas(db, request.principal, request.params.id);
      const me = reader(request.principal);
      return { items: rows.map((row) => presentIdea(row, me)) };
    },
  );
}
