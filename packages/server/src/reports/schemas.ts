/**
 * @module reports/schemas
 * Request and response schemas of the board report routes, with their inferred types. A report's
 * content (`ReportContent`) is also what an issued report keeps, frozen, in `issued_reports.content`.
 */
import { z } from 'zod';
import { ASSURANCE_ICONS, VARIATION_ICONS } from '../dashboard/schemas.js';
import { DOMAINS, VISIBILITIES } from '../db/schema/vocabulary.js';
import { Id, IdParams, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';

/** The most series one report may hold. */
export const MAX_REPORT_SERIES = 200;

const Title = z.string().trim().min(1).max(300).describe('The report’s title, e.g. "Monthly board report"');
const Description = z.string().trim().max(4000).describe('What the report is for, shown on its cover');
const SeriesIds = z
  .array(Id)
  .max(MAX_REPORT_SERIES)
  .describe(
    `The series the report shows, in order (at most ${MAX_REPORT_SERIES}, each once, all of the organisation); ` +
      'the report groups them by their measures’ domain',
  );

/** `POST /organisations/:ref/reports`. */
export const CreateReportBody = z.strictObject({
  title: Title,
  description: Description.optional(),
  seriesIds: SeriesIds,
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

/** `PATCH /reports/:id`: any of the fields. */
export const UpdateReportBody = z.strictObject({
  title: Title.optional(),
  description: Description.optional(),
  seriesIds: SeriesIds.optional(),
});
export type UpdateReportBody = z.infer<typeof UpdateReportBody>;

/** A month: `2019-03` (or any date of it, `2019-03-31`). */
export const Month = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'must be a month written YYYY-MM' })
  .meta({ example: '2019-03' });

/** `?period`: the month to run the report for. */
export const RunQuery = z.object({
  period: Month.optional().describe(
    'The month to report on (YYYY-MM): the analysis uses the data up to the end of it. ' +
      'Default: the latest month any of the report’s series has data for',
  ),
});

/** `POST /reports/:id/issue`. */
export const IssueBody = z.strictObject({
  period: Month.describe('The month the issued report is for'),
});

/** `PUT /series/:id/commentaries/:period`. */
export const CommentaryParams = IdParams.extend({ period: Month.describe('The reporting month') });
export const CommentaryBody = z.strictObject({
  text: z.string().trim().min(1).max(8000).describe('The owner’s commentary on the series for the month'),
});

export const ReportOrganisationParams = OrganisationRefParams;

/** A series in a report definition. */
export const ReportItemView = z.object({
  seriesId: Id,
  measure: z.object({
    id: Id,
    code: z.string(),
    name: z.string(),
    domain: z.enum(DOMAINS),
    visibility: z.enum(VISIBILITIES),
  }),
  unit: z.object({ id: Id, name: z.string() }).nullable(),
});

/** A report definition with the series the reader may read, in order. */
export const ReportDefinitionView = z
  .object({
    id: Id,
    organisationId: Id,
    title: z.string(),
    description: z.string(),
    items: z.array(ReportItemView).describe('The series the reader may read (others are left out)'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ReportDefinition' });
export type ReportDefinitionView = z.infer<typeof ReportDefinitionView>;

export const ReportDefinitionList = z.object({ items: z.array(ReportDefinitionView) });

/** An issued report, without its content. */
export const IssuedReportView = z
  .object({
    id: Id,
    definitionId: Id,
    organisationId: Id,
    title: z.string(),
    period: z.string().describe('The month, as its first day'),
    version: z.number().int().min(1).describe('1 for the first issue of this month, 2 for the next…'),
    issuedBy: z.string().nullable().describe('Who issued it (display name)'),
    issuedAt: Timestamp,
    pdfBytes: z.number().int(),
  })
  .meta({ id: 'IssuedReport' });
export type IssuedReportView = z.infer<typeof IssuedReportView>;

export const IssuedReportList = z.object({ items: z.array(IssuedReportView) });

/** A report section: one series for the month. */
export const ReportSection = z
  .object({
    seriesId: Id,
    title: z.string().describe('The measure’s name, and the unit’s for a unit’s series'),
    measure: z.object({
      id: Id,
      code: z.string(),
      name: z.string(),
      description: z.string(),
      domain: z.enum(DOMAINS),
      visibility: z.enum(VISIBILITIES),
      unitLabel: z.string(),
    }),
    unit: z.object({ id: Id, name: z.string() }).nullable(),
    pointCount: z.number().int().describe('Points up to the end of the month'),
    latest: z.object({ period: z.string(), text: z.string().describe('The value with its unit') }).nullable(),
    target: z.string().nullable().describe('The target in force at the latest point, with its unit'),
    icons: z.object({
      variation: z.enum(VARIATION_ICONS),
      assurance: z.enum(ASSURANCE_ICONS).nullable(),
      variationLabel: z.string(),
      assuranceLabel: z.string().nullable(),
    }),
    analysis: z.string().describe('The analysis in words: the chart’s text alternative'),
    chartSvg: z
      .string()
      .nullable()
      .describe('The SPC chart (SVG, the shared renderer’s); null without points'),
    warnings: z.array(z.string()),
    commentary: z
      .object({ text: z.string(), author: z.string().nullable(), updatedAt: Timestamp })
      .nullable()
      .describe('The owner’s commentary for the month'),
  })
  .meta({ id: 'ReportSection' });
export type ReportSection = z.infer<typeof ReportSection>;

/** A report for a month: what the HTML page and the PDF show, and what an issued report keeps. */
export const ReportContent = z
  .object({
    format: z.literal('report-1'),
    definitionId: Id,
    title: z.string(),
    description: z.string(),
    organisation: z.object({ id: Id, odsCode: z.string(), name: z.string() }),
    period: z.string().describe('The month, as its first day'),
    periodLabel: z.string().describe('"March 2019"'),
    dataTo: z.string().describe('The analysis uses the data up to this day (the month’s last)'),
    generatedAt: Timestamp,
    visibility: z.enum(VISIBILITIES).describe('The most private measure in the report'),
    matrix: z
      .array(
        z.object({
          variation: z.enum(VARIATION_ICONS),
          assurance: z.enum(ASSURANCE_ICONS).nullable(),
          count: z.number().int(),
          seriesIds: z.array(Id),
        }),
      )
      .describe('The variation × assurance matrix: every cell, in row and column order'),
    domains: z.array(
      z.object({ domain: z.enum(DOMAINS), label: z.string(), sections: z.array(ReportSection) }),
    ),
  })
  .meta({ id: 'ReportContent' });
export type ReportContent = z.infer<typeof ReportContent>;

/** A run of a report: its content and what the reader may do with it. */
export const ReportRunView = z
  .object({
    content: ReportContent,
    canManage: z.boolean().describe('Whether the reader may change and issue the report'),
    canComment: z.array(Id).describe('The series whose commentary the reader may write'),
  })
  .meta({ id: 'ReportRun' });
export type ReportRunView = z.infer<typeof ReportRunView>;

/** An issued report with its frozen content. */
export const IssuedReportDetailView = IssuedReportView.extend({ content: ReportContent }).meta({
  id: 'IssuedReportDetail',
});

/** A commentary as stored. */
export const CommentaryView = z
  .object({
    seriesId: Id,
    period: z.string(),
    text: z.string(),
    author: z.string().nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'SeriesCommentary' });
