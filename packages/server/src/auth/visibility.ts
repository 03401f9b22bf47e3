/**
 * @module auth/visibility
 * Visibility enforced in the queries themselves: SQL conditions that keep out of any result what
 * the person may not read, so that no list, search, export, chart or count can leak it. The rules
 * are permissions.ts's `readLevel` and `readable`, written as SQL.
 */
import { inArray, or, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import { PRIVATE_READERS } from './permissions.js';
import type { Principal } from './principal.js';

/** What a person may read, by organisation. */
export interface ReadableOrganisations {
  /** Everything (the system, a platform administrator). */
  readonly all: boolean;
  /** The organisations whose private data they read. */
  readonly privateIn: string[];
  /** The organisations whose internal data (not private) they read. */
  readonly internalIn: string[];
}

/** The organisations where `principal` reads private data, and where internal data (not private). */
export function readableOrganisations(principal: Principal): ReadableOrganisations {
  if (principal.kind === 'system' || (principal.kind === 'user' && principal.platformAdmin)) {
    return { all: true, privateIn: [], internalIn: [] };
  }
  if (principal.kind === 'public') return { all: false, privateIn: [], internalIn: [] };
  const privateIn = principal.memberships
    .filter((m) => PRIVATE_READERS.includes(m.role))
    .map((m) => m.organisationId);
  const internalIn = [
    ...principal.memberships.filter((m) => !PRIVATE_READERS.includes(m.role)).map((m) => m.organisationId),
    ...principal.grants
      .filter(
        (g) =>
          g.scope === 'internal' && !principal.memberships.some((m) => m.organisationId === g.organisationId),
      )
      .map((g) => g.organisationId),
  ];
  return { all: false, privateIn, internalIn };
}

/**
 * A condition true for the rows `principal` may read, where `visibility` is the measure's
 * visibility column and `organisation` the column of the organisation whose data the row is
 * (a series' organisation; a measure's owner). Rows of no organisation (null) are readable when
 * public only, unless the person reads everything.
 */
export function visibleTo(
  principal: Principal,
  visibility: AnyColumn | SQL,
  organisation: AnyColumn | SQL,
): SQL {
  const { all, privateIn, internalIn } = readableOrganisations(principal);
  if (all) return sql`true`;
  const conditions: SQL[] = [sql`${visibility} = 'public'`];
  const internalOrPrivate = [...privateIn, ...internalIn];
  if (internalOrPrivate.length > 0) {
    conditions.push(
      sql`(${visibility} = 'internal' and ${inArray(organisation as AnyColumn, internalOrPrivate)})`,
    );
  }
  if (privateIn.length > 0) {
    conditions.push(sql`(${visibility} = 'private' and ${inArray(organisation as AnyColumn, privateIn)})`);
  }
  return or(...conditions)!;
}

/**
 * A key naming what `principal` may read of one organisation (`public`, `internal`, `private`):
 * caches of per-organisation views (dashboards) keep one copy per key, never one shared by all.
 */
export { readLevel as readLevelKey } from './permissions.js';
