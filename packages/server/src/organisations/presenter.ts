/**
 * @module organisations/presenter
 * The exact fields of an organisation the API sends.
 */
import type { Organisation } from './repository.js';
import type { OrganisationView } from './schemas.js';

/** An organisation for the API. */
export function presentOrganisation(organisation: Organisation): OrganisationView {
  return {
    id: organisation.id,
    odsCode: organisation.odsCode,
    name: organisation.name,
    kind: organisation.kind,
    createdAt: organisation.createdAt.toISOString(),
  };
}
