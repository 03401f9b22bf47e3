/**
 * @module db/schema/measures
 * Measure definitions, their targets over time, and the series that record them.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredSpcOptions } from '../../measures/spc-options.js';
import { finite, literals, oneOf } from './columns.js';
import { organisations, units } from './organisations.js';
import {
  CHART_TYPES,
  CHART_TYPES_BY_DATA_TYPE,
  DATA_TYPES,
  DOMAINS,
  FREQUENCIES,
  VISIBILITIES,
} from './vocabulary.js';
import type { DataType } from './vocabulary.js';

const chartTypeFitsDataType = sql.join(
  (Object.keys(CHART_TYPES_BY_DATA_TYPE) as DataType[]).map(
    (dataType) =>
      sql`(data_type = '${sql.raw(dataType)}' and chart_type in (${literals(CHART_TYPES_BY_DATA_TYPE[dataType])}))`,
  ),
  sql` or `,
);

/**
 * A measure definition. `owner_organisation_id` null: a shared definition (a national
 * indicator) that any organisation may record, so that their data are comparable; otherwise
 * the organisation's own. `code` is a stable key, unique per owner (shared codes unique among
 * shared definitions).
 */
export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unitLabel: text('unit_label').notNull().default(''),
    dataType: text('data_type', { enum: DATA_TYPES }).notNull(),
    chartType: text('chart_type', { enum: CHART_TYPES }).notNull(),
    spcOptions: jsonb('spc_options').$type<StoredSpcOptions>().notNull().default({}),
    domain: text('domain', { enum: DOMAINS }).notNull(),
    owner: text('owner'),
    source: text('source'),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('internal'),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('measures_owner_code_key').on(t.ownerOrganisationId, t.code).nullsNotDistinct(),
    check('measures_code_check', sql`${t.code} ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'`),
    check('measures_name_check', sql`length(trim(${t.name})) > 0`),
    check('measures_spc_options_check', sql`jsonb_typeof(${t.spcOptions}) = 'object'`),
    check('measures_chart_type_fits_check', chartTypeFitsDataType),
    oneOf('measures_data_type_check', t.dataType, DATA_TYPES),
    oneOf('measures_chart_type_check', t.chartType, CHART_TYPES),
    oneOf('measures_domain_check', t.domain, DOMAINS),
    oneOf('measures_visibility_check', t.visibility, VISIBILITIES),
    oneOf('measures_frequency_check', t.frequency, FREQUENCIES),
  ],
);

/**
 * A measure's target over time: `value` applies from `effective_from` until the next row's date
 * (null: no target from that date). `organisation_id` null: the definition's own timeline;
 * otherwise one organisation's, which replaces it for that organisation.
 */
export const measureTargets = pgTable(
  'measure_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: doublePrecision('value'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('measure_targets_key').on(t.measureId, t.organisationId, t.effectiveFrom).nullsNotDistinct(),
    finite('measure_targets_value_check', t.value),
  ],
);

/**
 * A series: one measure recorded by one organisation, for one of its units or (`unit_id` null)
 * for the organisation as a whole. Observations and annotations belong to a series. The unit
 * must belong to the organisation (composite foreign key). `spc_options` (null: none) are this
 * series' own SPC options, merged over the measure's wherever the series is analysed (a rebase,
 * baseline, preset or direction of one organisation's chart of a shared measure). `data_version`
 * goes up with every change to the series' observations, annotations or options, so that
 * analyses can be cached by it.
 */
export const measureSeries = pgTable(
  'measure_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitId: uuid('unit_id'),
    spcOptions: jsonb('spc_options').$type<StoredSpcOptions>(),
    dataVersion: bigint('data_version', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('measure_series_key').on(t.measureId, t.organisationId, t.unitId).nullsNotDistinct(),
    foreignKey({
      name: 'measure_series_unit_fk',
      columns: [t.unitId, t.organisationId],
      foreignColumns: [units.id, units.organisationId],
    }),
    check(
      'measure_series_spc_options_check',
      sql`${t.spcOptions} is null or jsonb_typeof(${t.spcOptions}) = 'object'`,
    ),
    index('measure_series_organisation_idx').on(t.organisationId),
    index('measure_series_unit_idx').on(t.unitId),
  ],
);
