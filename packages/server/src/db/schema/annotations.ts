/**
 * @module db/schema/annotations
 * Annotations on the points of a series.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { measureSeries } from './measures.js';

/** A note on one point of a series (a change made, a data problem, a PDSA cycle). */
export const annotations = pgTable(
  'annotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => measureSeries.id),
    period: date('period', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    author: text('author').notNull(),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('annotations_point_idx').on(t.seriesId, t.period),
    check('annotations_text_check', sql`length(trim(${t.text})) between 1 and 4000`),
    check('annotations_author_check', sql`length(trim(${t.author})) > 0`),
  ],
);
