import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, organisationGrants } from '../db/schema.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';

interface GrantJson {
  organisation: { id: string; odsCode: string; name: string; kind: string };
  scope: string;
}

describeEachEngine('grants between organisations', ({ test }) => {
  test('an administrator lets a commissioner see internal measures, changes and revokes it; all audited', async ({
    db,
  }) => {
    const trust = await anOrganisation(db, { name: 'Provider Trust' });
    const icb = await anOrganisation(db, { name: 'North ICB', kind: 'commissioner' });
    const measure = await aMeasure(db, trust.id, { name: 'Internal falls', visibility: 'internal' });
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: trust.id });
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    const qiLead = await aUser(db, { organisationId: trust.id, role: 'qi_lead' });
    const commissioner = await aUser(db, { organisationId: icb.id, role: 'staff' });
    const icbAdmin = await aUser(db, { organisationId: icb.id, role: 'administrator' });
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, admin.email);
        const reader = await signIn(app, commissioner.email);
        const seen = async (): Promise<number> =>
          (await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}`, headers: as(reader) }))
            .statusCode;
        expect(await seen()).toBe(404);

        const grants = `/api/v1/organisations/${trust.odsCode}/grants`;
        const given = await app.inject({
          method: 'POST',
          url: grants,
          headers: as(browser),
          payload: { grantee: icb.odsCode.toLowerCase(), scope: 'internal' },
        });
        expect(given.statusCode, given.body).toBe(201);
        expect(body<GrantJson>(given)).toMatchObject({
          organisation: { odsCode: icb.odsCode, name: 'North ICB', kind: 'commissioner' },
          scope: 'internal',
        });
        expect(await seen()).toBe(200);
        const list = await app.inject({ method: 'GET', url: grants, headers: as(browser) });
        expect(
          body<{ items: GrantJson[] }>(list).items.map((g) => [g.organisation.odsCode, g.scope]),
        ).toEqual([[icb.odsCode, 'internal']]);
        const icbBrowser = await signIn(app, icbAdmin.email);
        const received = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${icb.odsCode}/grants/received`,
          headers: as(icbBrowser),
        });
        expect(body<{ items: GrantJson[] }>(received).items.map((g) => g.organisation.odsCode)).toEqual([
          trust.odsCode,
        ]);

        // Narrowing it to published measures hides the internal one again.
        const narrowed = await app.inject({
          method: 'POST',
          url: grants,
          headers: as(browser),
          payload: { grantee: icb.odsCode, scope: 'published' },
        });
        expect(narrowed.statusCode).toBe(200);
        expect(await seen()).toBe(404);

        const revoked = await app.inject({
          method: 'DELETE',
          url: `${grants}/${icb.odsCode}`,
          headers: as(browser),
        });
        expect(revoked.statusCode).toBe(200);
        expect(
          await db.select().from(organisationGrants).where(eq(organisationGrants.grantorId, trust.id)),
        ).toEqual([]);
        const again = await app.inject({
          method: 'DELETE',
          url: `${grants}/${icb.odsCode}`,
          headers: as(browser),
        });
        expect(again.statusCode).toBe(404);

        const events = await db
          .select()
          .from(auditEvents)
          .where(
            and(eq(auditEvents.organisationId, trust.id), eq(auditEvents.entityType, 'organisation_grant')),
          );
        expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
          ['grant.create', null, { grantee: icb.odsCode, scope: 'internal' }],
          [
            'grant.update',
            { grantee: icb.odsCode, scope: 'internal' },
            { grantee: icb.odsCode, scope: 'published' },
          ],
          ['grant.delete', { grantee: icb.odsCode, scope: 'published' }, null],
        ]);

        // Refusals: oneself, an unknown ODS code, a bad scope, and anyone but an administrator.
        const self = await app.inject({
          method: 'POST',
          url: grants,
          headers: as(browser),
          payload: { grantee: trust.odsCode, scope: 'published' },
        });
        expect(self.statusCode).toBe(400);
        expect(body<ErrorJson>(self).error.details?.field).toBe('grantee');
        const unknown = await app.inject({
          method: 'POST',
          url: grants,
          headers: as(browser),
          payload: { grantee: 'ZZZ999', scope: 'published' },
        });
        expect(unknown.statusCode).toBe(404);
        expect(body<ErrorJson>(unknown).error.details?.field).toBe('grantee');
        const badScope = await app.inject({
          method: 'POST',
          url: grants,
          headers: as(browser),
          payload: { grantee: icb.odsCode, scope: 'private' },
        });
        expect(badScope.statusCode).toBe(400);
        expect(body<ErrorJson>(badScope).error.details?.field).toBe('scope');
        const leadBrowser = await signIn(app, qiLead.email);
        const byLead = await app.inject({
          method: 'POST',
          url: grants,
          headers: as(leadBrowser),
          payload: { grantee: icb.odsCode, scope: 'internal' },
        });
        expect(byLead.statusCode).toBe(403);
        // The grantee's administrator cannot grant itself the grantor's data.
        const byGrantee = await app.inject({
          method: 'POST',
          url: grants,
          headers: as(icbBrowser),
          payload: { grantee: icb.odsCode, scope: 'internal' },
        });
        expect(byGrantee.statusCode).toBe(403);
        expect(await seen()).toBe(404);
      },
      { as: 'public' },
    );
  });
});
