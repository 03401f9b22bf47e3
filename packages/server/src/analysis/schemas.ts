/**
 * @module analysis/schemas
 * The response schema of `GET /series/:id/analysis`: the engine's result as JSON.
 */
import { z } from 'zod';
import { MeasureView, TargetView } from '../measures/schemas.js';
import { SeriesView } from '../series/schemas.js';

const side = z.enum(['high', 'low', 'both']).nullable();
const line = z.number().nullable();
const VARIATION_ICONS = [
  'common_cause',
  'improvement_high',
  'improvement_low',
  'concern_high',
  'concern_low',
  'neither_high',
  'neither_low',
  'none',
] as const;
const ASSURANCE_ICONS = ['pass', 'fail', 'hit_or_miss'] as const;

/** One analysed point. */
export const SpcPointView = z
  .object({
    index: z.number().int(),
    period: z.union([z.string(), z.number()]),
    value: z.number(),
    ghost: z.boolean(),
    partition: z.number().int().describe('1-based'),
    mean: line,
    lowerLimit: line,
    upperLimit: line,
    lower2Sigma: line,
    upper2Sigma: line,
    lower1Sigma: line,
    upper1Sigma: line,
    movingRange: line,
    singlePoint: side,
    shift: side,
    trend: side,
    twoOfThree: side,
    pointType: z.enum(['common_cause', 'improvement', 'concern', 'neither_high', 'neither_low']),
    target: line,
  })
  .meta({ id: 'SpcPoint' });

const RunsView = z.object({
  partitions: z.array(z.number().int()).readonly(),
  n: z.number().int(),
  longestRun: line,
  longestRunMax: line,
  crossings: line,
  crossingsMin: line,
  signal: z.boolean(),
});

/** The engine's result. */
export const AnalysisView = z
  .object({
    chart: z.enum(['xmr', 't', 'g', 'run', 'p', 'pp', 'u', 'up', 'c']),
    options: z.record(z.string(), z.unknown()).describe('The options after preset defaults were applied'),
    points: z.array(SpcPointView),
    partitions: z.array(
      z.object({
        partition: z.number().int(),
        start: z.number().int(),
        end: z.number().int(),
        n: z.number().int(),
        nUsed: z.number().int(),
        mean: line,
        movingRangeMean: line,
        lowerLimit: line,
        upperLimit: line,
        baseline: z.boolean(),
        inherited: z.boolean(),
      }),
    ),
    summary: z.object({
      n: z.number().int(),
      mean: line,
      lowerLimit: line,
      upperLimit: line,
      variation: z.enum(VARIATION_ICONS),
      assurance: z.enum(ASSURANCE_ICONS).nullable(),
      limitsShown: z.boolean().describe('false: shown as a run chart (too few points)'),
      runs: RunsView.optional(),
    }),
    warnings: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        index: z.number().int().optional(),
        partition: z.number().int().optional(),
      }),
    ),
    runs: z.array(RunsView).optional().describe('Run charts: the Anhøj figures of each partition'),
  })
  .meta({ id: 'SpcAnalysis' });
export type AnalysisView = z.infer<typeof AnalysisView>;

/** `GET /series/:id/analysis`. */
export const SeriesAnalysisView = z.object({
  series: SeriesView,
  measure: MeasureView,
  synthetic: z
    .boolean()
    .describe('The data are synthetic demo data made up by the demo loader (not real figures): say so'),
  targets: z.array(TargetView).describe('The target timeline that applies'),
  icons: z.object({
    variation: z.enum(VARIATION_ICONS),
    assurance: z.enum(ASSURANCE_ICONS).nullable().describe('null: no target'),
  }),
  analysis: AnalysisView,
});
export type SeriesAnalysisView = z.infer<typeof SeriesAnalysisView>;
