/**
 * @module imports/schemas
 * Response schemas of the import routes (the job status of a load), with their inferred types.
 */
import { z } from 'zod';
import { IMPORT_STATUSES } from '../db/schema/vocabulary.js';
import { Id, Timestamp } from '../http/schemas.js';

/** An import as the API returns it. */
export const ImportView = z
  .object({
    id: Id,
    organisationId: Id.nullable().describe('null: a national import spanning organisations'),
    fileName: z.string(),
    status: z.enum(IMPORT_STATUSES),
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    createdBy: Id.nullable(),
    startedAt: Timestamp,
    finishedAt: Timestamp.nullable(),
    error: z.string().nullable().describe('Why it failed'),
  })
  .meta({ id: 'Import' });
export type ImportView = z.infer<typeof ImportView>;

/** The newest imports. */
export const ImportList = z.object({ items: z.array(ImportView) });

/** `GET /organisations/:ref/imports`. */
export const ListImportsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional().describe('How many, newest first (default 50)'),
});
