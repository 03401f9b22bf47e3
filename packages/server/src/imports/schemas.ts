/**
 * @module imports/schemas
 * Request and response schemas of the import routes (upload, mapping, preview, commit, job
 * status), with their inferred types.
 */
import { z } from 'zod';
import { IMPORT_FORMATS, IMPORT_STATUSES } from '../db/schema/vocabulary.js';
import { Id, QueryBoolean, Timestamp } from '../http/schemas.js';

const ColumnSource = z
  .object({ column: z.string().min(1).describe("The column's name in the file's header row") })
  .strict()
  .meta({ id: 'ColumnSource' });
const FieldSource = z
  .union([
    ColumnSource,
    z
      .object({ value: z.string().trim().min(1).describe('One value for every row') })
      .strict()
      .meta({ id: 'FixedSource' }),
  ])
  .meta({ id: 'FieldSource' });

/** Which column of a file is which field. */
export const ImportMapping = z
  .object({
    period: ColumnSource.describe(
      'The period of each row: a date (2024-03-01, 01/03/2024) or a month (2024-03)',
    ),
    measure: FieldSource.describe(
      "The measure, by code or name: a column, or one measure's code for the whole file",
    ),
    unit: FieldSource.optional().describe(
      'The unit, by name or path ("Medicine / Ward 10"); unmapped or empty: the organisation as a whole',
    ),
    organisation: FieldSource.optional().describe('National imports only: the ODS code of each row'),
    value: ColumnSource.optional().describe('For value, count and events measures'),
    numerator: ColumnSource.optional().describe('For proportion and rate measures'),
    denominator: ColumnSource.optional().describe('For proportion and rate measures'),
    ghost: ColumnSource.optional().describe('1, true or yes: leave the point out of the calculations'),
  })
  .strict()
  .meta({ id: 'ImportMapping' });

const ImportProblem = z
  .object({
    row: z
      .number()
      .int()
      .nullable()
      .describe('The spreadsheet row (the header is row 1); null: the whole file'),
    column: z.string().nullable().describe("The file's column at fault, if one is"),
    code: z
      .string()
      .describe('invalid_period, unknown_measure, unknown_unit, not_a_number, duplicate_point, …'),
    message: z.string(),
  })
  .meta({ id: 'ImportProblem' });

const ImportPreview = z
  .object({
    rows: z.number().int().describe('Data rows read'),
    problemCount: z.number().int(),
    problems: z.array(ImportProblem).describe('The first 1,000 problems, in row order'),
    added: z.number().int().describe('Points a commit would add (0 while there are problems)'),
    changed: z.number().int(),
    unchanged: z.number().int(),
    series: z.number().int().describe('Series the rows belong to'),
    newSeries: z.number().int().describe('Series a commit would create'),
    firstPeriod: z.string().nullable(),
    lastPeriod: z.string().nullable(),
    sameFile: z
      .array(
        z.object({
          importId: Id,
          fileName: z.string(),
          status: z.enum(IMPORT_STATUSES),
          startedAt: Timestamp,
        }),
      )
      .describe('Earlier imports of the very same file (same SHA-256) by this organisation'),
  })
  .meta({ id: 'ImportPreview' });

/** An import as the API returns it. */
export const ImportView = z
  .object({
    id: Id,
    organisationId: Id.nullable().describe('null: a national import spanning organisations'),
    fileName: z.string(),
    format: z.enum(IMPORT_FORMATS).nullable(),
    status: z
      .enum(IMPORT_STATUSES)
      .describe(
        'uploaded → previewing → previewed → running → succeeded or failed (API batches start running)',
      ),
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    createdBy: Id.nullable(),
    startedAt: Timestamp,
    finishedAt: Timestamp.nullable(),
    error: z.string().nullable().describe('Why it failed'),
    byteSize: z.number().int().nullable(),
    sha256: z.string().nullable(),
    columns: z.array(z.string()).nullable().describe("The file's header"),
    rowCount: z.number().int().nullable().describe('Data rows in the file'),
    mapping: ImportMapping.nullable(),
    progress: z
      .object({ rowsDone: z.number().int(), rowsTotal: z.number().int().nullable() })
      .describe('Rows read by the running preview or commit'),
    preview: ImportPreview.nullable().describe('What the last preview (or the commit) found'),
  })
  .meta({ id: 'Import' });
export type ImportView = z.infer<typeof ImportView>;

/** The answer to an upload. */
export const UploadView = z
  .object({
    import: ImportView,
    sample: z.array(z.array(z.string())).describe('The first rows after the header, as text'),
    suggestedMapping: ImportMapping.partial().describe('A mapping guessed from the column names'),
  })
  .meta({ id: 'Upload' });

/** The newest imports. */
export const ImportList = z.object({ items: z.array(ImportView) });

/** `GET /organisations/:ref/imports`. */
export const ListImportsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional().describe('How many, newest first (default 50)'),
});

/** An upload's query string. */
export const UploadQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe("The file's name (its extension tells CSV from .xlsx)"),
  sheet: z.string().min(1).optional().describe('The worksheet of a workbook to read (default: the first)'),
});

/** `POST /imports/:id/preview`. */
export const PreviewBody = z.object({ mapping: ImportMapping });

/** `POST /imports/:id/commit`. */
export const CommitBody = z
  .object({ mapping: ImportMapping.optional().describe('Default: the mapping of the last preview') })
  .nullish();

/** `?wait=true`: answer when the job has finished instead of at once. */
export const WaitQuery = z.object({
  wait: QueryBoolean.optional().describe('true: answer when the preview or commit has finished'),
});
