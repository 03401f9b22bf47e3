/**
 * @module measures/access
 * Who may read a measure definition, as SQL (for lists) and in code (for one row). An
 * organisation's own measure follows `canRead` for its owner. A shared measure (no owner, such as
 * the national A&E measures) is readable by all when public; when internal or private, by anyone
 * who reads that level in at least one organisation (a member of any organisation, or a grantee
 * of internal access, reads shared internal definitions; private readers anywhere read shared
 * private ones), and by platform administrators. That is exactly who could read at least one of
 * its series, were one recorded in their organisation.
 */
import { and, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { canRead, readable } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { readableOrganisations, visibleTo } from '../auth/visibility.js';
import { measures } from '../db/schema.js';
import type { Visibility } from '../db/schema/vocabulary.js';

/** The most private shared definitions `principal` reads. */
export function sharedReadLevel(principal: Principal): Visibility {
  const { all, privateIn, internalIn } = readableOrganisations(principal);
  if (all || privateIn.length > 0) return 'private';
  return internalIn.length > 0 ? 'internal' : 'public';
}

/** A condition true for the measures `principal` may read (on the `measures` table). */
export function measureVisibleTo(principal: Principal): SQL {
  const shared = sharedReadLevel(principal);
  const sharedVisibilities: Visibility[] =
    shared === 'private'
      ? ['public', 'internal', 'private']
      : shared === 'internal'
        ? ['public', 'internal']
        : ['public'];
  return or(
    and(
      isNull(measures.ownerOrganisationId),
      sql`${measures.visibility} in (${sql.join(
        sharedVisibilities.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    ),
    and(
      isNotNull(measures.ownerOrganisationId),
      visibleTo(principal, measures.visibility, measures.ownerOrganisationId),
    ),
  )!;
}

/** Whether `principal` may read this measure definition (the same rule as `measureVisibleTo`). */
export function canReadMeasure(
  principal: Principal,
  measure: { readonly visibility: Visibility; readonly ownerOrganisationId: string | null },
): boolean {
  return measure.ownerOrganisationId === null
    ? readable(measure.visibility, sharedReadLevel(principal))
    : canRead(principal, measure.visibility, measure.ownerOrganisationId);
}
