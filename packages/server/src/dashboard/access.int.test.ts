/**
 * Who sees what on a dashboard: only the series a reader may read, counted and cached per
 * reader's level, with entity tags that never confirm a fuller body to a lesser reader.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../db/types.js';
import type { Visibility } from '../db/schema/vocabulary.js';
import type { Api } from '../http/types.js';
import { upsertObservations } from '../observations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';
import type { DashboardView } from './schemas.js';

/** An organisation with one series of a public, an internal and a private measure. */
async function aDemoLikeTrust(db: Database): Promise<Organisation> {
  const organisation = await anOrganisation(db, { name: 'Access Trust' });
  const periods = months(12);
  for (const visibility of ['public', 'internal', 'private'] as Visibility[]) {
    const measure = await aMeasure(db, organisation.id, { code: visibility, name: visibility, visibility });
    const series = await ensureSeries(db, { organisationId: organisation.id, measureId: measure.id });
    await upsertObservations(
      db,
      periods.map((period, i) => ({ seriesId: series.id, period, value: 10 + (i % 4) })),
      { userId: USER },
    );
  }
  return organisation;
}

async function dashboard(
  app: Api,
  ref: string,
  headers: Record<string, string> = {},
  query = '',
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/organisations/${ref}/dashboard${query}`, headers });
}

function codes(response: LightMyRequestResponse): string[] {
  expect(response.statusCode).toBe(200);
  return body<DashboardView>(response).series.map((s) => s.measure.code);
}

describeEachEngine('dashboard access', ({ test }) => {
  test('each reader sees only what their level allows, with counts and matrix to match', async ({ db }) => {
    const trust = await aDemoLikeTrust(db);
    const other = await anOrganisation(db, { name: 'Other Trust' });
    const staff = await aUser(db, { organisationId: trust.id, role: 'staff' });
    const improver = await aUser(db, { organisationId: trust.id, role: 'improver' });
    const stranger = await aUser(db, { organisationId: other.id, role: 'administrator' });
    await withApp(
      db,
      async (app) => {
        const ref = trust.odsCode;
        const asPublic = await dashboard(app, ref);
        expect(codes(asPublic)).toEqual(['public']);
        const publicView = body<DashboardView>(asPublic);
        expect(publicView.total).toBe(1);
        expect(publicView.matrix.reduce((n, cell) => n + cell.count, 0)).toBe(1);
        // Asking for hidden measures by visibility finds nothing.
        expect(codes(await dashboard(app, ref, {}, '?visibility=private'))).toEqual([]);

        const staffHeaders = as(await signIn(app, staff.email));
        const asStaff = await dashboard(app, ref, staffHeaders);
        expect(codes(asStaff)).toEqual(['internal', 'public']);
        expect(body<DashboardView>(asStaff).total).toBe(2);

        const asImprover = await dashboard(app, ref, as(await signIn(app, improver.email)));
        expect(codes(asImprover)).toEqual(['internal', 'private', 'public']);

        const strangerHeaders = as(await signIn(app, stranger.email));
        const asStranger = await dashboard(app, ref, strangerHeaders);
        expect(codes(asStranger)).toEqual(['public']);

        // One entity tag per level: the public's differs from a member's.
        const tags = [asPublic, asStaff, asImprover].map((r) => r.headers.etag);
        expect(new Set(tags).size).toBe(3);
        expect(asStranger.headers.etag).toBe(asPublic.headers.etag);

        // A 304 never crosses levels: a member's tag sent by the public gets the public's body.
        const crossed = await dashboard(app, ref, { 'if-none-match': String(asImprover.headers.etag) });
        expect(crossed.statusCode).toBe(200);
        expect(codes(crossed)).toEqual(['public']);
        const crossedStaff = await dashboard(app, ref, {
          ...staffHeaders,
          'if-none-match': String(asImprover.headers.etag),
        });
        expect(codes(crossedStaff)).toEqual(['internal', 'public']);
        // The reader's own tag is a 304.
        const same = await dashboard(app, ref, { 'if-none-match': String(asPublic.headers.etag) });
        expect(same.statusCode).toBe(304);
        // Cached per level: the public still gets only the public copy after members asked.
        expect(codes(await dashboard(app, ref))).toEqual(['public']);
      },
      { as: 'public' },
    );
  });

  test("a change to a hidden series does not move the public's entity tag", async ({ db }) => {
    const trust = await aDemoLikeTrust(db);
    await withApp(
      db,
      async (app) => {
        const before = await dashboard(app, trust.odsCode);
        const hidden = await aMeasure(db, trust.id, {
          code: 'secret',
          name: 'secret',
          visibility: 'private',
        });
        await ensureSeries(db, { organisationId: trust.id, measureId: hidden.id });
        const after = await dashboard(app, trust.odsCode, { 'if-none-match': String(before.headers.etag) });
        expect(after.statusCode).toBe(304);
      },
      { as: 'public' },
    );
  });
});
