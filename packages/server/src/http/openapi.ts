/**
 * @module http/openapi
 * The OpenAPI 3.1 document, generated from the routes' zod schemas, at `GET /api/openapi.json`,
 * and the browsable reference (Swagger UI) at `/api/docs`.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Api } from './types.js';

/** Where the document and the reference are served. */
export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Registers the generator (before any route) and the reference. */
export async function registerOpenApi(app: Api): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Groundswell API',
        description:
          'Measures, data and statistical process control (Making Data Count) for NHS improvement teams. ' +
          'Every error has the body { error: { code, message, details? } }.',
        version: '1',
      },
      components: {
        securitySchemes: {
          token: { type: 'http', scheme: 'bearer', description: 'A personal API token (gs_…)' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: '__Host-gs_session',
            description: 'A browser session; changes also need X-CSRF-Token',
          },
        },
      },
      security: [{ token: [] }, { session: [] }, {}],
      tags: [
        { name: 'sign-in' },
        { name: 'organisations' },
        { name: 'units' },
        { name: 'measures' },
        { name: 'series' },
        { name: 'observations' },
        { name: 'annotations' },
        { name: 'analysis' },
        { name: 'dashboard' },
        { name: 'imports' },
        { name: 'audit' },
        { name: 'health' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PATH, staticCSP: true });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, () => app.swagger());
}
