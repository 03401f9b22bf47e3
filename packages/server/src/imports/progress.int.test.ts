import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { operatorToken } from '../test-support/users.js';
import type { ImportView } from './schemas.js';

/** Rows enough for several stored chunks (about a megabyte each), every one with a period that is not a date. */
const ROWS = 200_000;

describeEachEngine('imports: progress while a job runs', ({ test }) => {
  test('a status request over HTTP is answered while a preview runs, with the rows read so far', async (ctx) => {
    const trust = await anOrganisation(ctx.db);
    const measure = await aMeasure(ctx.db, trust.id, { code: 'falls', dataType: 'count', chartType: 'c' });
    const file = `Period,Value\n${'soon,1\n'.repeat(ROWS)}`;
    await withApp(ctx, async (app) => {
      const uploaded = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=big.csv`,
        headers: { 'content-type': 'text/csv' },
        payload: file,
      });
      expect(uploaded.statusCode).toBe(201);
      const { id } = body<{ import: ImportView }>(uploaded).import;
      // Over a real connection, as the wizard polls: a request is read only when the event loop gets a turn.
      await app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/imports/${id}`;
      // Real requests carry no token by themselves: an administrator's, as the wizard's session would.
      const authorization = `Bearer ${await operatorToken(ctx.db)}`;
      const started = await fetch(`${base}/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({
          mapping: {
            period: { column: 'Period' },
            measure: { value: measure.code },
            value: { column: 'Value' },
          },
        }),
      });
      expect(started.status).toBe(202);
      const during = (await (await fetch(base, { headers: { authorization } })).json()) as ImportView;
      expect(during.status).toBe('previewing');
      expect(during.progress.rowsTotal).toBe(ROWS);
      let after = during;
      for (let i = 0; i < 600 && after.status === 'previewing'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = (await (await fetch(base, { headers: { authorization } })).json()) as ImportView;
      }
      expect(after.status).toBe('previewed');
      expect(after.progress.rowsDone).toBe(ROWS);
      expect(after.preview?.problemCount).toBe(ROWS);
    });
  }, 120_000);
});
