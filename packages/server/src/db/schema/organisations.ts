/**
 * @module db/schema/organisations
 * Organisations (by ODS code) and their tree of units.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './columns.js';
import { ORGANISATION_KINDS, UNIT_KINDS } from './vocabulary.js';

/** A trust, commissioner or network, identified by its NHS ODS code (stored upper case). */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    odsCode: text('ods_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('organisations_ods_code_key').on(t.odsCode),
    check('organisations_ods_code_check', sql`${t.odsCode} ~ '^[A-Z0-9]{3,12}$'`),
    check('organisations_name_check', sql`length(trim(${t.name})) > 0`),
    oneOf('organisations_kind_check', t.kind, ORGANISATION_KINDS),
  ],
);

/**
 * A division, directorate, ward or team. `parent_id` is null at the top of the tree; a parent
 * must belong to the same organisation (composite foreign key on `(parent_id, organisation_id)`).
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('units_id_organisation_key').on(t.id, t.organisationId),
    unique('units_sibling_name_key').on(t.organisationId, t.parentId, t.name).nullsNotDistinct(),
    foreignKey({
      name: 'units_parent_fk',
      columns: [t.parentId, t.organisationId],
      foreignColumns: [t.id, t.organisationId],
    }),
    index('units_parent_idx').on(t.parentId),
    check('units_not_own_parent_check', sql`${t.parentId} <> ${t.id}`),
    check('units_name_check', sql`length(trim(${t.name})) > 0`),
    oneOf('units_kind_check', t.kind, UNIT_KINDS),
  ],
);
