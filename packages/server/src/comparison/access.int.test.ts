/**
 * Who sees what in a comparison: each organisation's card only where the reader may read that
 * organisation's series; a measure the reader may read nowhere is a 404, as an unknown id.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { organisationGrants } from '../db/schema.js';
import type { Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import type { Organisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';
import type { ComparisonView } from './schemas.js';

/** A shared measure of `visibility` recorded by three organisations. */
async function recordedBy(
  db: Database,
  visibility: Visibility,
): Promise<{ measureId: string; alpha: Organisation; beta: Organisation; gamma: Organisation }> {
  const measure = await aMeasure(db, null, { code: `cmp-${visibility}-${randomUUID()}`, visibility });
  const alpha = await anOrganisation(db, { name: 'Alpha Trust' });
  const beta = await anOrganisation(db, { name: 'Beta Trust' });
  const gamma = await anOrganisation(db, { name: 'Gamma Trust' });
  for (const organisation of [alpha, beta, gamma]) {
    await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
  }
  return { measureId: measure.id, alpha, beta, gamma };
}

function get(
  app: Api,
  measureId: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/measures/${measureId}/comparison`, headers });
}

function names(response: LightMyRequestResponse): string[] {
  expect(response.statusCode).toBe(200);
  return body<ComparisonView>(response).items.map((item) => item.organisation.name);
}

describeEachEngine('comparison access', ({ test }) => {
  test('an internal measure: each reader sees the organisations they may read, the public nothing', async ({
    db,
  }) => {
    const { measureId, alpha, beta, gamma } = await recordedBy(db, 'internal');
    const alphaStaff = await aUser(db, { organisationId: alpha.id, role: 'staff' });
    const betaLead = await aUser(db, { organisationId: beta.id, role: 'qi_lead' });
    // Gamma lets Alpha's people see its internal measures.
    await db
      .insert(organisationGrants)
      .values({ grantorId: gamma.id, granteeId: alpha.id, scope: 'internal' });
    await withApp(
      db,
      async (app) => {
        const unknown = await get(app, randomUUID());
        const hidden = await get(app, measureId);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body).toBe(unknown.body);

        const asAlpha = await get(app, measureId, as(await signIn(app, alphaStaff.email)));
        expect(names(asAlpha)).toEqual(['Alpha Trust', 'Gamma Trust']);
        expect(body<ComparisonView>(asAlpha).total).toBe(2);
        expect(body<ComparisonView>(asAlpha).levels).toEqual([{ unit: null, organisations: 2 }]);

        const asBeta = await get(app, measureId, as(await signIn(app, betaLead.email)));
        expect(names(asBeta)).toEqual(['Beta Trust']);
        expect(body<ComparisonView>(asBeta).total).toBe(1);
      },
      { as: 'public' },
    );
  });

  test('a private measure is hidden from staff (internal readers) and from grants', async ({ db }) => {
    const { measureId, alpha, gamma } = await recordedBy(db, 'private');
    const alphaStaff = await aUser(db, { organisationId: alpha.id, role: 'staff' });
    const alphaImprover = await aUser(db, { organisationId: alpha.id, role: 'improver' });
    await db
      .insert(organisationGrants)
      .values({ grantorId: gamma.id, granteeId: alpha.id, scope: 'internal' });
    await withApp(
      db,
      async (app) => {
        const unknown = await get(app, randomUUID(), as(await signIn(app, alphaStaff.email)));
        const asStaff = await get(app, measureId, as(await signIn(app, alphaStaff.email)));
        expect(asStaff.statusCode).toBe(404);
        expect(asStaff.body).toBe(unknown.body);
        const asImprover = await get(app, measureId, as(await signIn(app, alphaImprover.email)));
        expect(names(asImprover)).toEqual(['Alpha Trust']);
      },
      { as: 'public' },
    );
  });

  test('a public measure: everyone sees every organisation', async ({ db }) => {
    const { measureId } = await recordedBy(db, 'public');
    await withApp(
      db,
      async (app) => {
        expect(names(await get(app, measureId))).toEqual(['Alpha Trust', 'Beta Trust', 'Gamma Trust']);
      },
      { as: 'public' },
    );
  });
});
