/**
 * The requirements a project answers, from the project's side (`GET /projects/:id/requirements`):
 * the provider's people read the links its goal managers make; a commissioner reads them only on
 * a project it may read (public or published), and only its own requirements; a project one may
 * not read is 404 as an unknown one.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { organisationGrants, projects } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { aProject, aRequirement, tokenOf } from '../test-support/goals.js';

describeEachEngine('requirements of a project', ({ test }) => {
  test('linked by the provider, read by who may read the project and the requirement', async ({ db }) => {
    const p = await anOrganisation(db, { name: 'Provider Trust' });
    const c = await anOrganisation(db, { name: 'Commissioner ICB', kind: 'commissioner' });
    const x = await anOrganisation(db, { name: 'Other ICB', kind: 'commissioner' });
    await db.insert(organisationGrants).values([
      { grantorId: p.id, granteeId: c.id, scope: 'published' },
      { grantorId: p.id, granteeId: x.id, scope: 'published' },
    ]);
    const shared = await aMeasure(db, null, {
      name: 'Shared',
      code: `prq-${randomUUID().slice(0, 6)}`,
      visibility: 'public',
    });
    const byC = await aRequirement(db, c.id, p.id, shared.id, 'C wants fewer falls');
    const byX = await aRequirement(db, x.id, p.id, shared.id, 'X wants fewer falls');
    const project = await aProject(db, p.id, 'internal', 'Falls project');
    const pLead = await tokenOf(db, { organisationId: p.id, role: 'qi_lead' });
    const pStaff = await tokenOf(db, { organisationId: p.id, role: 'staff' });
    const cLead = await tokenOf(db, { organisationId: c.id, role: 'qi_lead' });
    await withApp(
      db,
      async (app) => {
        const url = `/api/v1/projects/${project}/requirements`;
        const titles = async (headers: Record<string, string>): Promise<string[]> => {
          const response = await app.inject({ url, headers });
          expect(response.statusCode, response.body).toBe(200);
          return body<{ items: { title: string }[] }>(response).items.map((r) => r.title);
        };
        expect(await titles(pStaff)).toEqual([]);
        const link = (
          id: string,
          headers: Record<string, string>,
          method: 'PUT' | 'DELETE' = 'PUT',
        ): Promise<LightMyRequestResponse> =>
          app.inject({ method, url: `/api/v1/requirements/${id}/projects/${project}`, headers });
        expect((await link(byC, pStaff)).statusCode).toBe(403);
        expect((await link(byC, pLead)).statusCode).toBe(204);
        expect((await link(byX, pLead)).statusCode).toBe(204);
        expect(await titles(pStaff)).toEqual(['C wants fewer falls', 'X wants fewer falls']);

        // The commissioner may not read an internal project: 404 as an unknown one.
        const hidden = await app.inject({ url, headers: cLead });
        const unknown = await app.inject({
          url: '/api/v1/projects/00000000-0000-4000-8000-00000000abcd/requirements',
          headers: cLead,
        });
        expect(hidden.statusCode).toBe(404);
        expect(hidden.body.replaceAll(project, '00000000-0000-4000-8000-00000000abcd')).toBe(unknown.body);
        expect((await app.inject({ url })).statusCode).toBe(404);

        // Once public, it sees the project's links to its own requirements, not another's.
        await db.update(projects).set({ visibility: 'public' }).where(eq(projects.id, project));
        expect(await titles(cLead)).toEqual(['C wants fewer falls']);
        expect(await titles({})).toEqual([]);

        expect((await link(byX, pLead, 'DELETE')).statusCode).toBe(204);
        expect(await titles(pStaff)).toEqual(['C wants fewer falls']);
      },
      { as: 'public' },
    );
  });
});
