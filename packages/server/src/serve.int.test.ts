import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeMailSettings } from './mail/repository.js';
import { sealedFor } from './mail/service.js';
import { secretBox } from './auth/secret-box.js';
import { notify } from './notifications/service.js';
import { createOrganisation } from './organisations/repository.js';
import { startServer } from './serve.js';
import { someone } from './test-support/ideas.js';
import { pgliteTemplate } from './test-support/pglite-template.js';
import { startTestSmtp } from './test-support/smtp.js';

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

  it('the running server emails notifications through the organisation’s mail server on its own', async () => {
    const smtp = await startTestSmtp({ gs: 'smtp-password' });
    const key = randomBytes(32);
    const server = await startServer({
      config: {
        host: '127.0.0.1',
        port: 0,
        logLevel: 'silent',
        database: { engine: 'pglite', dataDir: null, loadDataDir: await pgliteTemplate() },
        auth: { publicUrl: 'https://gs.example.nhs.uk' },
        secretKey: key,
        mailIntervalMs: 100,
      },
      handleSignals: false,
    });
    try {
      const db = server.database.db;
      const trust = await createOrganisation(db, { odsCode: 'RMAIL', name: 'Mail Trust', kind: 'provider' });
      const nurse = await someone(db, 'Nurse Mail', { organisationId: trust.id, role: 'staff' });
      await writeMailSettings(
        db,
        trust.id,
        {
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          username: 'gs',
          passwordSealed: secretBox(key).seal('smtp-password', sealedFor(trust.id)),
          fromAddress: 'gs@mail-trust.nhs.net',
          fromName: null,
          enabled: true,
          enabledAt: new Date(Date.now() - 1000),
          updatedBy: null,
        },
        new Date(),
      );
      await notify(db, {
        userId: nurse.id,
        organisationId: trust.id,
        kind: 'idea.status',
        text: 'Your idea is under review',
        link: '/ideas/1',
      });
      await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
      expect(smtp.received[0]!.to).toEqual([nurse.email]);
      expect(smtp.received[0]!.body).toContain('https://gs.example.nhs.uk/ideas/1');
    } finally {
      await server.close();
      await smtp.close();
    }
  }, 60_000);
});
