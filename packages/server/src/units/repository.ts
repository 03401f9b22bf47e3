/**
 * @module units/repository
 * An organisation's units (division → directorate → ward or team): create, list, tree.
 */
import { eq } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { units } from '../db/schema.js';
import { UNIT_KINDS } from '../db/schema/vocabulary.js';
import type { UnitKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { nameSortKey } from '../sorting.js';
import { requiredText, requireOneOf, requireUuid } from '../validation.js';

/** A unit as stored. */
export type Unit = typeof units.$inferSelect;

/** A unit with its sub-units, in name order. */
export interface UnitNode extends Unit {
  readonly children: readonly UnitNode[];
}

/** What it takes to create a unit. */
export interface NewUnit {
  readonly organisationId: string;
  /** The parent unit (of the same organisation); null or absent at the top of the tree. */
  readonly parentId?: string | null | undefined;
  readonly kind: UnitKind;
  readonly name: string;
}

const CONSTRAINTS = {
  units_organisation_id_organisations_id_fk: {
    code: 'not_found',
    field: 'organisationId',
    message: 'no organisation has this id',
  },
  units_parent_fk: {
    code: 'not_found',
    field: 'parentId',
    message: 'the parent unit does not exist in this organisation',
  },
  units_sibling_name_key: {
    code: 'conflict',
    field: 'name',
    message: 'a unit with this name already exists under the same parent',
  },
} as const;

/**
 * Creates a unit under `parentId` (or at the top of the tree).
 * @throws {DataError} `invalid_input`, `not_found` (organisation or parent), `conflict` (a
 * sibling has the same name).
 */
export async function createUnit(db: Database, input: NewUnit): Promise<Unit> {
  const values = {
    organisationId: requireUuid('organisationId', input.organisationId),
    parentId: input.parentId == null ? null : requireUuid('parentId', input.parentId),
    kind: requireOneOf('kind', input.kind, UNIT_KINDS),
    name: requiredText('name', input.name),
  };
  try {
    const [row] = await db.insert(units).values(values).returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** The unit with this id, if any. */
export async function getUnit(db: Database, id: string): Promise<Unit | undefined> {
  const [row] = await db
    .select()
    .from(units)
    .where(eq(units.id, requireUuid('id', id)));
  return row;
}

/** Every unit of an organisation, in name order (a flat list; see `unitTree`). */
export async function listUnits(db: Database, organisationId: string): Promise<Unit[]> {
  return db
    .select()
    .from(units)
    .where(eq(units.organisationId, requireUuid('organisationId', organisationId)))
    .orderBy(nameSortKey(units.name), units.id);
}

/** An organisation's units as a tree: the top-level units, each with its children. */
export async function unitTree(db: Database, organisationId: string): Promise<UnitNode[]> {
  return buildTree(await listUnits(db, organisationId));
}

/** Nests units (in the order given) under their parents. */
export function buildTree(list: readonly Unit[]): UnitNode[] {
  const children = new Map<string | null, Unit[]>();
  for (const unit of list) {
    const siblings = children.get(unit.parentId) ?? [];
    siblings.push(unit);
    children.set(unit.parentId, siblings);
  }
  const nest = (unit: Unit): UnitNode => ({ ...unit, children: (children.get(unit.id) ?? []).map(nest) });
  return (children.get(null) ?? []).map(nest);
}
