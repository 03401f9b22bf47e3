/**
 * @module grants/repository
 * What organisations let each other see (organisation_grants): the grants an organisation gives,
 * those it receives, and changing them. Read-only access only: a grant never allows a change.
 */
import { and, asc, eq } from 'drizzle-orm';
import { organisationGrants, organisations } from '../db/schema.js';
import type { GrantScope, OrganisationKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';

/** A grant with the other organisation (the grantee of a given grant, the grantor of a received one). */
export interface GrantRow {
  readonly organisation: {
    readonly id: string;
    readonly odsCode: string;
    readonly name: string;
    readonly kind: OrganisationKind;
  };
  readonly scope: GrantScope;
  readonly createdAt: Date;
}

const other = {
  id: organisations.id,
  odsCode: organisations.odsCode,
  name: organisations.name,
  kind: organisations.kind,
};

/** The grants `grantorId` gives, by the grantee's name. */
export async function listGiven(db: Database, grantorId: string): Promise<GrantRow[]> {
  return db
    .select({ organisation: other, scope: organisationGrants.scope, createdAt: organisationGrants.createdAt })
    .from(organisationGrants)
    .innerJoin(organisations, eq(organisations.id, organisationGrants.granteeId))
    .where(eq(organisationGrants.grantorId, grantorId))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** The grants `granteeId` receives, by the grantor's name. */
export async function listReceived(db: Database, granteeId: string): Promise<GrantRow[]> {
  return db
    .select({ organisation: other, scope: organisationGrants.scope, createdAt: organisationGrants.createdAt })
    .from(organisationGrants)
    .innerJoin(organisations, eq(organisations.id, organisationGrants.grantorId))
    .where(eq(organisationGrants.granteeId, granteeId))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** The grant from one organisation to another, locked until the transaction ends, if any. */
export async function findGrant(
  db: Database,
  grantorId: string,
  granteeId: string,
): Promise<{ scope: GrantScope; createdAt: Date } | undefined> {
  const [row] = await db
    .select({ scope: organisationGrants.scope, createdAt: organisationGrants.createdAt })
    .from(organisationGrants)
    .where(and(eq(organisationGrants.grantorId, grantorId), eq(organisationGrants.granteeId, granteeId)))
    .for('update');
  return row;
}

export async function insertGrant(
  db: Database,
  grant: { grantorId: string; granteeId: string; scope: GrantScope },
  now: Date,
): Promise<void> {
  await db.insert(organisationGrants).values({ ...grant, createdAt: now });
}

export async function updateGrantScope(
  db: Database,
  grantorId: string,
  granteeId: string,
  scope: GrantScope,
): Promise<void> {
  await db
    .update(organisationGrants)
    .set({ scope })
    .where(and(eq(organisationGrants.grantorId, grantorId), eq(organisationGrants.granteeId, granteeId)));
}

export async function deleteGrant(db: Database, grantorId: string, granteeId: string): Promise<void> {
  await db
    .delete(organisationGrants)
    .where(and(eq(organisationGrants.grantorId, grantorId), eq(organisationGrants.granteeId, granteeId)));
}
