/**
 * @module series/schemas
 * Request and response schemas of the series routes, with their inferred types.
 */
import { z } from 'zod';
import { Id, PageQuery, pageOf, Timestamp } from '../http/schemas.js';
import { SpcOptionsSchema } from '../measures/schemas.js';

/** A series as the API returns it. */
export const SeriesView = z
  .object({
    id: Id,
    measureId: Id,
    organisationId: Id,
    unitId: Id.nullable().describe('null: the organisation as a whole'),
    spcOptions: SpcOptionsSchema.nullable().describe(
      "This series' own SPC options, merged over the measure's when it is analysed; null: none",
    ),
    createdAt: Timestamp,
  })
  .meta({ id: 'Series' });
export type SeriesView = z.infer<typeof SeriesView>;

/** A page of series. */
export const SeriesList = pageOf(SeriesView);

/** `POST /series`: the series of a measure × organisation × unit, created if new. */
export const EnsureSeriesBody = z.strictObject({
  measureId: Id,
  organisationId: Id,
  unitId: Id.nullable().optional().describe('A unit of the organisation; absent: the whole organisation'),
});
export type EnsureSeriesBody = z.infer<typeof EnsureSeriesBody>;

/** `GET /series`. */
export const ListSeriesQuery = PageQuery.extend({
  organisationId: Id.optional().describe("Only this organisation's series"),
  measureId: Id.optional().describe('Only series of this measure'),
  unitId: Id.optional().describe("Only this unit's series"),
});
export type ListSeriesQuery = z.infer<typeof ListSeriesQuery>;

/** `PATCH /series/:id`: the fields to change. */
export const UpdateSeriesBody = z.strictObject({
  spcOptions: SpcOptionsSchema.nullable()
    .optional()
    .describe(
      "This series' own SPC options (replaced as a whole), merged over the measure's wherever the series is analysed: a rebase, baseline, preset or direction for this organisation's chart alone. null: none (the measure's options apply)",
    ),
});
export type UpdateSeriesBody = z.infer<typeof UpdateSeriesBody>;
