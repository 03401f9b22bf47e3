/**
 * @module grants/schemas
 * Requests and responses of the grants between organisations.
 */
import { z } from 'zod';
import { GRANT_SCOPES, ORGANISATION_KINDS } from '../db/schema/vocabulary.js';
import { Id, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';

export const GrantsParams = OrganisationRefParams;

export const GrantParams = OrganisationRefParams.extend({
  grantee: z.string().min(1).max(64).describe('The grantee’s id or ODS code'),
});

const Scope = z
  .enum(GRANT_SCOPES)
  .describe('published: public measures only; internal: internal ones too (never private ones)');

export const GrantBody = z.object({
  grantee: z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(64)
    .describe('The ODS code (or id) of the organisation to let see'),
  scope: Scope,
});

export const GrantView = z
  .object({
    organisation: z
      .object({ id: Id, odsCode: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) })
      .describe('The other organisation: the grantee of a grant given, the grantor of one received'),
    scope: Scope,
    createdAt: Timestamp,
  })
  .meta({ id: 'Grant' });

export const GrantList = z.object({ items: z.array(GrantView) });
