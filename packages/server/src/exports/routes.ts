/**
 * @module exports/routes
 * `GET /series/:id/export.csv` and `GET /series/:id/export.json`: a series with its analysis as a
 * file to download, named after the organisation, measure, unit and last period.
 */
import { z } from 'zod';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { seriesCsv } from './csv.js';
import { attachment } from './filename.js';
import { presentSeriesExport } from './presenter.js';
import { CsvExportQuery, SeriesExportView } from './schemas.js';
import { fileNameOf, seriesExport } from './service.js';
import type { SeriesExport } from './service.js';

const tags = ['exports'];

const lastPeriod = (data: SeriesExport): string | null => data.observations.at(-1)?.period ?? null;

/** Adds the export routes. */
export function exportRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/series/:id/export.csv',
    {
      schema: {
        tags,
        summary:
          'A series and its SPC analysis as CSV: one row per point with its numbers, every analysis column and its annotations',
        params: IdParams,
        querystring: CsvExportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('text/csv; charset=utf-8'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const data = await seriesExport(db, request.principal, request.params.id);
      const csv = seriesCsv({
        analysis: data.analysis.analysis,
        dataType: data.measure.dataType,
        observations: data.observations,
        annotations: data.annotations,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(fileNameOf(data, lastPeriod(data), 'csv')))
        .send(request.query.bom === true ? `\uFEFF${csv}` : csv);
    },
  );

  api.get(
    '/series/:id/export.json',
    {
      schema: {
        tags,
        summary:
          'A series and its SPC analysis as JSON, with its organisation, unit, measure, targets, stored points, annotations and provenance',
        params: IdParams,
        response: { 200: SeriesExportView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const data = await seriesExport(db, request.principal, request.params.id);
      return reply
        .header('content-disposition', attachment(fileNameOf(data, lastPeriod(data), 'json')))
        .send(presentSeriesExport(data));
    },
  );
}
