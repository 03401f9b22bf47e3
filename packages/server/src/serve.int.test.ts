import { describe, expect, it } from 'vitest';
import { createOrganisation } from './organisations/repository.js';
import { startServer } from './serve.js';
import { pgliteTemplate } from './test-support/pglite-template.js';

describe('startServer', () => {
  it('startServer() migrates, runs prepare, listens on HOST:PORT and closes cleanly', async () => {
    const server = await startServer({
      config: {
        host: '127.0.0.1',
        port: 0,
        logLevel: 'silent',
        database: { engine: 'pglite', dataDir: null, loadDataDir: await pgliteTemplate() },
      },
      handleSignals: false,
      prepare: async (database) => {
        await createOrganisation(database.db, { odsCode: 'RF4', name: 'Prepared Trust', kind: 'provider' });
      },
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      const organisations = await fetch(`${server.url}/api/v1/organisations`);
      expect(await organisations.json()).toMatchObject({ items: [{ odsCode: 'RF4' }], nextCursor: null });
    } finally {
      await server.close();
    }
  }, 60_000);
});
