/**
 * @module exports/schemas
 * The JSON export of a series and the query of the exports, with their inferred types.
 */
import { z } from 'zod';
import { SeriesAnalysisView } from '../analysis/schemas.js';
import { AnnotationView } from '../annotations/schemas.js';
import { VISIBILITIES } from '../db/schema/vocabulary.js';
import { QueryBoolean, Timestamp } from '../http/schemas.js';
import { ImportView } from '../imports/schemas.js';
import { ObservationView } from '../observations/schemas.js';
import { OrganisationView } from '../organisations/schemas.js';
import { UnitView } from '../units/schemas.js';

/** `GET /series/:id/export.json`: the analysis of `GET /series/:id/analysis` and all it is made of. */
export const SeriesExportView = SeriesAnalysisView.extend({
  generatedAt: Timestamp.describe('When this export was made'),
  organisation: OrganisationView,
  unit: UnitView.nullable().describe('null: the organisation as a whole'),
  observations: z.array(ObservationView).describe('The stored points in period order, with who wrote them'),
  annotations: z.array(AnnotationView),
  provenance: z.object({
    source: z
      .string()
      .nullable()
      .describe("The measure's stated source of the data (with its licence where the source gives one)"),
    visibility: z
      .enum(VISIBILITIES)
      .describe('Who may see these data: private, internal (the organisation’s staff) or public'),
    measureUrl: z.string().describe("The measure's canonical URL (as in the FHIR export)"),
    generator: z.string().describe('What made this file'),
    imports: z.array(ImportView).describe('The imports that last wrote the points, oldest first'),
  }),
}).meta({ id: 'SeriesExport' });
export type SeriesExportView = z.infer<typeof SeriesExportView>;

/** `GET /series/:id/export.csv`. */
export const CsvExportQuery = z.object({
  bom: QueryBoolean.optional().describe(
    'true: start with a UTF-8 byte order mark, so that Excel shows accented and other non-ASCII text correctly when the file is opened directly',
  ),
});
