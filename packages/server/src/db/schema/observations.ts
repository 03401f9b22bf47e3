/**
 * @module db/schema/observations
 * Observations (one per series and period) and every change to them.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditEvents } from './audit.js';
import { finite } from './columns.js';
import { imports } from './imports.js';
import { measureSeries } from './measures.js';

/**
 * One point of a series: `value` (value, count, events) or `numerator` and `denominator`
 * (proportion, rate), and whether it is ghosted (left out of the calculations). Provenance: the
 * import or user that last set it, and when. A change is made only through the repositories,
 * which keep the previous state in `observation_revisions`.
 */
export const observations = pgTable(
  'observations',
  {
    seriesId: uuid('series_id')
      .notNull()
      .references(() => measureSeries.id),
    period: date('period', { mode: 'string' }).notNull(),
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    ghost: boolean('ghost').notNull().default(false),
    importId: uuid('import_id').references(() => imports.id),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'observations_pkey', columns: [t.seriesId, t.period] }),
    index('observations_import_idx').on(t.importId),
    check('observations_provenance_check', sql`num_nonnulls(${t.importId}, ${t.recordedBy}) > 0`),
    check('observations_numbers_check', sql`${t.numerator} >= 0 and ${t.denominator} >= 0`),
    finite('observations_value_check', t.value),
    finite('observations_numerator_check', t.numerator),
    finite('observations_denominator_check', t.denominator),
  ],
);

/**
 * One change to an observation: its state before and after, by which import or user, when.
 * A person's edit links to its audit event; an import's rows link to the import (whose commit
 * is one audit event, entity `import`).
 * Append-only; `bigint` identity because it grows with every change and is never addressed alone.
 */
export const observationRevisions = pgTable(
  'observation_revisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => measureSeries.id),
    period: date('period', { mode: 'string' }).notNull(),
    oldValue: doublePrecision('old_value'),
    oldNumerator: doublePrecision('old_numerator'),
    oldDenominator: doublePrecision('old_denominator'),
    oldGhost: boolean('old_ghost').notNull(),
    newValue: doublePrecision('new_value'),
    newNumerator: doublePrecision('new_numerator'),
    newDenominator: doublePrecision('new_denominator'),
    newGhost: boolean('new_ghost').notNull(),
    importId: uuid('import_id').references(() => imports.id),
    changedBy: uuid('changed_by'),
    auditEventId: bigint('audit_event_id', { mode: 'number' }).references(() => auditEvents.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('observation_revisions_point_idx').on(t.seriesId, t.period, t.id),
    index('observation_revisions_import_idx').on(t.importId),
    check('observation_revisions_provenance_check', sql`num_nonnulls(${t.importId}, ${t.changedBy}) > 0`),
  ],
);
