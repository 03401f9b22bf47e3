/**
 * @module measures/schemas
 * Request and response schemas of the measure routes, with their inferred types.
 */
import { z } from 'zod';
import { CHART_TYPES, DATA_TYPES, DOMAINS, FREQUENCIES, VISIBILITIES } from '../db/schema/vocabulary.js';
import { Id, IsoDate, PageQuery, pageOf, QueryBoolean, Timestamp } from '../http/schemas.js';

const count = z.number().int().min(1);

/** A measure's SPC options (every one optional; the preset supplies the rest). */
export const SpcOptionsSchema = z
  .strictObject({
    preset: z.enum(['mdc', 'nhsr']).optional(),
    direction: z.enum(['increase', 'decrease', 'neutral']).optional(),
    rebaseAt: z.array(IsoDate).optional().describe('Periods at which a new partition starts'),
    baseline: z
      .union([z.strictObject({ points: count }), z.strictObject({ until: IsoDate })])
      .nullable()
      .optional()
      .describe('Fix the limits on the first N points, or on the points up to a date'),
    baselineMode: z.enum(['fixed', 'restart']).optional(),
    screenOutliers: z.boolean().optional(),
    screenRule: z.enum(['mdc', 'nhsr']).optional(),
    shiftLength: count.optional(),
    trendLength: count.optional(),
    trendAcrossPartitions: z.boolean().optional(),
    twoOfThreeCountsBeyondLimits: z.boolean().optional(),
    conflictRule: z.enum(['improvement', 'concern', 'precedence']).optional(),
    minimumPoints: count.optional(),
    belowMinimum: z.enum(['run_chart', 'trial_limits']).optional(),
    assuranceOnLimit: z.enum(['inclusive', 'exclusive']).optional(),
    minimumBaselinePoints: count.optional(),
  })
  .meta({ id: 'SpcOptions', description: 'SPC options; the target is set over time (targets)' });
export type SpcOptionsBody = z.infer<typeof SpcOptionsSchema>;

/** A measure definition as the API returns it. */
export const MeasureView = z
  .object({
    id: Id,
    ownerOrganisationId: Id.nullable().describe('null: a shared (national) definition'),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    unitLabel: z.string(),
    dataType: z.enum(DATA_TYPES),
    chartType: z.enum(CHART_TYPES),
    spcOptions: SpcOptionsSchema,
    domain: z.enum(DOMAINS),
    owner: z.string().nullable(),
    source: z.string().nullable(),
    visibility: z.enum(VISIBILITIES),
    frequency: z.enum(FREQUENCIES),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Measure' });
export type MeasureView = z.infer<typeof MeasureView>;

/** A page of measures. */
export const MeasurePage = pageOf(MeasureView);

const editable = {
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, {
      error: 'must be 1 to 64 lower-case letters, digits, dots, dashes or underscores',
    })
    .optional(),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).optional(),
  unitLabel: z.string().max(50).optional(),
  dataType: z.enum(DATA_TYPES),
  chartType: z.enum(CHART_TYPES).optional().describe('Default: the usual chart for the data type'),
  spcOptions: SpcOptionsSchema.optional(),
  domain: z.enum(DOMAINS),
  owner: z.string().max(200).nullable().optional(),
  source: z.string().max(500).nullable().optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  frequency: z.enum(FREQUENCIES),
};

/** `POST /measures`. */
export const CreateMeasureBody = z.strictObject({
  ownerOrganisationId: Id.nullable().describe('The owning organisation; null for a shared definition'),
  ...editable,
});
export type CreateMeasureBody = z.infer<typeof CreateMeasureBody>;

/** `PATCH /measures/:id`: the fields to change (SPC options are replaced as a whole). */
export const UpdateMeasureBody = z.strictObject(editable).partial();
export type UpdateMeasureBody = z.infer<typeof UpdateMeasureBody>;

/** `GET /measures`. */
export const ListMeasuresQuery = PageQuery.extend({
  organisationId: Id.optional().describe('Measures this organisation owns or records'),
  shared: QueryBoolean.optional().describe('true: shared definitions only; false: own only'),
  domain: z.enum(DOMAINS).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  dataType: z.enum(DATA_TYPES).optional(),
  search: z.string().max(200).optional().describe('Part of the name or code, any case'),
});
export type ListMeasuresQuery = z.infer<typeof ListMeasuresQuery>;

/** One step of a target timeline. */
export const TargetView = z
  .object({
    id: Id,
    measureId: Id,
    organisationId: Id.nullable().describe("null: the definition's own timeline"),
    effectiveFrom: IsoDate,
    value: z.number().nullable().describe('null: no target from this date'),
  })
  .meta({ id: 'Target' });
export type TargetView = z.infer<typeof TargetView>;

/** A target timeline. */
export const TargetList = z.object({ items: z.array(TargetView) });

/** `PUT /measures/:id/targets`: the target from a date on. */
export const SetTargetBody = z.strictObject({
  organisationId: Id.nullable()
    .optional()
    .describe("An organisation's own timeline; absent: the definition's"),
  effectiveFrom: IsoDate,
  value: z.number().nullable(),
});
export type SetTargetBody = z.infer<typeof SetTargetBody>;

/** `GET /measures/:id/targets`. */
export const TargetsQuery = z.object({
  organisationId: Id.optional().describe("This organisation's timeline if it has one"),
});
