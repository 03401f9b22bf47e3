/**
 * @module analysis/routes
 * `GET /series/:id/analysis`: a series with its full SPC analysis and icons.
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentSeriesAnalysis } from './presenter.js';
import { SeriesAnalysisView } from './schemas.js';
import { analyseReadableSeries } from './service.js';

/** Adds the analysis route. */
export function analysisRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/series/:id/analysis',
    {
      schema: {
        tags: ['analysis'],
        summary: "A series with its SPC analysis (the measure's chart) and its variation and assurance icons",
        params: IdParams,
        response: { 200: SeriesAnalysisView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentSeriesAnalysis(await analyseReadableSeries(db, request.principal, request.params.id)),
  );
}
