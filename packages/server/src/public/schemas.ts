/**
 * @module public/schemas
 * The public page settings as the API reads and writes them (zod).
 */
import { z } from 'zod';
import { OPEN_DATA_LICENCES } from '../db/schema/vocabulary.js';

/** The most characters an introduction may have. */
export const MAX_INTRODUCTION = 4000;

const Licence = z.enum(OPEN_DATA_LICENCES).describe('The open-data licence, as its SPDX identifier');

/** The settings. */
export const PublicProfileView = z
  .object({
    organisationId: z.string(),
    introduction: z.string().describe('A few words introducing the organisation on its public page'),
    licence: Licence,
    licenceName: z.string(),
    licenceUrl: z.string(),
    publicPath: z.string().describe("The public page's address on this server"),
    updatedAt: z.string().nullable().describe('When last saved; null: never (the defaults)'),
  })
  .meta({ id: 'PublicProfile' });
export type PublicProfileView = z.infer<typeof PublicProfileView>;

/** A change: any of the fields. */
export const UpdatePublicProfileBody = z.object({
  introduction: z
    .string()
    .max(MAX_INTRODUCTION, `The introduction must be ${MAX_INTRODUCTION} characters or fewer`)
    .optional(),
  licence: Licence.optional(),
});
export type UpdatePublicProfileBody = z.infer<typeof UpdatePublicProfileBody>;
