/**
 * @module dashboard/schemas
 * The query and the response of `GET /organisations/:ref/dashboard`, with their inferred types.
 * The descriptions are the API documentation (OpenAPI is generated from them).
 */
import type { AssuranceIcon, VariationIcon } from '@groundswell/spc';
import { z } from 'zod';
import {
  CHART_TYPES,
  DATA_TYPES,
  DOMAINS,
  ORGANISATION_KINDS,
  VISIBILITIES,
} from '../db/schema/vocabulary.js';
import { Id, IsoDate, QueryBoolean } from '../http/schemas.js';

/** The variation icons, in the order of the summary matrix's rows. */
export const VARIATION_ICONS = [
  'improvement_high',
  'improvement_low',
  'neither_high',
  'neither_low',
  'common_cause',
  'concern_high',
  'concern_low',
  'none',
] as const satisfies readonly VariationIcon[];

/** The assurance icons, in the order of the summary matrix's columns (null: no target). */
export const ASSURANCE_ICONS = ['pass', 'hit_or_miss', 'fail'] as const satisfies readonly AssuranceIcon[];

/** The sparkline's default and largest number of points. */
export const DEFAULT_SPARKLINE_POINTS = 60;
export const MAX_SPARKLINE_POINTS = 1000;

/** `points`: how many of the latest points each sparkline shows (the dashboard's and a comparison's). */
export const SparklinePoints = z.coerce
  .number()
  .int()
  .min(0)
  .max(MAX_SPARKLINE_POINTS)
  .optional()
  .describe(
    `How many of the latest points each sparkline shows, 0 to ${MAX_SPARKLINE_POINTS} ` +
      `(default ${DEFAULT_SPARKLINE_POINTS}); the analysis always uses every point`,
  );

/** `GET /organisations/:ref/dashboard`: filters. */
export const DashboardQuery = z.object({
  unit: z
    .union([Id, z.literal('none')])
    .optional()
    .describe(
      "A unit's id: only that unit's series (with `subtree=true`, also those of every unit under it). " +
        '`none`: only the series of the organisation as a whole. Absent: every series.',
    ),
  subtree: QueryBoolean.optional().describe('With `unit`: include the units under it (default false)'),
  domain: z.enum(DOMAINS).optional().describe('Only measures of this domain'),
  measure: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("Only this measure: its code (an organisation's own and a shared one may share it) or its id"),
  visibility: z.enum(VISIBILITIES).optional().describe('Only measures of this visibility'),
  variation: z
    .enum(VARIATION_ICONS)
    .optional()
    .describe('Only series with this variation icon (the summary matrix still counts every series)'),
  assurance: z
    .enum([...ASSURANCE_ICONS, 'none'])
    .optional()
    .describe('Only series with this assurance icon; `none`: without one (no target, or no limits)'),
  points: SparklinePoints,
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const index = z.number().int().min(0);
const indexes = (what: string): z.ZodArray<typeof index> =>
  z.array(index).describe(`Indexes (into the sparkline's arrays) of the points ${what}`);
const line = (what: string): z.ZodArray<z.ZodNullable<z.ZodNumber>> =>
  z.array(z.number().nullable()).describe(`${what} at each point; null where there is none`);

/** A series' latest points with their lines, as parallel arrays (one entry per point). */
export const SparklineView = z
  .object({
    offset: index.describe(
      'How many earlier points of the analysis are not shown: point i here is point offset + i of the analysis',
    ),
    periods: z
      .array(IsoDate)
      .describe('Each point’s period, oldest first (T charts: the date of each event after the first)'),
    values: z
      .array(z.number())
      .describe(
        'The plotted values: the value, or numerator ÷ denominator for proportions and rates; T charts: days ' +
          'between events; G charts: cases between events',
      ),
    mean: line('The centre line (G charts: 0.693 × the mean count; run charts: the median)'),
    lower: line('The lower process limit'),
    upper: line('The upper process limit'),
    target: line('The target')
      .nullable()
      .describe('The target at each point (null where none applies); null when no point has a target'),
    improvement: indexes('that are special cause improvement'),
    concern: indexes('that are special cause concern'),
    neither: indexes('that are special cause where neither direction is better'),
    ghosts: indexes('left out of the calculations (drawn, but not used)'),
    annotated: indexes('that have at least one annotation'),
  })
  .describe(
    'The sparkline of the latest points, compact: arrays of equal length, one entry per point. Points ' +
      'not listed in improvement, concern or neither are common cause.',
  )
  .meta({ id: 'Sparkline' });
export type SparklineView = z.infer<typeof SparklineView>;

/** What the dashboard shows of a series' measure. */
export const DashboardMeasureView = z
  .object({
    id: Id,
    ownerOrganisationId: Id.nullable().describe(
      'The organisation that owns the definition; null: a shared (national) definition, which others record ' +
        'too and which `GET /measures/{id}/comparison` compares across organisations',
    ),
    code: z.string(),
    name: z.string(),
    domain: z.enum(DOMAINS),
    dataType: z.enum(DATA_TYPES),
    chartType: z.enum(CHART_TYPES),
    direction: z
      .enum(['increase', 'decrease', 'neutral'])
      .describe('Which way is better (the SPC options after preset defaults)'),
    unitLabel: z.string().describe('What the numbers count: `%`, `patients`…'),
    visibility: z.enum(VISIBILITIES),
    synthetic: z
      .boolean()
      .describe('The data are synthetic demo data made up by the demo loader (not real figures): say so'),
  })
  .meta({ id: 'DashboardMeasure' });

const variation = z
  .enum(VARIATION_ICONS)
  .describe('The Making Data Count variation icon; `none`: too few points for limits');
const assurance = z
  .enum(ASSURANCE_ICONS)
  .nullable()
  .describe('The Making Data Count assurance icon; null: no target (or no limits)');

/** One series on the dashboard. */
export const DashboardSeriesView = z
  .object({
    id: Id.describe("The series' id (`GET /series/{id}/analysis` gives its full analysis)"),
    measure: DashboardMeasureView,
    unit: z
      .object({ id: Id, name: z.string() })
      .nullable()
      .describe('The unit the series is for; null: the organisation as a whole'),
    pointCount: z.number().int().describe('Observations stored (plotted or not)'),
    latest: z
      .object({
        period: IsoDate,
        value: z.number().nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        ghost: z.boolean(),
      })
      .nullable()
      .describe('The latest observation stored; null when there is none'),
    target: z.number().nullable().describe('The target in force at the latest observation; null: none'),
    icons: z.object({ variation, assurance }),
    warnings: z
      .array(z.object({ code: z.string(), message: z.string() }))
      .describe(
        "The analysis' warnings (codes as the SPC engine's, e.g. `too_few_points`), and `not_analysed` when " +
          'the engine refused the data (the icons are then `none` and null)',
      ),
    annotationCount: z.number().int().describe("The series' annotations (on any period)"),
    sparkline: SparklineView,
  })
  .meta({ id: 'DashboardSeries' });
export type DashboardSeriesView = z.infer<typeof DashboardSeriesView>;

/** One cell of the summary matrix. */
export const MatrixCellView = z
  .object({
    variation,
    assurance,
    count: z.number().int(),
    seriesIds: z.array(Id).describe('The series in this cell, in the order of `series`'),
  })
  .meta({ id: 'DashboardMatrixCell' });
export type MatrixCellView = z.infer<typeof MatrixCellView>;

/** `GET /organisations/:ref/dashboard`. */
export const DashboardView = z
  .object({
    organisation: z.object({
      id: Id,
      odsCode: z.string(),
      name: z.string(),
      kind: z.enum(ORGANISATION_KINDS),
    }),
    total: z
      .number()
      .int()
      .describe(
        'Series the reader may read matching unit, subtree, domain, measure and visibility (those the matrix ' +
          'counts; series the reader may not read are neither shown nor counted)',
      ),
    matrix: z
      .array(MatrixCellView)
      .describe(
        'The summary matrix of variation × assurance: every cell (variation icons in rows, in the order ' +
          'improvement_high, improvement_low, neither_high, neither_low, common_cause, concern_high, ' +
          'concern_low, none; assurance in columns: pass, hit_or_miss, fail, null), counting the series that ' +
          'match every filter but `variation` and `assurance`, so that a cell can be picked as those two filters',
      ),
    series: z
      .array(DashboardSeriesView)
      .describe(
        'The series matching every filter, in measure name order, then the organisation as a whole before ' +
          'its units, then unit name',
      ),
  })
  .meta({ id: 'Dashboard' });
export type DashboardView = z.infer<typeof DashboardView>;
