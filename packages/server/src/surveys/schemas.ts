/**
 * @module surveys/schemas
 * Request and response schemas of the survey routes, with their inferred types.
 */
import { z } from 'zod';
import { SURVEY_KINDS } from '../db/schema/vocabulary.js';
import { Id, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';

const Kind = z.enum(SURVEY_KINDS).describe('staff (a staff survey) or patient (Friends-and-Family style)');

/** `POST /organisations/:ref/surveys`. */
export const CreateSurveyBody = z.strictObject({
  kind: Kind,
  title: z.string().trim().min(1).max(300).describe('The survey’s name, also its measure’s name'),
  question: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('The recommend question, answered yes, no or don’t know'),
  minGroup: z
    .number()
    .int()
    .min(5)
    .max(100)
    .optional()
    .describe('The smallest group whose results are shown (default 5; never below 5)'),
});
export type CreateSurveyBody = z.infer<typeof CreateSurveyBody>;

/** `PATCH /surveys/:id`. */
export const UpdateSurveyBody = z.strictObject({
  open: z.boolean().describe('false closes the survey (its results become final and are published)'),
});

/** `POST /surveys/:id/links`. */
export const CreateLinkBody = z.strictObject({
  unitId: Id.describe('The unit whose responses the link collects'),
});

/** `/surveys/:id/links/:linkId`. */
export const LinkParams = z.object({ id: Id, linkId: Id });

/** `/survey-links/:token`. */
export const TokenParams = z.object({
  token: z.string().min(1).max(200).describe('The secret of the link (from its address or QR code)'),
});

/** `POST /survey-links/:token/responses`. */
export const RespondBody = z.strictObject({
  answer: z.enum(['yes', 'no', 'dont_know']).describe('Would you recommend it: yes, no, or don’t know'),
  comment: z.string().max(2000).optional().describe('Anything you would like to add (optional)'),
});
export type RespondBody = z.infer<typeof RespondBody>;

/** A survey. */
export const SurveyView = z
  .object({
    id: Id,
    organisationId: Id,
    kind: Kind,
    title: z.string(),
    question: z.string(),
    minGroup: z.number().int(),
    open: z.boolean(),
    measureId: Id.nullable().describe('The proportion measure its results are published as'),
    createdAt: Timestamp,
  })
  .meta({ id: 'Survey' });
export type SurveyView = z.infer<typeof SurveyView>;

/** A survey's link (never its token). */
export const SurveyLinkView = z
  .object({
    id: Id,
    unit: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: Timestamp,
    revokedAt: Timestamp.nullable().describe('Set: the link no longer works'),
  })
  .meta({ id: 'SurveyLink' });
export type SurveyLinkView = z.infer<typeof SurveyLinkView>;

/** A new link, with its secret shown this once. */
export const NewSurveyLinkView = SurveyLinkView.extend({
  token: z.string().describe('The secret: shown only now, stored only as its SHA-256'),
  path: z.string().describe('The response page’s path in the web app (`/s/<token>`)'),
  qrSvg: z.string().describe('The page’s full address as a QR code (SVG)'),
}).meta({ id: 'NewSurveyLink' });

/** A survey with its links. */
export const SurveyDetailView = SurveyView.extend({ links: z.array(SurveyLinkView) }).meta({
  id: 'SurveyDetail',
});
export type SurveyDetailView = z.infer<typeof SurveyDetailView>;

/** An organisation's surveys. */
export const SurveyList = z.object({ items: z.array(SurveyView) });

/** A group's result: shown (with its counts), suppressed, no responses, or the month not yet over. */
export const SurveyCellView = z
  .object({
    status: z
      .enum(['shown', 'suppressed', 'none', 'collecting'])
      .describe(
        'shown; suppressed (fewer than the survey’s minimum, or hidden so that a smaller group cannot be worked out from a total); none (no responses); collecting (the period is not final yet)',
      ),
    responses: z.number().int().nullable().describe('Only when shown'),
    yes: z.number().int().nullable(),
    no: z.number().int().nullable(),
    dontKnow: z.number().int().nullable(),
    percent: z
      .number()
      .nullable()
      .describe(
        'yes ÷ every response (“don’t know” included, as the Friends and Family Test counts) × 100, one decimal place',
      ),
  })
  .meta({ id: 'SurveyCell' });
export type SurveyCellView = z.infer<typeof SurveyCellView>;

/** A survey's results by period, newest first. */
export const SurveyResultsView = z
  .object({
    survey: SurveyView,
    periods: z.array(
      z.object({
        period: z.string().describe('The month, as its first day'),
        final: z.boolean().describe('false: the month is not over (nothing is shown yet)'),
        total: SurveyCellView.describe('Every unit together'),
        units: z.array(z.object({ unit: z.object({ id: Id, name: z.string() }), cell: SurveyCellView })),
      }),
    ),
  })
  .meta({ id: 'SurveyResults' });
export type SurveyResultsView = z.infer<typeof SurveyResultsView>;

/** The comments the reader may read. */
export const SurveyCommentList = z
  .object({
    items: z.array(
      z.object({ unit: z.object({ id: Id, name: z.string() }), period: z.string(), text: z.string() }),
    ),
  })
  .meta({ id: 'SurveyComments' });

/** What a response page shows. */
export const SurveyLinkPublicView = z
  .object({
    organisation: z.string(),
    unit: z.string(),
    kind: Kind,
    title: z.string(),
    question: z.string(),
  })
  .meta({ id: 'SurveyLinkPublic' });

/** The answer to a response. */
export const RespondedView = z.object({ recorded: z.literal(true) });

/** The result of publishing now. */
export const PublishedView = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});

/** `/organisations/:ref` (surveys). */
export const SurveyOrganisationParams = OrganisationRefParams;
