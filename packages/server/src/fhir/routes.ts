/**
 * @module fhir/routes
 * `GET /series/:id/fhir` (a series as a FHIR R4 Bundle of summary MeasureReports) and
 * `POST /organisations/:ref/fhir` (import a MeasureReport or a Bundle of them). Both speak
 * `application/fhir+json`; the import also takes `application/json`.
 */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { importMeasureReports } from './import.js';
import { FhirImportBody, FhirImportQuery, FhirImportView, MeasureReportBundle } from './schemas.js';
import { seriesBundle } from './service.js';

/** FHIR's JSON media type. */
export const FHIR_JSON = 'application/fhir+json';

const tags = ['fhir'];

/** Adds the FHIR routes (in their own scope, which also reads `application/fhir+json` bodies). */
export function fhirRoutes(api: Api, { db }: RouteDeps): void {
  void api.register((scope, _options, done) => {
    scope.addContentTypeParser(
      FHIR_JSON,
      { parseAs: 'string' },
      scope.getDefaultJsonParser('error', 'error'),
    );
    const fhir = scope.withTypeProvider<ZodTypeProvider>();

    fhir.get(
      '/series/:id/fhir',
      {
        schema: {
          tags,
          summary:
            "A series' points as FHIR R4 MeasureReports (summary, one per period) in a collection Bundle (application/fhir+json)",
          params: IdParams,
          produces: [FHIR_JSON],
          response: { 200: MeasureReportBundle, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const bundle = await seriesBundle(db, request.principal, request.params.id);
        return reply.type(`${FHIR_JSON}; charset=utf-8`).send(bundle);
      },
    );

    fhir.post(
      '/organisations/:ref/fhir',
      {
        schema: {
          tags,
          summary:
            'Import a FHIR R4 MeasureReport or a Bundle of them into the organisation, all or nothing, as one import (format fhir)',
          params: OrganisationRefParams,
          querystring: FhirImportQuery,
          consumes: [FHIR_JSON, 'application/json'],
          body: FhirImportBody,
          response: { 200: FhirImportView, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        importMeasureReports(db, request.principal, request.params.ref, request.body, request.query),
    );
    done();
  });
}
