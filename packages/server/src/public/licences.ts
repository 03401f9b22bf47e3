/**
 * @module public/licences
 * The open-data licences an organisation may offer its published series under (the vocabulary's
 * OPEN_DATA_LICENCES, whose ids are SPDX identifiers): each one's name, address and the
 * attribution statement it asks re-users to give. Pure.
 */
import type { OpenDataLicence } from '../db/schema/vocabulary.js';

/** A licence as the public pages and open-data files name it. */
export interface LicenceInfo {
  /** The SPDX identifier (`OGL-UK-3.0`). */
  readonly id: OpenDataLicence;
  readonly name: string;
  readonly url: string;
  /** Whether re-users must say where the data came from. */
  readonly attributionRequired: boolean;
}

/** The licences, by id. */
export const LICENCES: Readonly<Record<OpenDataLicence, LicenceInfo>> = {
  'OGL-UK-3.0': {
    id: 'OGL-UK-3.0',
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    attributionRequired: true,
  },
  'CC-BY-4.0': {
    id: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    attributionRequired: true,
  },
  'CC0-1.0': {
    id: 'CC0-1.0',
    name: 'Creative Commons Zero v1.0 Universal (public domain dedication)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    attributionRequired: false,
  },
};

/** The statement re-users give: "Contains public sector information from X licensed under …". */
export function attribution(licence: OpenDataLicence, publisher: string): string {
  const info = LICENCES[licence];
  if (licence === 'OGL-UK-3.0') {
    return `Contains public sector information from ${publisher} licensed under the ${info.name}.`;
  }
  if (!info.attributionRequired) {
    return `Published by ${publisher} under ${info.name}: no attribution is required.`;
  }
  return `Data from ${publisher}, licensed under ${info.name}.`;
}
