/**
 * @module reports/routes
 * Board reports (integrated performance reports): an organisation's definitions
 * (`/organisations/:ref/reports`), one (`/reports/:id`), its run for a month as JSON and as a draft
 * PDF, issuing it, its issued reports (`/reports/:id/issued`, `/issued-reports/:id`, `…/pdf`), and a
 * series' commentary for a month (`/series/:id/commentaries/:period`). Validate → service → present.
 */
import { z } from 'zod';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentCommentary, presentDefinition, presentIssued, pdfFileName } from './presenter.js';
import {
  CommentaryBody,
  CommentaryParams,
  CommentaryView,
  CreateReportBody,
  IssueBody,
  IssuedReportDetailView,
  IssuedReportList,
  IssuedReportView,
  ReportDefinitionList,
  ReportDefinitionView,
  ReportOrganisationParams,
  ReportRunView,
  RunQuery,
  UpdateReportBody,
} from './schemas.js';
import {
  createReport,
  deleteReport,
  draftPdf,
  issueReport,
  listIssued,
  listReports,
  readCommentary,
  readIssued,
  readIssuedPdf,
  readReport,
  runReport,
  updateReport,
  writeCommentary,
} from './service.js';

const tags = ['reports'];

const Pdf = z.string().meta({ format: 'binary' }).describe('application/pdf');

const attachment = (name: string): string => `attachment; filename="${name}"`;

/** Adds the board report routes. */
export function reportRoutes(api: Api, { db, now }: RouteDeps): void {
  api.get(
    '/organisations/:ref/reports',
    {
      schema: {
        tags,
        summary: "An organisation's board reports, each with the series the reader may read (its people)",
        params: ReportOrganisationParams,
        response: { 200: ReportDefinitionList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await listReports(db, request.principal, request.params.ref)).map(presentDefinition),
    }),
  );

  api.post(
    '/organisations/:ref/reports',
    {
      schema: {
        tags,
        summary: 'Define a board report: a title, a description and its series in order (report.manage)',
        params: ReportOrganisationParams,
        body: CreateReportBody,
        response: { 201: ReportDefinitionView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentDefinition(await createReport(db, request.principal, request.params.ref, request.body))),
  );

  api.get(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'A board report’s definition, with the series the reader may read',
        params: IdParams,
        response: { 200: ReportDefinitionView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentDefinition(await readReport(db, request.principal, request.params.id)),
  );

  api.patch(
    '/reports/:id',
    {
      schema: {
        tags,
        summary:
          'Change a board report’s title, description or series (report.manage); series the person may not read are kept',
        params: IdParams,
        body: UpdateReportBody,
        response: { 200: ReportDefinitionView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentDefinition(await updateReport(db, request.principal, request.params.id, request.body)),
  );

  api.delete(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'Delete a board report that was never issued (report.manage); an issued one is kept (409)',
        params: IdParams,
        response: { 204: z.null().describe('Deleted'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await deleteReport(db, request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/reports/:id/run',
    {
      schema: {
        tags,
        summary:
          'Run a board report for a month: the summary matrix, then each series’ chart, icons, analysis in words and commentary, on the data up to the end of the month (only series the reader may read)',
        params: IdParams,
        querystring: RunQuery,
        response: { 200: ReportRunView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const run = await runReport(db, request.principal, request.params.id, request.query.period, now());
      return { content: run.content, canManage: run.canManage, canComment: [...run.canComment] };
    },
  );

  api.get(
    '/reports/:id/run.pdf',
    {
      schema: {
        tags,
        summary: 'A board report run for a month as a PDF (a draft: not issued, not kept)',
        params: IdParams,
        querystring: RunQuery,
        produces: ['application/pdf'],
        response: { 200: Pdf, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { content, pdf } = await draftPdf(
        db,
        request.principal,
        request.params.id,
        request.query.period,
        now(),
      );
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          attachment(pdfFileName(content.organisation.odsCode, content.title, content.period, null)),
        )
        .send(pdf as unknown as string); // a Buffer is sent as it is, never serialised
    },
  );

  api.post(
    '/reports/:id/issue',
    {
      schema: {
        tags,
        summary:
          'Issue a board report for a month (report.manage): its content and PDF kept exactly as they are now, as the next version for that month',
        params: IdParams,
        body: IssueBody,
        response: { 201: IssuedReportView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentIssued(
            await issueReport(db, request.principal, request.params.id, request.body.period, now()),
          ),
        ),
  );

  api.get(
    '/reports/:id/issued',
    {
      schema: {
        tags,
        summary:
          'A board report’s issued versions, newest month and version first (those the reader may read)',
        params: IdParams,
        response: { 200: IssuedReportList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await listIssued(db, request.principal, request.params.id)).map(presentIssued),
    }),
  );

  api.get(
    '/issued-reports/:id',
    {
      schema: {
        tags,
        summary: 'An issued board report with its content exactly as issued (never recomputed)',
        params: IdParams,
        response: { 200: IssuedReportDetailView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { issued, content } = await readIssued(db, request.principal, request.params.id);
      return { ...presentIssued(issued), content };
    },
  );

  api.get(
    '/issued-reports/:id/pdf',
    {
      schema: {
        tags,
        summary: 'An issued board report’s PDF, exactly as issued',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: Pdf, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { issued, pdf } = await readIssuedPdf(db, request.principal, request.params.id);
      const odsCode = issued.odsCode ?? 'report';
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          attachment(pdfFileName(odsCode, issued.title, issued.period, issued.version)),
        )
        .send(pdf as unknown as string); // a Buffer is sent as it is, never serialised
    },
  );

  api.get(
    '/series/:id/commentaries/:period',
    {
      schema: {
        tags,
        summary: 'A series’ commentary for a month, if written (whoever may read the series)',
        params: CommentaryParams,
        response: { 200: CommentaryView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentCommentary(
        await readCommentary(db, request.principal, request.params.id, request.params.period),
      ),
  );

  api.put(
    '/series/:id/commentaries/:period',
    {
      schema: {
        tags,
        summary:
          'Write a series’ commentary for a month, shown in every board report of that month (report.comment, or whoever may analyse the series)',
        params: CommentaryParams,
        body: CommentaryBody,
        response: { 200: CommentaryView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentCommentary(
        await writeCommentary(
          db,
          request.principal,
          request.params.id,
          request.params.period,
          request.body.text,
        ),
      ),
  );
}
