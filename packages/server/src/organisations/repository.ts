/**
 * @module organisations/repository
 * Organisations: create, read, list with paging.
 */
import { and, eq, ilike, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { organisations } from '../db/schema.js';
import { ORGANISATION_KINDS } from '../db/schema/vocabulary.js';
import type { OrganisationKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { likePattern, nameSortKey } from '../sorting.js';
import { requiredText, requireOneOf, requireUuid } from '../validation.js';

/** An organisation as stored. */
export type Organisation = typeof organisations.$inferSelect;

/** What it takes to create an organisation. */
export interface NewOrganisation {
  /** NHS ODS code (`RF4`, `QWE`...); stored upper case. */
  readonly odsCode: string;
  readonly name: string;
  readonly kind: OrganisationKind;
}

/** Filters of `listOrganisations`. */
export interface OrganisationFilter extends PageRequest {
  readonly kind?: OrganisationKind | undefined;
  /** Part of the name or the ODS code, any case. */
  readonly search?: string | undefined;
}

const CONSTRAINTS = {
  organisations_ods_code_key: {
    code: 'conflict',
    field: 'odsCode',
    message: 'an organisation with this ODS code already exists',
  },
} as const;

/** Normalises and checks an ODS code. */
export function normaliseOdsCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z0-9]{3,12}$/.test(code)) {
    throw new DataError(
      'invalid_input',
      `odsCode must be 3 to 12 letters and digits, got ${JSON.stringify(value)}`,
      {
        field: 'odsCode',
      },
    );
  }
  return code;
}

/**
 * Creates an organisation.
 * @throws {DataError} `invalid_input` (a field), `conflict` (the ODS code exists).
 */
export async function createOrganisation(db: Database, input: NewOrganisation): Promise<Organisation> {
  const values = {
    odsCode: normaliseOdsCode(input.odsCode),
    name: requiredText('name', input.name),
    kind: requireOneOf('kind', input.kind, ORGANISATION_KINDS),
  };
  try {
    const [row] = await db.insert(organisations).values(values).returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** The organisation with this id, if any. */
export async function getOrganisation(db: Database, id: string): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, requireUuid('id', id)));
  return row;
}

/** The organisation with this ODS code (any case), if any. */
export async function getOrganisationByOdsCode(
  db: Database,
  odsCode: string,
): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.odsCode, normaliseOdsCode(odsCode)));
  return row;
}

/** Organisations in name order (case-insensitive), a page at a time. */
export async function listOrganisations(
  db: Database,
  filter: OrganisationFilter = {},
): Promise<Page<Organisation>> {
  const limit = pageLimit(filter);
  const sortKey = nameSortKey(organisations.name);
  const conditions: (SQL | undefined)[] = [];
  if (filter.kind !== undefined)
    conditions.push(eq(organisations.kind, requireOneOf('kind', filter.kind, ORGANISATION_KINDS)));
  if (filter.search !== undefined && filter.search.trim() !== '') {
    const pattern = likePattern(filter.search);
    conditions.push(sql`(${ilike(organisations.name, pattern)} or ${ilike(organisations.odsCode, pattern)})`);
  }
  if (filter.cursor) {
    const [key, id] = decodeCursor(filter.cursor, 2);
    conditions.push(sql`(${sortKey}, ${organisations.id}) > (${key}, ${requireUuid('cursor', id!)}::uuid)`);
  }
  const rows = await db
    .select({ organisation: organisations, key: sortKey })
    .from(organisations)
    .where(and(...conditions))
    .orderBy(sortKey, organisations.id)
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.key, row.organisation.id],
    (row) => row.organisation,
  );
}
