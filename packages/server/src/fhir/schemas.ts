/**
 * @module fhir/schemas
 * Zod schemas of the FHIR R4 elements Groundswell reads and writes (a MeasureReport and a Bundle
 * of them; other elements are not read, and are left out when parsed), and of the FHIR routes'
 * requests and responses.
 */
import { z } from 'zod';
import { Id, QueryBoolean } from '../http/schemas.js';

const Coding = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
const Extension = z.object({
  url: z.string(),
  valueBoolean: z.boolean().optional(),
  valueDecimal: z.number().optional(),
});
const Identifier = z.object({ system: z.string().optional(), value: z.string().optional() });
const Reference = z.object({
  reference: z.string().optional(),
  identifier: Identifier.optional(),
  display: z.string().optional(),
});
const Quantity = z.object({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});
const Population = z.object({
  extension: z.array(Extension).optional(),
  code: CodeableConcept.optional(),
  count: z
    .number()
    .int({ error: 'must be a whole number (give others in the population-decimal-count extension)' })
    .optional(),
});
const Group = z.object({
  code: CodeableConcept.optional(),
  population: z.array(Population).optional(),
  measureScore: Quantity.optional(),
  stratifier: z.array(z.unknown()).optional(),
});

/** A FHIR R4 MeasureReport, as far as Groundswell reads it. */
export const MeasureReportSchema = z
  .object({
    resourceType: z.literal('MeasureReport'),
    extension: z.array(Extension).optional(),
    status: z.enum(['complete', 'pending', 'error']),
    type: z.enum(['individual', 'subject-list', 'summary', 'data-collection']),
    measure: z.string(),
    subject: Reference.optional(),
    date: z.string().optional(),
    reporter: Reference.optional(),
    period: z.object({ start: z.string().optional(), end: z.string().optional() }),
    improvementNotation: CodeableConcept.optional(),
    group: z.array(Group).optional(),
  })
  .meta({ id: 'FhirMeasureReport', description: 'A FHIR R4 MeasureReport (summary)' });
export type MeasureReportInput = z.infer<typeof MeasureReportSchema>;

/** `GET /series/:id/fhir`: a FHIR R4 collection Bundle of MeasureReports. */
export const MeasureReportBundle = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.literal('collection'),
    timestamp: z.string(),
    entry: z.array(z.object({ resource: MeasureReportSchema })),
  })
  .meta({ id: 'FhirMeasureReportBundle', description: 'A FHIR R4 Bundle (collection) of MeasureReports' });

/** `POST /organisations/:ref/fhir`: a MeasureReport, or a Bundle of them (any Bundle type). */
export const FhirImportBody = z
  .looseObject({
    resourceType: z.enum(['Bundle', 'MeasureReport']).describe('A Bundle of MeasureReports, or one'),
  })
  .describe('A FHIR R4 MeasureReport (type summary, status complete) or a Bundle of them');

/** `POST /organisations/:ref/fhir` query. */
export const FhirImportQuery = z.object({
  userId: Id.optional().describe('The user importing (until sign-in exists)'),
  anyReporter: QueryBoolean.optional().describe(
    "true: accept reports whose reporter is another organisation's ODS code",
  ),
});

/** What a FHIR import did. */
export const FhirImportView = z
  .object({
    importId: Id.describe('The import recorded (format fhir)'),
    reports: z.number().int().describe('MeasureReports read'),
    added: z.number().int().describe('New points'),
    changed: z.number().int().describe('Points whose numbers or ghost flag changed (one revision each)'),
    unchanged: z.number().int().describe('Points sent again with the same numbers'),
    series: z.array(
      z.object({
        seriesId: Id,
        measureCode: z.string(),
        unit: z.string().nullable().describe("The unit's display; null: the organisation as a whole"),
        created: z.boolean().describe('The series was created by this import'),
        reports: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'FhirImport' });
export type FhirImportView = z.infer<typeof FhirImportView>;
