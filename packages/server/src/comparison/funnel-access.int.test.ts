/**
 * Who sees what in a funnel plot: only the series the reader may read enter it (so the pooled
 * value, φ and τ² carry nothing hidden), a measure they may read nowhere is a 404 as an unknown id,
 * the reader's own organisation is highlighted, and a commissioner sees the providers that granted
 * it access side by side (`among=granted`).
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { organisationGrants } from '../db/schema.js';
import type { Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { upsertObservations } from '../observations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, USER } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';
import type { FunnelView } from './funnel-schemas.js';

/** Numerator and denominator of each organisation's one month. */
const DATA = { Alpha: [80, 100], Beta: [45, 100], Gamma: [150, 200] } as const;

interface World {
  readonly measureId: string;
  readonly alpha: Organisation;
  readonly beta: Organisation;
  readonly gamma: Organisation;
  readonly commissioner: Organisation;
}

/** A shared proportion measure of `visibility` recorded by three providers. */
async function recordedBy(db: Database, visibility: Visibility): Promise<World> {
  const measure = await aMeasure(db, null, {
    code: `funnel-${visibility}-${randomUUID()}`,
    name: `Funnel ${visibility}`,
    dataType: 'proportion',
    chartType: 'p',
    visibility,
    spcOptions: { direction: 'increase' },
  });
  const alpha = await anOrganisation(db, { name: 'Alpha Trust' });
  const beta = await anOrganisation(db, { name: 'Beta Trust' });
  const gamma = await anOrganisation(db, { name: 'Gamma Trust' });
  const commissioner = await anOrganisation(db, { name: 'Delta ICB', kind: 'commissioner' });
  for (const [organisation, [o, n]] of [
    [alpha, DATA.Alpha],
    [beta, DATA.Beta],
    [gamma, DATA.Gamma],
  ] as const) {
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    await upsertObservations(
      db,
      [{ seriesId: series.id, period: '2021-01-01', numerator: o, denominator: n }],
      {
        userId: USER,
      },
    );
  }
  return { measureId: measure.id, alpha, beta, gamma, commissioner };
}

function get(
  app: Api,
  measureId: string,
  query = '',
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/measures/${measureId}/funnel${query}`, headers });
}

function funnelOf(response: LightMyRequestResponse): FunnelView {
  expect(response.statusCode, response.body).toBe(200);
  return body<FunnelView>(response);
}

const labels = (view: FunnelView): string[] => view.points.map((p) => p.label);

/** The pooled value of these organisations' data. */
function pooled(...names: (keyof typeof DATA)[]): number {
  return names.reduce((s, n) => s + DATA[n][0], 0) / names.reduce((s, n) => s + DATA[n][1], 0);
}

describeEachEngine('funnel access', ({ test }) => {
  test('an internal measure: each reader’s funnel holds only what they may read; the public gets a 404', async ({
    db,
  }) => {
    const w = await recordedBy(db, 'internal');
    const alphaStaff = await aUser(db, { organisationId: w.alpha.id, role: 'staff' });
    const betaLead = await aUser(db, { organisationId: w.beta.id, role: 'qi_lead' });
    // Gamma lets Alpha's people see its internal measures.
    await db
      .insert(organisationGrants)
      .values({ grantorId: w.gamma.id, granteeId: w.alpha.id, scope: 'internal' });
    await withApp(
      db,
      async (app) => {
        const unknown = await get(app, randomUUID());
        const hidden = await get(app, w.measureId);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body).toBe(unknown.body);

        const asAlpha = await get(app, w.measureId, '', as(await signIn(app, alphaStaff.email)));
        const alphaView = funnelOf(asAlpha);
        expect(labels(alphaView)).toEqual(['Alpha Trust', 'Gamma Trust']);
        // The pooled value is of the series Alpha may read, not of all three.
        expect(alphaView.target).toBeCloseTo(pooled('Alpha', 'Gamma'), 12);
        // Their own organisation is highlighted.
        expect(alphaView.highlighted).toBe(w.alpha.id);
        expect(alphaView.points.find((p) => p.mine)?.label).toBe('Alpha Trust');
        expect(asAlpha.body).not.toContain('Beta Trust');
        expect(asAlpha.body).not.toContain(w.beta.odsCode);

        const asBeta = await get(app, w.measureId, '', as(await signIn(app, betaLead.email)));
        expect(labels(funnelOf(asBeta))).toEqual(['Beta Trust']);
        expect(asBeta.body).not.toContain('Alpha Trust');
      },
      { as: 'public' },
    );
  });

  test('a private measure is hidden from staff and from grants; its private readers see their own only', async ({
    db,
  }) => {
    const w = await recordedBy(db, 'private');
    const alphaStaff = await aUser(db, { organisationId: w.alpha.id, role: 'staff' });
    const alphaImprover = await aUser(db, { organisationId: w.alpha.id, role: 'improver' });
    await db
      .insert(organisationGrants)
      .values({ grantorId: w.gamma.id, granteeId: w.alpha.id, scope: 'internal' });
    await withApp(
      db,
      async (app) => {
        expect((await get(app, w.measureId, '', as(await signIn(app, alphaStaff.email)))).statusCode).toBe(
          404,
        );
        const improver = await get(app, w.measureId, '', as(await signIn(app, alphaImprover.email)));
        expect(labels(funnelOf(improver))).toEqual(['Alpha Trust']);
        expect(improver.body).not.toContain('Gamma Trust');
      },
      { as: 'public' },
    );
  });

  test('a commissioner sees the providers that granted it access side by side (among=granted)', async ({
    db,
  }) => {
    const internal = await recordedBy(db, 'internal');
    const open = await recordedBy(db, 'public');
    const commissionerLead = await aUser(db, { organisationId: internal.commissioner.id, role: 'qi_lead' });
    // Beta grants internal access, Gamma its published measures only; Alpha nothing.
    await db.insert(organisationGrants).values([
      { grantorId: internal.beta.id, granteeId: internal.commissioner.id, scope: 'internal' },
      { grantorId: internal.gamma.id, granteeId: internal.commissioner.id, scope: 'published' },
      { grantorId: open.beta.id, granteeId: internal.commissioner.id, scope: 'internal' },
      { grantorId: open.gamma.id, granteeId: internal.commissioner.id, scope: 'published' },
    ]);
    await withApp(
      db,
      async (app) => {
        const headers = as(await signIn(app, commissionerLead.email));
        // The internal measure: Beta only (Gamma granted its published measures, not this one).
        const mine = funnelOf(await get(app, internal.measureId, '?among=granted', headers));
        expect(mine.among).toBe('granted');
        expect(labels(mine)).toEqual(['Beta Trust']);
        // A public measure: every provider to anyone; the granted ones side by side.
        expect(labels(funnelOf(await get(app, open.measureId, '', headers)))).toEqual([
          'Alpha Trust',
          'Beta Trust',
          'Gamma Trust',
        ]);
        const providers = funnelOf(await get(app, open.measureId, '?among=granted', headers));
        expect(labels(providers)).toEqual(['Beta Trust', 'Gamma Trust']);
        expect(providers.target).toBeCloseTo(pooled('Beta', 'Gamma'), 12);
        // The public has granted nothing: an empty funnel, not someone else's.
        const nobody = funnelOf(await get(app, open.measureId, '?among=granted'));
        expect(nobody.points).toEqual([]);
        expect(nobody.missing).toEqual([]);
      },
      { as: 'public' },
    );
  });
});
