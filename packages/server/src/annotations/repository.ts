/**
 * @module annotations/repository
 * Annotations on the points of a series. Every write moves the series' `data_version` on.
 */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { annotations, measureSeries } from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { PeriodRange } from '../observations/repository.js';
import { requiredText, requireIsoDate, requireUuid } from '../validation.js';

/** An annotation as stored. */
export type Annotation = typeof annotations.$inferSelect;

/** A note on one point. */
export interface NewAnnotation {
  readonly seriesId: string;
  /** `YYYY-MM-DD`: the period of the point (the point need not have data yet). */
  readonly period: string;
  readonly text: string;
  /** The author's name as shown. */
  readonly author: string;
  /** The author's user id. */
  readonly authorId?: string | null | undefined;
}

const CONSTRAINTS = {
  annotations_series_id_measure_series_id_fk: {
    code: 'not_found',
    field: 'seriesId',
    message: 'no series has this id',
  },
} as const;

/**
 * Adds an annotation, and moves on the series' `data_version` in the same transaction (cached
 * analyses and dashboards that show the series' annotations are then never used again).
 * @throws {DataError} `invalid_input`, `not_found` (series).
 */
export async function addAnnotation(db: Database, input: NewAnnotation): Promise<Annotation> {
  const values = {
    seriesId: requireUuid('seriesId', input.seriesId),
    period: requireIsoDate('period', input.period),
    text: requiredText('text', input.text, 4000),
    author: requiredText('author', input.author, 200),
    authorId: input.authorId == null ? null : requireUuid('authorId', input.authorId),
  };
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(annotations).values(values).returning();
      await tx
        .update(measureSeries)
        .set({ dataVersion: sql`${measureSeries.dataVersion} + 1` })
        .where(eq(measureSeries.id, values.seriesId));
      return row!;
    });
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** A series' annotations in period order (then oldest first), optionally within a range. */
export async function listAnnotations(
  db: Database,
  seriesId: string,
  range: PeriodRange = {},
): Promise<Annotation[]> {
  const conditions: (SQL | undefined)[] = [eq(annotations.seriesId, requireUuid('seriesId', seriesId))];
  if (range.from !== undefined) conditions.push(gte(annotations.period, requireIsoDate('from', range.from)));
  if (range.to !== undefined) conditions.push(lte(annotations.period, requireIsoDate('to', range.to)));
  return db
    .select()
    .from(annotations)
    .where(and(...conditions))
    .orderBy(asc(annotations.period), asc(annotations.createdAt), asc(annotations.id));
}
