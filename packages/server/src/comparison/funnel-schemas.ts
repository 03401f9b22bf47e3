/**
 * @module comparison/funnel-schemas
 * The query and the response of `GET /measures/:id/funnel`, with their inferred types. The
 * descriptions are the API documentation (OpenAPI is generated from them).
 */
import { z } from 'zod';
import { Id, IsoDate, QueryBoolean, Timestamp } from '../http/schemas.js';
import { PROJECT_STAGES } from '../db/schema/vocabulary.js';
import { MeasureView } from '../measures/schemas.js';
import { FUNNEL_ASSESSMENTS, FUNNEL_POSITIONS } from './funnel-positions.js';
import { ComparisonLevelView, ComparisonOrganisationView } from './schemas.js';

/** `GET /measures/:id/funnel`: which organisations, which periods, which adjustment. */
export const FunnelQuery = z.object({
  unit: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe(
      'Compare the series of units with this name (for example `Type 1 A&E (major emergency department)`) ' +
        'instead of the organisations as a whole; `levels` lists the names',
    ),
  window: z
    .enum(['latest', '12-months'])
    .default('latest')
    .describe(
      'What each organisation is compared on: `latest`, the latest period any of them has (default), or ' +
        '`12-months`, its numerators and denominators summed over the twelve months up to that period',
    ),
  among: z
    .enum(['all', 'granted'])
    .default('all')
    .describe(
      '`all` (default): every organisation whose series the reader may read; `granted`: only those that ' +
        "granted the reader's organisation access (a commissioner's providers, side by side)",
    ),
  organisation: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe(
      "The organisation to highlight (id or ODS code); by default the reader's own, when it is in the funnel",
    ),
  overdispersion: QueryBoolean.optional().describe(
    'Widen the limits for overdispersion when φ > 1 (spc-method.md §5; default true). `false` shows the ' +
      'unadjusted limits; φ and τ² are reported either way',
  ),
});
export type FunnelQuery = z.infer<typeof FunnelQuery>;

/** A project in the library. */
export const FunnelProjectView = z
  .object({
    id: Id,
    title: z.string(),
    stage: z.enum(PROJECT_STAGES),
    aim: z.string().describe('What the project set out to improve'),
    publishedAt: Timestamp,
  })
  .meta({ id: 'FunnelProject' });

/** A unit's limits at one level. */
const UnitLimitsView = z.object({
  level: z.number().describe('Confidence level in percent (95 or 99.8)'),
  lower: z.number(),
  upper: z.number(),
});

/** One organisation on the funnel. */
export const FunnelPointView = z
  .object({
    organisation: ComparisonOrganisationView,
    label: z
      .string()
      .describe('How the chart names it: its name, with its ODS code when two organisations share a name'),
    numerator: z.number(),
    denominator: z.number(),
    periods: z.number().int().describe('Periods summed'),
    value: z.number().describe('Numerator over denominator (a proportion of 1, or a rate)'),
    z: z.number().describe('The unadjusted z-score, before any Winsorising'),
    limits: z.array(UnitLimitsView).describe('At its denominator, adjusted when the funnel is'),
    position: z
      .enum(FUNNEL_POSITIONS)
      .describe('Which limits it lies beyond: above or below the 99.8% or the 95% limit, or within'),
    assessment: z
      .enum(FUNNEL_ASSESSMENTS)
      .describe(
        "What that means with the measure's improvement direction: better or worse; higher or lower when the " +
          'measure has no direction; expected when within the 95% limits',
      ),
    outlier: z.boolean().describe('Beyond the 99.8% limits'),
    words: z.string().describe('The position in plain English'),
    mine: z.boolean().describe('The highlighted organisation (the reader’s own by default)'),
    projects: z
      .array(FunnelProjectView)
      .describe(
        'Its projects in the library that watch a series of this measure, newest first: how they did it',
      ),
  })
  .meta({ id: 'FunnelPoint' });
export type FunnelPointView = z.infer<typeof FunnelPointView>;

/** A limit curve. */
const CurveView = z.object({
  level: z.number(),
  z: z.number().describe('The normal quantile used'),
  points: z.array(z.object({ denominator: z.number(), lower: z.number(), upper: z.number() })),
});

/** `GET /measures/:id/funnel`. */
export const FunnelView = z
  .object({
    measure: MeasureView,
    unit: z.string().nullable().describe('The level compared: a unit name, or null for the organisations'),
    levels: z.array(ComparisonLevelView).describe('Every level at which the reader may compare the measure'),
    window: z.enum(['latest', '12-months']),
    among: z.enum(['all', 'granted']),
    period: z
      .object({ from: IsoDate, to: IsoDate })
      .nullable()
      .describe('The periods compared; null when no organisation has data'),
    type: z
      .enum(['proportion', 'ratio-of-counts'])
      .describe('Proportions (binomial, arcsine-scale limits) or rates (ratio of counts)'),
    direction: z.enum(['increase', 'decrease', 'neutral']).describe('Which way is better'),
    target: z.number().nullable().describe('The pooled value: Σ numerators / Σ denominators'),
    overdispersion: z.object({
      requested: z.boolean(),
      phi: z.number().nullable().describe('φ = Σz²/N with Winsorised z (as measured, even when not used)'),
      tau2: z.number().nullable().describe('τ², the between-organisation variance (as measured)'),
      adjusted: z.boolean().describe('Whether the limits are widened by τ² (requested and φ > 1)'),
      retained: z.number().int().describe('Organisations that entered φ and τ²'),
    }),
    points: z.array(FunnelPointView).describe('In organisation name order (never ranked)'),
    curves: z.array(CurveView).describe('The limits as functions of the denominator, 95% then 99.8%'),
    missing: z
      .array(ComparisonOrganisationView)
      .describe('Organisations at this level with no usable data in the periods compared'),
    highlighted: Id.nullable().describe('The highlighted organisation, when it is in the funnel'),
    svg: z
      .string()
      .nullable()
      .describe('The funnel plot (SVG from @groundswell/charts); null with no points'),
    description: z.string().describe("The plot's text alternative in plain English"),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'Funnel' });
export type FunnelView = z.infer<typeof FunnelView>;
