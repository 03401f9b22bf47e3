import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anImport, anOrganisation } from '../test-support/fixtures.js';
import { finishImport } from './repository.js';
import type { ImportView } from './schemas.js';

describeEachEngine('HTTP imports', ({ test }) => {
  test('GET /imports/:id gives the job status; GET /organisations/:ref/imports lists newest first', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    const first = await anImport(db, organisation.id, 'first.csv');
    await finishImport(db, first.id, { added: 3, changed: 1, unchanged: 2 });
    const second = await anImport(db, organisation.id, 'second.csv');
    await withApp(db, async (app) => {
      const done = await app.inject({ method: 'GET', url: `/api/v1/imports/${first.id}` });
      expect(done.statusCode).toBe(200);
      expect(body<ImportView>(done)).toMatchObject({
        status: 'succeeded',
        added: 3,
        changed: 1,
        unchanged: 2,
      });
      const running = await app.inject({ method: 'GET', url: `/api/v1/imports/${second.id}` });
      expect(body<ImportView>(running)).toMatchObject({ status: 'running', finishedAt: null });
      const list = await app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${organisation.odsCode}/imports?limit=1`,
      });
      expect(body<{ items: ImportView[] }>(list).items).toHaveLength(1);
      const unknown = await app.inject({
        method: 'GET',
        url: '/api/v1/imports/00000000-0000-4000-8000-00000000abcd',
      });
      expect(unknown.statusCode).toBe(404);
      const badLimit = await app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${organisation.id}/imports?limit=0`,
      });
      expect(badLimit.statusCode).toBe(400);
    });
  });
});
