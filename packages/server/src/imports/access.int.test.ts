/**
 * Who may import: `data.import` in the import's organisation (staff may not; improvers may),
 * national files for platform administrators only; an import of another organisation is a 404
 * as an unknown id. Uploads, commits and discards are audited.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';
import type { ImportView } from './schemas.js';

const FILE = 'Period,Value\n2024-01-01,3\n2024-02-01,4\n2024-03-01,2\n';
const MAPPING = { period: { column: 'Period' }, measure: { value: 'falls' }, value: { column: 'Value' } };

function upload(app: Api, url: string, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `${url}?fileName=falls.csv`,
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: FILE,
  });
}

async function auditRows(
  db: Database,
  entityId: string,
  action: string,
): Promise<(typeof auditEvents.$inferSelect)[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

describeEachEngine('import access', ({ test }) => {
  test('by role: staff 403, improver OK, another organisation 404, the public 401/404; audited', async (ctx) => {
    const { db } = ctx;
    const trust = await anOrganisation(db, { name: 'Importing Trust' });
    const other = await anOrganisation(db, { name: 'Other Trust' });
    await aMeasure(db, trust.id, { code: 'falls', dataType: 'count', chartType: 'c' });
    const staff = await aUser(db, { organisationId: trust.id, role: 'staff' });
    const improver = await aUser(db, { organisationId: trust.id, role: 'improver' });
    const stranger = await aUser(db, { organisationId: other.id, role: 'administrator' });
    await withApp(
      ctx,
      async (app) => {
        const url = `/api/v1/organisations/${trust.odsCode}/imports`;
        const asStaff = as(await signIn(app, staff.email));
        const asImprover = as(await signIn(app, improver.email));
        const asStranger = as(await signIn(app, stranger.email));

        expect((await upload(app, url, {})).statusCode).toBe(401);
        expect((await upload(app, url, asStaff)).statusCode).toBe(403);
        expect((await upload(app, url, asStranger)).statusCode).toBe(403);
        // A national file (rows of many organisations) is for platform administrators only.
        expect((await upload(app, '/api/v1/imports', asImprover)).statusCode).toBe(403);

        const uploaded = await upload(app, url, asImprover);
        expect(uploaded.statusCode).toBe(201);
        const imported = body<{ import: ImportView }>(uploaded).import;
        expect(imported.createdBy).toBe(improver.id);
        const [uploadEvent] = await auditRows(db, imported.id, 'import.upload');
        expect(uploadEvent).toMatchObject({ actorId: improver.id, organisationId: trust.id });
        expect(uploadEvent?.after).toMatchObject({ fileName: 'falls.csv', rowCount: 3 });

        // Reading: the improver; staff of the organisation are refused; others as an unknown id.
        const one = `/api/v1/imports/${imported.id}`;
        const unknown = await app.inject({ url: `/api/v1/imports/${randomUUID()}`, headers: asStranger });
        expect(unknown.statusCode).toBe(404);
        expect((await app.inject({ url: one, headers: asImprover })).statusCode).toBe(200);
        expect((await app.inject({ url: one, headers: asStaff })).statusCode).toBe(403);
        const hidden = await app.inject({ url: one, headers: asStranger });
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body).toBe(unknown.body);
        const publicRead = await app.inject({ url: one });
        expect(publicRead.statusCode).toBe(404);
        expect(publicRead.body).toBe(unknown.body);
        expect((await app.inject({ url, headers: asImprover })).statusCode).toBe(200);
        expect((await app.inject({ url, headers: asStaff })).statusCode).toBe(403);
        expect((await app.inject({ url })).statusCode).toBe(401);

        // Previewing and committing: as reading, and a change.
        const commit = (headers: Record<string, string>): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: `${one}/commit?wait=true`,
            headers,
            payload: { mapping: MAPPING },
          });
        expect((await commit(asStranger)).statusCode).toBe(404);
        expect((await commit(asStaff)).statusCode).toBe(403);
        const preview = await app.inject({
          method: 'POST',
          url: `${one}/preview?wait=true`,
          headers: asStranger,
          payload: { mapping: MAPPING },
        });
        expect(preview.statusCode).toBe(404);
        const committed = await commit(asImprover);
        expect(committed.statusCode).toBe(200);
        expect(body<ImportView>(committed)).toMatchObject({ status: 'succeeded', added: 3 });
        const [commitEvent] = await auditRows(db, imported.id, 'import.commit');
        expect(commitEvent).toMatchObject({
          actorId: improver.id,
          organisationId: trust.id,
          summary: 'Imported falls.csv: 3 added, 0 changed, 0 unchanged',
          after: { status: 'succeeded', added: 3, changed: 0, unchanged: 0 },
        });

        // Discarding an upload.
        const second = body<{ import: ImportView }>(await upload(app, url, asImprover)).import;
        const discard = (headers: Record<string, string>): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'DELETE', url: `/api/v1/imports/${second.id}`, headers });
        expect((await discard({})).statusCode).toBe(404);
        expect((await discard(asStranger)).statusCode).toBe(404);
        expect((await discard(asStaff)).statusCode).toBe(403);
        expect((await discard(asImprover)).statusCode).toBe(204);
        const [deleteEvent] = await auditRows(db, second.id, 'import.delete');
        expect(deleteEvent).toMatchObject({ actorId: improver.id, organisationId: trust.id, after: null });
        expect(deleteEvent?.before).toMatchObject({ fileName: 'falls.csv', status: 'uploaded' });
      },
      { as: 'public' },
    );
  });

  test('a read-only token reads imports but may not upload', async (ctx) => {
    const { db } = ctx;
    const trust = await anOrganisation(db);
    const improver = await aUser(db, { organisationId: trust.id, role: 'improver' });
    await withApp(
      ctx,
      async (app) => {
        const browser = await signIn(app, improver.email);
        const made = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: as(browser),
          payload: { name: 'read', scopes: ['read'] },
        });
        expect(made.statusCode).toBe(201);
        const authorization = `Bearer ${body<{ token: string }>(made).token}`;
        const url = `/api/v1/organisations/${trust.odsCode}/imports`;
        expect((await app.inject({ url, headers: { authorization } })).statusCode).toBe(200);
        const refused = await upload(app, url, { authorization });
        expect(refused.statusCode).toBe(403);
      },
      { as: 'public' },
    );
  });
});
