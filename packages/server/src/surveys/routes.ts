/**
 * @module surveys/routes
 * Experience surveys: an organisation's surveys (`/organisations/:ref/surveys`), one survey with its
 * links, opening and closing it, links per unit with QR codes, results (suppressed), comments (to
 * those allowed), publishing now; and, with no sign-in, a link's survey and answering it
 * (`/survey-links/:token`). Validate → service → present.
 */
import '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentLink, presentResults, presentSurvey } from './presenter.js';
import { readLink, respond } from './respond.js';
import {
  CreateLinkBody,
  CreateSurveyBody,
  LinkParams,
  NewSurveyLinkView,
  PublishedView,
  RespondBody,
  RespondedView,
  SurveyCommentList,
  SurveyDetailView,
  SurveyLinkPublicView,
  SurveyLinkView,
  SurveyList,
  SurveyOrganisationParams,
  SurveyResultsView,
  SurveyView,
  TokenParams,
  UpdateSurveyBody,
} from './schemas.js';
import {
  createLink,
  createSurvey,
  listSurveys,
  publishNow,
  readComments,
  readResults,
  readSurvey,
  revokeLink,
  setSurveyOpen,
} from './service.js';

const tags = ['surveys'];

/**
 * Requests through one link from one address: at most 20 a minute (kept in memory only, for the
 * window; never stored, never logged).
 */
const RESPONSE_RATE = {
  max: 20,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest): string => {
    const params = request.params as { token?: unknown } | undefined;
    return `${request.ip} ${typeof params?.token === 'string' ? params.token : ''}`;
  },
};

/** Adds the survey routes. */
export function surveyRoutes(api: Api, { db, now }: RouteDeps): void {
  api.post(
    '/organisations/:ref/surveys',
    {
      schema: {
        tags,
        summary: 'Start an experience survey, with the proportion measure its results become (survey.manage)',
        params: SurveyOrganisationParams,
        body: CreateSurveyBody,
        response: { 201: SurveyView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const survey = await createSurvey(db, request.principal, request.params.ref, request.body);
      return reply.code(201).send(presentSurvey(survey));
    },
  );

  api.get(
    '/organisations/:ref/surveys',
    {
      schema: {
        tags,
        summary: "An organisation's experience surveys, newest first (its own people)",
        params: SurveyOrganisationParams,
        response: { 200: SurveyList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await listSurveys(db, request.principal, request.params.ref)).map(presentSurvey),
    }),
  );

  api.get(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'One survey with its links (never their secrets)',
        params: IdParams,
        response: { 200: SurveyDetailView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const detail = await readSurvey(db, request.principal, request.params.id);
      return { ...presentSurvey(detail.survey), links: detail.links.map(presentLink) };
    },
  );

  api.patch(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Open or close a survey; closing makes its results final and publishes them (survey.manage)',
        params: IdParams,
        body: UpdateSurveyBody,
        response: { 200: SurveyView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentSurvey(await setSurveyOpen(db, request.principal, request.params.id, request.body.open, now())),
  );

  api.post(
    '/surveys/:id/links',
    {
      schema: {
        tags,
        summary:
          'Make a link for a unit: its secret, address and QR code are returned this once (survey.manage)',
        params: IdParams,
        body: CreateLinkBody,
        response: { 201: NewSurveyLinkView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const made = await createLink(db, request.principal, request.params.id, request.body.unitId, origin);
      return reply
        .code(201)
        .send({ ...presentLink(made.link), token: made.token, path: made.path, qrSvg: made.qrSvg });
    },
  );

  api.delete(
    '/surveys/:id/links/:linkId',
    {
      schema: {
        tags,
        summary: 'Revoke a link: it stops working (survey.manage)',
        params: LinkParams,
        response: { 200: SurveyLinkView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentLink(await revokeLink(db, request.principal, request.params.id, request.params.linkId, now())),
  );

  api.get(
    '/surveys/:id/results',
    {
      schema: {
        tags,
        summary:
          'A survey’s results by month, unit and in total: groups smaller than its minimum, and any group that would reveal one by subtraction, are suppressed',
        params: IdParams,
        response: { 200: SurveyResultsView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentResults(await readResults(db, request.principal, request.params.id, now())),
  );

  api.get(
    '/surveys/:id/comments',
    {
      schema: {
        tags,
        summary:
          'The free-text comments of a survey’s shown groups: QI leads and administrators read all, a unit lead those of their units; never the public',
        params: IdParams,
        response: { 200: SurveyCommentList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ items: await readComments(db, request.principal, request.params.id, now()) }),
  );

  api.post(
    '/surveys/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the survey’s final results into its measure now (survey.manage)',
        params: IdParams,
        response: { 200: PublishedView, ...ERROR_RESPONSES },
      },
    },
    async (request) => publishNow(db, request.principal, request.params.id, now()),
  );

  api.get(
    '/survey-links/:token',
    {
      logLevel: 'silent',
      config: { rateLimit: RESPONSE_RATE },
      schema: {
        tags,
        summary: 'The survey a link opens (no sign-in): its question, organisation and unit',
        params: TokenParams,
        response: { 200: SurveyLinkPublicView, ...ERROR_RESPONSES },
      },
    },
    async (request) => readLink(db, request.params.token),
  );

  api.post(
    '/survey-links/:token/responses',
    {
      logLevel: 'silent',
      config: { csrf: false, rateLimit: RESPONSE_RATE },
      schema: {
        tags,
        summary:
          'Answer a survey anonymously through its link (no sign-in; nothing about who answered is kept)',
        params: TokenParams,
        body: RespondBody,
        response: { 201: RespondedView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await respond(db, request.params.token, request.body, now());
      return reply.code(201).send({ recorded: true as const });
    },
  );
}
