/**
 * The driver diagram over HTTP: boxes added (at the end or a place), edited, reordered (the
 * positions rewritten as a whole), linked by kind, removed with their lines (a change idea with
 * PDSA cycles refused, 409); the team works on it, others may not; every change audited; the
 * diagram as JSON and as an SVG file to download.
 */
import { and, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { aUser, signInAll } from '../test-support/users.js';
import type { DriverDiagramView, DriverNodeView, ProjectView } from './schemas.js';

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Ward Trust' });
  const people = {
    lead: await aUser(db, { organisationId: a.id, role: 'staff' }),
    member: await aUser(db, { organisationId: a.id, role: 'staff' }),
    other: await aUser(db, { organisationId: a.id, role: 'improver' }),
  };
  return { a, people };
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function setUp(app: Api, w: Awaited<ReturnType<typeof world>>) {
  const who = await signInAll(app, w.people);
  const project = body<ProjectView>(
    await app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${w.a.odsCode}/projects`,
      payload: {
        title: 'Fewer falls',
        aimWhat: 'Reduce falls',
        aimHowMuch: 'by 30%',
        aimByWhen: '2026-03-31',
      },
      headers: who.lead,
    }),
  );
  await app.inject({
    method: 'POST',
    url: `/api/v1/projects/${project.id}/team`,
    payload: { userId: w.people.member.id, role: 'member' },
    headers: who.lead,
  });
  const add = async (
    kind: string,
    text: string,
    extra: object = {},
    headers = who.member,
  ): Promise<DriverNodeView> => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/driver-nodes`,
      payload: { kind, text, ...extra },
      headers,
    });
    expect(response.statusCode, response.body).toBe(201);
    return body<DriverNodeView>(response);
  };
  const diagram = async (): Promise<DriverDiagramView> =>
    body<DriverDiagramView>(
      await app.inject({ url: `/api/v1/projects/${project.id}/driver-diagram`, headers: who.member }),
    );
  return { who, project, add, diagram };
}

const texts = (nodes: readonly DriverNodeView[]): string[] => nodes.map((n) => `${n.position}:${n.text}`);

describeEachEngine('driver diagram', ({ test }) => {
  test('adds boxes in their columns, at the end or a given place, with a line from the box above', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const { add, diagram, project, who } = await setUp(app, w);
      const env = await add('primary', 'Safe environment');
      const know = await add('primary', 'Patients who know their risk');
      const first = await add('primary', 'Staffing', { position: 0 });
      const beds = await add('secondary', 'Beds at the right height', { linkFrom: env.id });
      const idea = await add('change_idea', 'Bed height check at handover', { linkFrom: beds.id });
      const shown = await diagram();
      expect(shown.aim).toBe('Reduce falls by 30% by 2026-03-31');
      expect(texts(shown.columns.primary)).toEqual([
        '0:Staffing',
        '1:Safe environment',
        '2:Patients who know their risk',
      ]);
      expect(shown.columns.secondary.map((n) => n.id)).toEqual([beds.id]);
      expect(shown.columns.change_idea).toEqual([
        { id: idea.id, kind: 'change_idea', text: 'Bed height check at handover', position: 0, cycles: 0 },
      ]);
      expect(shown.links).toEqual([
        { fromId: env.id, toId: beds.id },
        { fromId: beds.id, toId: idea.id },
      ]);
      // A line to a box of the wrong kind is refused, naming the field.
      const wrong = await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${project.id}/driver-nodes`,
        payload: { kind: 'change_idea', text: 'x', linkFrom: first.id },
        headers: who.member,
      });
      expect(wrong.statusCode).toBe(400);
      expect(body<ErrorJson>(wrong).error.details?.field).toBe('linkFrom');
      const empty = await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${project.id}/driver-nodes`,
        payload: { kind: 'primary', text: '  ' },
        headers: who.member,
      });
      expect(body<ErrorJson>(empty).error.details?.field).toBe('text');
      expect(know.position).toBe(1);
    });
  });

  test('edits, reorders a column as a whole, links and unlinks by kind, removes a box with its lines', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const { add, diagram, project, who } = await setUp(app, w);
      const p1 = await add('primary', 'One');
      const p2 = await add('primary', 'Two');
      const p3 = await add('primary', 'Three');
      const s1 = await add('secondary', 'Secondary');
      const c1 = await add('change_idea', 'Idea');
      const url = `/api/v1/projects/${project.id}`;

      const edited = await app.inject({
        method: 'PATCH',
        url: `${url}/driver-nodes/${p2.id}`,
        payload: { text: ' Two, better ' },
        headers: who.member,
      });
      expect(body<DriverNodeView>(edited).text).toBe('Two, better');

      const reorder = (ids: string[]): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'PUT',
          url: `${url}/driver-order`,
          payload: { kind: 'primary', ids },
          headers: who.member,
        });
      const reordered = await reorder([p3.id, p1.id, p2.id]);
      expect(reordered.statusCode, reordered.body).toBe(200);
      expect(texts(body<DriverDiagramView>(reordered).columns.primary)).toEqual([
        '0:Three',
        '1:One',
        '2:Two, better',
      ]);
      for (const ids of [
        [p3.id, p1.id],
        [p3.id, p1.id, p1.id],
        [p3.id, p1.id, s1.id],
      ]) {
        const refused = await reorder(ids);
        expect(refused.statusCode).toBe(400);
        expect(body<ErrorJson>(refused).error.details?.field).toBe('ids');
      }
      expect(texts((await diagram()).columns.primary)).toEqual(['0:Three', '1:One', '2:Two, better']);

      const link = (fromId: string, toId: string): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'POST',
          url: `${url}/driver-links`,
          payload: { fromId, toId },
          headers: who.member,
        });
      expect((await link(p1.id, s1.id)).statusCode).toBe(200);
      expect((await link(p1.id, s1.id)).statusCode).toBe(200); // already there: unchanged
      expect((await link(p2.id, s1.id)).statusCode).toBe(200);
      expect((await link(s1.id, c1.id)).statusCode).toBe(200);
      for (const [from, to] of [
        [p1.id, c1.id],
        [s1.id, p1.id],
        [c1.id, s1.id],
        [p1.id, p2.id],
      ] as const) {
        const refused = await link(from, to);
        expect(refused.statusCode, `${from} → ${to}`).toBe(400);
        expect(body<ErrorJson>(refused).error.message).toContain('a line goes from a primary driver');
      }
      expect((await diagram()).links).toEqual([
        { fromId: p1.id, toId: s1.id },
        { fromId: p2.id, toId: s1.id },
        { fromId: s1.id, toId: c1.id },
      ]);
      const unlinked = await app.inject({
        method: 'DELETE',
        url: `${url}/driver-links/${p2.id}/${s1.id}`,
        headers: who.member,
      });
      expect(body<DriverDiagramView>(unlinked).links).toHaveLength(2);
      expect(
        (
          await app.inject({
            method: 'DELETE',
            url: `${url}/driver-links/${p2.id}/${s1.id}`,
            headers: who.member,
          })
        ).statusCode,
      ).toBe(404);

      const removed = await app.inject({
        method: 'DELETE',
        url: `${url}/driver-nodes/${p3.id}`,
        headers: who.member,
      });
      expect(texts(body<DriverDiagramView>(removed).columns.primary)).toEqual(['0:One', '1:Two, better']);
      const removedSecondary = await app.inject({
        method: 'DELETE',
        url: `${url}/driver-nodes/${s1.id}`,
        headers: who.member,
      });
      expect(body<DriverDiagramView>(removedSecondary).links).toEqual([]);

      const log = await db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, project.id), like(auditEvents.action, 'project.diagram_%')));
      expect(new Set(log.map((e) => e.action))).toEqual(
        new Set([
          'project.diagram_add',
          'project.diagram_edit',
          'project.diagram_reorder',
          'project.diagram_link',
          'project.diagram_unlink',
          'project.diagram_remove',
        ]),
      );
      // Adding a link that was already there recorded nothing more.
      expect(log.filter((e) => e.action === 'project.diagram_link')).toHaveLength(3);
    });
  });

  test('a change idea with PDSA cycles cannot be removed (409); others in the organisation may not change it', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const { add, project, who } = await setUp(app, w);
      const idea = await add('change_idea', 'Idea');
      const cycle = await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${project.id}/change-ideas/${idea.id}/cycles`,
        payload: { title: 'First test' },
        headers: who.member,
      });
      expect(cycle.statusCode, cycle.body).toBe(201);
      const refused = await app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${project.id}/driver-nodes/${idea.id}`,
        headers: who.lead,
      });
      expect(refused.statusCode).toBe(409);
      expect(body<ErrorJson>(refused).error.message).toContain('1 PDSA cycle');
      const notTeam = await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${project.id}/driver-nodes`,
        payload: { kind: 'primary', text: 'x' },
        headers: who.other,
      });
      expect(notTeam.statusCode).toBe(403);
      expect(body<ErrorJson>(notTeam).error.message).toContain("member of the project's team");
      // A box of another project is not found here.
      const second = body<ProjectView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/projects`,
          payload: { title: 'Another' },
          headers: who.lead,
        }),
      );
      const elsewhere = await app.inject({
        method: 'PATCH',
        url: `/api/v1/projects/${second.id}/driver-nodes/${idea.id}`,
        payload: { text: 'x' },
        headers: who.lead,
      });
      expect(elsewhere.statusCode).toBe(404);
      expect(body<ErrorJson>(elsewhere).error.details?.field).toBe('nodeId');
    });
  });

  test('the diagram as an SVG file: accessible, named after the organisation and project', async ({ db }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const { add, project, who } = await setUp(app, w);
      const p = await add('primary', 'Safe <environment>');
      const s = await add('secondary', 'Beds', { linkFrom: p.id });
      await add('change_idea', 'Bed check', { linkFrom: s.id });
      const response = await app.inject({
        url: `/api/v1/projects/${project.id}/driver-diagram.svg`,
        headers: who.member,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${w.a.odsCode}-driver-diagram-fewer-falls.svg"`,
      );
      expect(response.body).toMatch(/^<svg [^>]*role="img"/);
      expect(response.body).toContain('<title id="driver-');
      expect(response.body).toContain('Driver diagram: Fewer falls</title>');
      expect(response.body).toContain('Safe &lt;environment&gt;');
      expect(response.body).toContain(
        'Primary driver “Safe &lt;environment&gt;” leads to the secondary driver “Beds”.',
      );
      expect(response.body.match(/class="driver-line"/g)).toHaveLength(3);
      const again = await app.inject({
        url: `/api/v1/projects/${project.id}/driver-diagram.svg`,
        headers: who.member,
      });
      expect(again.body).toBe(response.body);
    });
  });
});
