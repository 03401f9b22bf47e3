/**
 * @module organisations/service
 * Finding an organisation by what callers know of it: its id or its ODS code.
 */
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { isUuid } from '../validation.js';
import { getOrganisation, getOrganisationByOdsCode } from './repository.js';
import type { Organisation } from './repository.js';

/**
 * The organisation with this id or ODS code (any case).
 * @throws {DataError} `not_found` (field `field`), `invalid_input` for neither an id nor an ODS code.
 */
export async function findOrganisation(db: Database, ref: string, field = 'ref'): Promise<Organisation> {
  if (!isUuid(ref) && !/^\s*[A-Za-z0-9]{3,12}\s*$/.test(ref)) {
    throw new DataError(
      'invalid_input',
      `${field} must be an organisation's id (a UUID) or its ODS code (3 to 12 letters and digits)`,
      { field },
    );
  }
  const organisation = isUuid(ref) ? await getOrganisation(db, ref) : await getOrganisationByOdsCode(db, ref);
  if (organisation === undefined) {
    throw new DataError('not_found', `no organisation has the id or ODS code ${JSON.stringify(ref)}`, {
      field,
    });
  }
  return organisation;
}
