/**
 * @module goals/schemas
 * Request and response schemas of the strategic aim and goal routes, with their inferred types.
 */
import { z } from 'zod';
import { DATA_TYPES, VISIBILITIES } from '../db/schema/vocabulary.js';
import { ASSURANCE_ICONS, VARIATION_ICONS } from '../dashboard/schemas.js';
import { Id, IsoDate, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { GOAL_STATUS_CODES, GOAL_STATUSES } from './status.js';

const title = z.string().trim().min(1).max(300);
const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });

/** A strategic aim as the API returns it. */
export const AimView = z
  .object({
    id: Id,
    organisationId: Id,
    title: z.string(),
    description: z.string(),
    position: z.number().int().describe('Its place in the organisation’s list of aims'),
    visibility: z.enum(VISIBILITIES),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'StrategicAim' });
export type AimView = z.infer<typeof AimView>;

/** An organisation's strategic aims. */
export const AimList = z.object({ items: z.array(AimView) });

/** `POST /organisations/:ref/aims`. */
export const CreateAimBody = z.strictObject({
  title: title.describe('The aim in a few words: "Become the safest trust in England"'),
  description: z.string().max(10_000).optional(),
  position: z.number().int().min(0).max(10_000).optional().describe('Its place in the list (default 0)'),
  visibility: z.enum(VISIBILITIES).optional().describe('Default internal'),
});
export type CreateAimBody = z.infer<typeof CreateAimBody>;

/** `PATCH /organisations/:ref/aims/:id`: the fields to change. */
export const UpdateAimBody = CreateAimBody.partial();
export type UpdateAimBody = z.infer<typeof UpdateAimBody>;

/** `/organisations/:ref/aims/:id`. */
export const AimParams = OrganisationRefParams.extend({ id: Id });

/** A goal's status, derived from the SPC analysis of its series (goals/status.ts). */
export const GoalStatusView = z
  .object({
    status: z.enum(GOAL_STATUSES),
    code: z.enum(GOAL_STATUS_CODES).describe('Which rule decided (docs/goals.md)'),
    reason: z.string().describe('Why, in plain words'),
  })
  .meta({ id: 'GoalStatus' });
export type GoalStatusView = z.infer<typeof GoalStatusView>;

/** A goal with its status. */
export const GoalView = z
  .object({
    id: Id,
    organisationId: Id,
    unitId: Id.nullable().describe("The series' unit; null for the organisation as a whole"),
    unitName: z.string().nullable(),
    aimId: Id.nullable().describe('Null also when the aim is not one the reader may see'),
    parentGoalId: Id.nullable().describe('The goal this one serves (the cascade); null at the top'),
    requirementId: Id.nullable().describe("A commissioner's requirement this goal answers"),
    seriesId: Id,
    measure: z.object({
      id: Id,
      name: z.string(),
      unitLabel: z.string(),
      dataType: z
        .enum(DATA_TYPES)
        .describe('A proportion’s values (and target) are 0–1: show them as percentages'),
    }),
    title: z.string(),
    target: z.number(),
    deadline: IsoDate,
    visibility: z.enum(VISIBILITIES),
    status: GoalStatusView,
    latest: z
      .object({ period: z.string(), value: z.number() })
      .nullable()
      .describe("The series' latest analysed point"),
    variation: z.enum(VARIATION_ICONS).describe("The series' variation icon"),
    assurance: z
      .enum(ASSURANCE_ICONS)
      .nullable()
      .describe("The series' assurance icon against the measure's own target (the status uses the goal's)"),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Goal' });
export type GoalView = z.infer<typeof GoalView>;

/** A goal and the goals that serve it, recursively. */
export type GoalNodeView = GoalView & { readonly children: readonly GoalNodeView[] };
export const GoalNodeView: z.ZodType<GoalNodeView> = GoalView.extend({
  get children(): z.ZodArray<z.ZodType<GoalNodeView>> {
    return z.array(GoalNodeView);
  },
}).meta({ id: 'GoalNode' });

/** A project linked to a goal or a requirement. */
export const LinkedProjectView = z.object({ id: Id, title: z.string() }).meta({ id: 'LinkedProject' });

/** `GET /organisations/:ref/goals`: the goals as a list and as the cascade's tree. */
export const GoalList = z.object({
  items: z.array(GoalView).describe('Every goal that matches, in title order'),
  tree: z
    .array(GoalNodeView)
    .describe('The same goals as the cascade: a goal whose parent is not listed is at the top'),
  projects: z
    .record(z.string(), z.array(LinkedProjectView))
    .describe(
      'The projects serving each listed goal that the reader may read, by goal id (a goal with none is left out)',
    ),
});

/** `GET /goals/:id`: a goal with its aim, parent, sub-goals and projects. */
export const GoalDetailView = GoalView.extend({
  aim: z.object({ id: Id, title: z.string() }).nullable(),
  parent: z.object({ id: Id, title: z.string() }).nullable(),
  children: z.array(GoalView).describe('The goals that serve this one, that the reader may see'),
  projects: z.array(LinkedProjectView).describe('Projects serving this goal, that the reader may see'),
}).meta({ id: 'GoalDetail' });
export type GoalDetailView = z.infer<typeof GoalDetailView>;

/** `GET /organisations/:ref/goals`. */
export const ListGoalsQuery = z.object({
  unitId: Id.optional().describe('Goals of this unit and its sub-units'),
  aimId: Id.optional().describe('Goals under this strategic aim'),
});
export type ListGoalsQuery = z.infer<typeof ListGoalsQuery>;

/** `POST /organisations/:ref/goals`. */
export const CreateGoalBody = z.strictObject({
  seriesId: Id.describe('A series of this organisation: the measure and unit the goal is about'),
  title: title.describe('The goal in words: "Halve falls on Ward 10 by March 2027"'),
  target: finite.describe("The value to reach, in the measure's units"),
  deadline: IsoDate.describe('By when'),
  unitId: Id.nullable()
    .optional()
    .describe("The series' unit (the goal's unit is always its series' unit; sending another is refused)"),
  aimId: Id.nullable().optional().describe('A strategic aim of this organisation'),
  parentGoalId: Id.nullable()
    .optional()
    .describe(
      "The organisation's goal this one serves: at the organisation level, or of this unit or a parent unit",
    ),
  requirementId: Id.nullable().optional().describe("A commissioner's requirement set for this organisation"),
  visibility: z.enum(VISIBILITIES).optional().describe('Default internal'),
});
export type CreateGoalBody = z.infer<typeof CreateGoalBody>;

/** `PATCH /goals/:id`: the fields to change (the series cannot change: make a new goal). */
export const UpdateGoalBody = CreateGoalBody.omit({ seriesId: true, unitId: true }).partial();
export type UpdateGoalBody = z.infer<typeof UpdateGoalBody>;

/** `/organisations/:ref/units/:unitId/goals`. */
export const UnitGoalsParams = OrganisationRefParams.extend({ unitId: Id });

/** A unit's goals: its own and its sub-units' as a tree, and the goals above that they serve. */
export const UnitGoalsView = z.object({
  unit: z.object({ id: Id, name: z.string() }),
  tree: z.array(GoalNodeView).describe("The unit's and its sub-units' goals, as the cascade"),
  serves: z
    .array(GoalView)
    .describe('The goals above (the organisation’s or a parent unit’s) that these goals serve'),
});
