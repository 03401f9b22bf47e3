/**
 * @module requirements/schemas
 * Request and response schemas of the outcome requirement routes, with their inferred types.
 */
import { z } from 'zod';
import { ASSURANCE_ICONS, VARIATION_ICONS } from '../dashboard/schemas.js';
import { DATA_TYPES } from '../db/schema/vocabulary.js';
import { GoalStatusView, GoalView, LinkedProjectView } from '../goals/schemas.js';
import { Id, IsoDate, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';

const OrganisationRefView = z.object({ id: Id, odsCode: z.string(), name: z.string() });
const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });

/** A requirement as the API returns it. */
export const RequirementView = z
  .object({
    id: Id,
    commissioner: OrganisationRefView,
    provider: OrganisationRefView,
    measureId: Id,
    title: z.string(),
    description: z.string(),
    target: z.number(),
    dueBy: IsoDate,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'OutcomeRequirement' });
export type RequirementView = z.infer<typeof RequirementView>;

/** A list of requirements. */
export const RequirementList = z.object({ items: z.array(RequirementView) });

/** `POST /organisations/:ref/requirements`. */
export const CreateRequirementBody = z.strictObject({
  provider: z
    .string()
    .min(1)
    .max(64)
    .describe('The provider: its id or ODS code (it must have granted this commissioner access)'),
  measureId: Id.describe("A shared measure, or one of the provider's own"),
  title: z.string().trim().min(1).max(300).describe('The requirement in a few words'),
  description: z.string().max(10_000).optional(),
  target: finite.describe("The value to reach, in the measure's units"),
  dueBy: IsoDate.describe('By when'),
});
export type CreateRequirementBody = z.infer<typeof CreateRequirementBody>;

/** `PATCH /organisations/:ref/requirements/:id`: the fields to change. */
export const UpdateRequirementBody = CreateRequirementBody.omit({
  provider: true,
  measureId: true,
}).partial();
export type UpdateRequirementBody = z.infer<typeof UpdateRequirementBody>;

/** `/organisations/:ref/requirements/:id`. */
export const RequirementParams = OrganisationRefParams.extend({ id: Id });

/** `/requirements/:id/projects/:projectId`. */
export const RequirementProjectParams = z.object({ id: Id, projectId: Id });

/** `GET /requirements/:id/progress`. */
export const RequirementProgressView = z
  .object({
    requirement: RequirementView,
    measureName: z.string().nullable().describe('Null when the reader may not read the measure'),
    measureDataType: z
      .enum(DATA_TYPES)
      .nullable()
      .describe("The measure's data type (a proportion's target and values are 0–1); null as measureName"),
    measureProgress: z
      .object({
        seriesId: Id,
        status: GoalStatusView,
        variation: z.enum(VARIATION_ICONS),
        assurance: z.enum(ASSURANCE_ICONS).nullable(),
        latest: z.object({ period: z.string(), value: z.number() }).nullable(),
      })
      .nullable()
      .describe(
        "The provider's organisation-level series of the measure, judged against the requirement's target and date; null when there is none the reader may read",
      ),
    goals: z
      .array(GoalView)
      .describe("The provider's goals answering it that the reader may read (goal and measure)"),
    projects: z
      .array(LinkedProjectView)
      .describe(
        "The provider's projects answering it: public or published ones only, unless the reader is the provider's",
      ),
  })
  .meta({ id: 'RequirementProgress' });
