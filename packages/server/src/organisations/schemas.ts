/**
 * @module organisations/schemas
 * Request and response schemas of the organisation routes, with their inferred types.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS } from '../db/schema/vocabulary.js';
import { Id, PageQuery, pageOf, Timestamp } from '../http/schemas.js';

/** An organisation as the API returns it. */
export const OrganisationView = z
  .object({
    id: Id,
    odsCode: z.string().describe('NHS ODS code, upper case'),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    createdAt: Timestamp,
  })
  .meta({ id: 'Organisation' });
export type OrganisationView = z.infer<typeof OrganisationView>;

/** A page of organisations. */
export const OrganisationPage = pageOf(OrganisationView);

/** `POST /organisations`. */
export const CreateOrganisationBody = z.object({
  odsCode: z
    .string()
    .regex(/^\s*[A-Za-z0-9]{3,12}\s*$/, { error: 'must be 3 to 12 letters and digits' })
    .describe('NHS ODS code (any case)'),
  name: z.string().trim().min(1).max(500),
  kind: z.enum(ORGANISATION_KINDS),
});
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBody>;

/** `GET /organisations`. */
export const ListOrganisationsQuery = PageQuery.extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  search: z.string().max(200).optional().describe('Part of the name or ODS code, any case'),
});
export type ListOrganisationsQuery = z.infer<typeof ListOrganisationsQuery>;

/** `:ref` in a path: an organisation's id or its ODS code. */
export const OrganisationRefParams = z.object({
  ref: z.string().min(1).max(64).describe("The organisation's id or ODS code"),
});
