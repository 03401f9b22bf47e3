/**
 * @module http/schemas
 * Zod schemas shared by the routes: ids, dates, paging.
 */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging.js';
import type { PageSizes } from '../paging.js';
import { isIsoDate } from '../validation.js';

/** An id: a UUID. */
export const Id = z.uuid({ error: 'must be an id (a UUID)' });

/** A calendar date written `YYYY-MM-DD`. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { error: 'must be a date written YYYY-MM-DD' })
  .meta({ format: 'date', example: '2024-04-01' });

/** A time, sent as an ISO 8601 string. */
export const Timestamp = z.string().meta({ format: 'date-time' });

/** `:id` in a path. */
export const IdParams = z.object({ id: Id });

/** The query of a paged list with these page sizes. */
export function pageQuery(sizes: PageSizes): z.ZodObject<{
  limit: z.ZodOptional<z.ZodCoercedNumber>;
  cursor: z.ZodOptional<z.ZodString>;
}> {
  return z.object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(sizes.max)
      .optional()
      .describe(`Items per page, 1 to ${sizes.max} (default ${sizes.default})`),
    cursor: z.string().min(1).optional().describe('`nextCursor` of the previous page'),
  });
}

/** The query of every paged list (50 items a page, at most 500). */
export const PageQuery = pageQuery({ default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE });

/** A page of `item`s and the cursor of the next page. */
export function pageOf<T extends z.ZodType>(
  item: T,
): z.ZodObject<{ items: z.ZodArray<T>; nextCursor: z.ZodNullable<z.ZodString> }> {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });
}

/** A period range in a query. */
export const PeriodRangeQuery = z.object({
  from: IsoDate.optional().describe('First period included'),
  to: IsoDate.optional().describe('Last period included'),
});

/** `true`/`false` in a query string. */
export const QueryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');
