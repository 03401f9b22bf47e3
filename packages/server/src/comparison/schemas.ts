/**
 * @module comparison/schemas
 * The query and the response of `GET /measures/:id/comparison`, with their inferred types.
 * The descriptions are the API documentation (OpenAPI is generated from them).
 */
import { z } from 'zod';
import { ORGANISATION_KINDS } from '../db/schema/vocabulary.js';
import { DashboardSeriesView, SparklinePoints } from '../dashboard/schemas.js';
import { Id, PageQuery } from '../http/schemas.js';
import { MeasureView } from '../measures/schemas.js';

/** `GET /measures/:id/comparison`: which organisations, and how many points each sparkline shows. */
export const ComparisonQuery = PageQuery.extend({
  unit: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe(
      'Compare the series of units with this name (for example an A&E department type, `Type 1 A&E`) instead ' +
        'of the organisations as a whole; `levels` lists the names',
    ),
  search: z
    .string()
    .max(200)
    .optional()
    .describe('Only organisations with this in their name or ODS code (any case)'),
  points: SparklinePoints,
});
export type ComparisonQuery = z.infer<typeof ComparisonQuery>;

/** An organisation as a comparison names it. */
export const ComparisonOrganisationView = z.object({
  id: Id,
  odsCode: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
});

/** One organisation's series of the measure. */
export const ComparisonItemView = z
  .object({
    organisation: ComparisonOrganisationView,
    series: DashboardSeriesView.describe(
      "The organisation's series of the measure at the level compared (the organisation as a whole, or its " +
        'unit of that name), as the dashboard shows it: its own analysis, icons and sparkline',
    ),
  })
  .meta({ id: 'ComparisonItem' });
export type ComparisonItemView = z.infer<typeof ComparisonItemView>;

/** A level at which organisations record the measure. */
export const ComparisonLevelView = z
  .object({
    unit: z
      .string()
      .nullable()
      .describe('A unit name (pass as `unit`); null: the organisation as a whole (the default)'),
    organisations: z.number().int().describe('Organisations with a series at this level'),
  })
  .meta({ id: 'ComparisonLevel' });
export type ComparisonLevelView = z.infer<typeof ComparisonLevelView>;

/** `GET /measures/:id/comparison`. */
export const ComparisonView = z
  .object({
    measure: MeasureView,
    unit: z
      .string()
      .nullable()
      .describe('The level compared: the unit name asked for, or null for the organisations as a whole'),
    levels: z
      .array(ComparisonLevelView)
      .describe(
        'Every level at which some organisation records the measure: the organisation as a whole first (when ' +
          'any records it so), then unit names in name order',
      ),
    total: z.number().int().describe('Series at this level (one per organisation, or per unit of that name)'),
    matching: z
      .number()
      .int()
      .describe('Of those, the ones whose organisation matches `search` (all of them without it)'),
    items: z
      .array(ComparisonItemView)
      .describe(
        'A page of the matching organisations in name order (never ranked: each series is analysed against ' +
          'its own past)',
      ),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  })
  .meta({ id: 'Comparison' });
export type ComparisonView = z.infer<typeof ComparisonView>;
