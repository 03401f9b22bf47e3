import { describe, expect, it } from 'vitest';
import type { Database } from '../db/types.js';
import { describeEachEngine } from '../test-support/database.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { buildApp } from './app.js';

const ROUTES = [
  ['get', '/api/v1/organisations'],
  ['post', '/api/v1/organisations'],
  ['get', '/api/v1/organisations/{ref}'],
  ['get', '/api/v1/organisations/{ref}/units'],
  ['post', '/api/v1/organisations/{ref}/units'],
  ['get', '/api/v1/measures'],
  ['post', '/api/v1/measures'],
  ['get', '/api/v1/measures/{id}'],
  ['patch', '/api/v1/measures/{id}'],
  ['get', '/api/v1/measures/{id}/targets'],
  ['put', '/api/v1/measures/{id}/targets'],
  ['get', '/api/v1/series'],
  ['post', '/api/v1/series'],
  ['get', '/api/v1/series/{id}'],
  ['get', '/api/v1/series/{id}/observations'],
  ['post', '/api/v1/series/{id}/observations'],
  ['get', '/api/v1/series/{id}/annotations'],
  ['post', '/api/v1/series/{id}/annotations'],
  ['get', '/api/v1/series/{id}/analysis'],
  ['get', '/api/v1/imports/{id}'],
  ['get', '/api/v1/organisations/{ref}/imports'],
  ['get', '/healthz'],
  ['get', '/readyz'],
] as const;

describeEachEngine('HTTP app', ({ test }) => {
  test('GET /healthz answers ok', async ({ db }) => {
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(body(response)).toEqual({ status: 'ok' });
    });
  });

  test('GET /readyz answers ok when the database answers', async ({ db }) => {
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(200);
      expect(body(response)).toEqual({ status: 'ok' });
    });
  });

  test('GET /api/openapi.json is an OpenAPI 3 document with every route', async ({ db }) => {
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = JSON.parse(response.body) as {
        openapi: string;
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
        components: { schemas: Record<string, unknown> };
      };
      expect(document.openapi).toMatch(/^3\./);
      for (const [method, path] of ROUTES) {
        expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      }
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining(['Organisation', 'Measure', 'SpcAnalysis', 'UnitNode']),
      );
      const refs = [...response.body.matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of new Set(refs)) {
        expect(ref, ref).toMatch(/^#\/components\/schemas\//);
        expect(document.components.schemas[ref.split('/').at(-1)!], ref).toBeDefined();
      }
      const docs = await app.inject({ method: 'GET', url: '/api/docs' });
      expect(docs.statusCode).toBeLessThan(400);
    });
  });

  test('an unknown path is a 404 in the error shape', async ({ db }) => {
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/nothing?x=1' });
      expect(response.statusCode).toBe(404);
      expect(body<ErrorJson>(response).error).toEqual({
        code: 'not_found',
        message: 'no route serves GET /api/v1/nothing',
      });
    });
  });

  test('a body that is not JSON is a 400, never a 500', async ({ db }) => {
    await withApp(db, async (app) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers: { 'content-type': 'application/json' },
        payload: '{"odsCode":',
      });
      expect(response.statusCode).toBe(400);
      expect(body<ErrorJson>(response).error.code).toBe('bad_request');
    });
  });
});

describe('HTTP app without a database', () => {
  it('GET /readyz answers 503 when the database does not answer', async () => {
    const down = { execute: () => Promise.reject(new Error('connection refused')) } as unknown as Database;
    const app = await buildApp({ db: down });
    try {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(body(response)).toEqual({ status: 'unavailable', message: 'the database is not reachable' });
    } finally {
      await app.close();
    }
  });
});
