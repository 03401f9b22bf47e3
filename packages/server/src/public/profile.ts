/**
 * @module public/profile
 * An organisation's public page settings as a service: anyone may read them (they are what the
 * public page shows); those with `public_profile.manage` (executives, administrators) change them,
 * audited in the same transaction. Nothing here knows HTTP.
 */
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { OpenDataLicence } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { findOrganisation } from '../organisations/service.js';
import { LICENCES } from './licences.js';
import { readProfile, writeProfile } from './repository.js';
import type { PublicProfile } from './repository.js';

/** A change to the settings (a field left out stays as it is). */
export interface ProfileChange {
  readonly introduction?: string | undefined;
  readonly licence?: OpenDataLicence | undefined;
}

/** The profile of the organisation `ref` (an id or ODS code). @throws {DataError} `not_found`. */
export async function publicProfileOf(db: Database, ref: string): Promise<PublicProfile> {
  const organisation = await findOrganisation(db, ref);
  return readProfile(db, organisation.id);
}

/**
 * Changes the profile of the organisation `ref`.
 * @throws {DataError} `not_found`; `unauthenticated`, `forbidden` (public_profile.manage).
 */
export async function changePublicProfile(
  db: Database,
  principal: Principal,
  ref: string,
  change: ProfileChange,
): Promise<PublicProfile> {
  const organisation = await findOrganisation(db, ref);
  requirePermission(principal, 'public_profile.manage', organisation.id);
  const before = await readProfile(db, organisation.id);
  return audited(
    db,
    principal,
    (tx) => writeProfile(tx, organisation.id, change),
    (after) => ({
      action: 'public_profile.update',
      entityType: 'public_profile',
      entityId: organisation.id,
      organisationId: organisation.id,
      summary: summary(before, after),
      before: { introduction: before.introduction, licence: before.licence },
      after: { introduction: after.introduction, licence: after.licence },
    }),
  );
}

function summary(before: PublicProfile, after: PublicProfile): string {
  const parts: string[] = [];
  if (before.introduction !== after.introduction) parts.push('Changed the public page introduction');
  if (before.licence !== after.licence) {
    parts.push(
      `Changed the open-data licence from ${LICENCES[before.licence].name} to ${LICENCES[after.licence].name}`,
    );
  }
  return parts.length === 0 ? 'Saved the public page settings unchanged' : parts.join('; ');
}
