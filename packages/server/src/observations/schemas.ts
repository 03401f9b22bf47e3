/**
 * @module observations/schemas
 * Request and response schemas of the observation routes, with their inferred types.
 */
import { z } from 'zod';
import { Id, IsoDate, pageOf, pageQuery, PeriodRangeQuery, Timestamp } from '../http/schemas.js';
import { OBSERVATION_PAGE_SIZES } from '../paging.js';

/** The most rows one request may write (larger loads go through imports). */
export const MAX_BATCH_ROWS = 10_000;

/** A stored point as the API returns it. */
export const ObservationView = z
  .object({
    period: IsoDate,
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    ghost: z.boolean(),
    importId: Id.nullable().describe('The import that last wrote the point'),
    recordedBy: Id.nullable().describe('The user who last wrote the point'),
    recordedAt: Timestamp,
  })
  .meta({ id: 'Observation' });
export type ObservationView = z.infer<typeof ObservationView>;

/** A page of a series' points in period order. */
export const ObservationList = pageOf(ObservationView);

/** `GET /series/:id/observations`: a range of periods, a page at a time. */
export const ListObservationsQuery = PeriodRangeQuery.extend(pageQuery(OBSERVATION_PAGE_SIZES).shape);
export type ListObservationsQuery = z.infer<typeof ListObservationsQuery>;

/** One point to write. */
export const ObservationRow = z.strictObject({
  period: IsoDate,
  value: z.number().nullable().optional().describe('For value, count and events measures'),
  numerator: z.number().nullable().optional().describe('For proportion and rate measures'),
  denominator: z.number().nullable().optional().describe('For proportion and rate measures'),
  ghost: z.boolean().nullable().optional().describe('Absent: keep the stored flag (false for a new point)'),
});
export type ObservationRow = z.infer<typeof ObservationRow>;

/** `POST /series/:id/observations`: a batch, written all or nothing. */
export const WriteObservationsBody = z.strictObject({
  rows: z.array(ObservationRow).min(1).max(MAX_BATCH_ROWS),
  importId: Id.optional().describe('The running import the rows belong to'),
  userId: Id.optional().describe(
    'Ignored for a signed-in person (the rows are recorded as theirs); the user for the command line',
  ),
});
export type WriteObservationsBody = z.infer<typeof WriteObservationsBody>;

/** What a write did. */
export const MergeCountsView = z
  .object({
    added: z.number().int().describe('New points'),
    changed: z.number().int().describe('Points whose numbers or ghost flag changed (one revision each)'),
    unchanged: z.number().int().describe('Points sent again with the same numbers'),
  })
  .meta({ id: 'MergeCounts' });

/** `/series/:id/observations/:period`. */
export const ObservationParams = z.object({ id: Id, period: IsoDate });

/** `PATCH /series/:id/observations/:period`: ghost a point or bring it back. */
export const SetGhostBody = z.strictObject({
  ghost: z.boolean().describe('true: leave the point out of every calculation (it is still drawn)'),
  userId: Id.optional().describe(
    'Ignored for a signed-in person (the change is recorded as theirs); the user for the command line',
  ),
});
export type SetGhostBody = z.infer<typeof SetGhostBody>;
