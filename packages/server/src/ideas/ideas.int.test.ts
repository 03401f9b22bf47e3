/**
 * Ideas over HTTP: any member submits one (optionally anonymous), lists them by unit, status and
 * votes, reads one with its comments, votes (once each) and comments; the public, other
 * organisations and commissioners never see them (hidden is 404 exactly as unknown); every change
 * is audited.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createToken } from '../auth/tokens.js';
import { auditEvents } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import type { IdeaDetailView, IdeaView } from './schemas.js';
import { headersOf, ideaWorld } from '../test-support/ideas.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

type Page = { items: IdeaView[]; nextCursor: string | null };

const audits = (
  db: Database,
  action: string,
  entityId: string,
): Promise<(typeof auditEvents.$inferSelect)[]> =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

function sameAsUnknown(hidden: LightMyRequestResponse, unknown: LightMyRequestResponse, id: string): void {
  expect(hidden.statusCode).toBe(404);
  expect(unknown.statusCode).toBe(404);
  expect(hidden.body.replaceAll(id, UNKNOWN)).toBe(unknown.body);
}

describeEachEngine('ideas', ({ test }) => {
  test('any member submits an idea, named or anonymous; bad input is a 400 naming the field', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    await withApp(db, async (app) => {
      const who = headersOf(w.people);
      const url = `/api/v1/organisations/${w.a.odsCode}/ideas`;
      const submit = (headers: Record<string, string>, payload: object): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url, payload, headers });

      const named = await submit(who.nurse, {
        problem: ' Patients wait for a porter at night ',
        proposal: 'A porter rota for nights',
        unitId: w.ward.id,
        anonymous: false,
      });
      expect(named.statusCode, named.body).toBe(201);
      const idea = body<IdeaView>(named);
      expect(idea).toMatchObject({
        organisationId: w.a.id,
        unit: { id: w.ward.id, name: 'Ward 7' },
        problem: 'Patients wait for a porter at night',
        proposal: 'A porter rota for nights',
        anonymous: false,
        mine: true,
        status: 'new',
        statusReason: '',
        projectId: null,
        voteCount: 0,
        votedByMe: false,
        commentCount: 0,
      });
      expect(idea.author).not.toBe('Anonymous');
      expect(JSON.stringify(idea)).not.toContain('@');
      const [created] = await audits(db, 'idea.submit', idea.id);
      expect(created).toMatchObject({ actorId: w.people.nurse.id, organisationId: w.a.id });

      const anonymous = await submit(who.porter, {
        problem: 'Bins overflow',
        proposal: 'Empty them twice',
        anonymous: true,
      });
      expect(anonymous.statusCode, anonymous.body).toBe(201);
      expect(body<IdeaView>(anonymous)).toMatchObject({
        author: 'Anonymous',
        anonymous: true,
        mine: false,
        unit: null,
      });

      const signedOut = await withApp(
        db,
        (pub) =>
          pub.inject({ method: 'POST', url, payload: { problem: 'x', proposal: 'y', anonymous: false } }),
        { as: 'public' },
      );
      expect(signedOut.statusCode).toBe(401);
      expect(
        (await submit(who.otherAdmin, { problem: 'x', proposal: 'y', anonymous: false })).statusCode,
      ).toBe(403);
      expect(
        (await submit(who.commissioner, { problem: 'x', proposal: 'y', anonymous: false })).statusCode,
      ).toBe(403);

      const noProblem = await submit(who.nurse, { problem: '  ', proposal: 'y', anonymous: false });
      expect(noProblem.statusCode).toBe(400);
      expect(body<ErrorJson>(noProblem).error.details?.field).toBe('problem');
      const noChoice = await submit(who.nurse, { problem: 'x', proposal: 'y' });
      expect(noChoice.statusCode).toBe(400);
      expect(body<ErrorJson>(noChoice).error.details?.field).toBe('anonymous');
      const otherUnit = await submit(who.nurse, {
        problem: 'x',
        proposal: 'y',
        unitId: UNKNOWN,
        anonymous: false,
      });
      expect(otherUnit.statusCode).toBe(404);
      expect(body<ErrorJson>(otherUnit).error.details?.field).toBe('unitId');
    });
  });

  test('only the organisation’s people read ideas: others get 404 exactly as for an unknown id', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    await withApp(db, async (app) => {
      const who = headersOf(w.people);
      const created = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${w.a.odsCode}/ideas`,
        payload: { problem: 'Noise at night', proposal: 'Quiet hours', anonymous: false },
        headers: who.nurse,
      });
      const id = body<IdeaView>(created).id;
      const get = (headers: Record<string, string>, ideaId = id): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'GET', url: `/api/v1/ideas/${ideaId}`, headers });
      expect((await get(who.porter)).statusCode).toBe(200);
      expect((await get(who.admin)).statusCode).toBe(200);
      for (const outsider of [who.otherAdmin, who.commissioner]) {
        sameAsUnknown(await get(outsider), await get(outsider, UNKNOWN), id);
        const vote = await app.inject({ method: 'POST', url: `/api/v1/ideas/${id}/vote`, headers: outsider });
        expect(vote.statusCode).toBe(404);
      }
      await withApp(
        db,
        async (pub) => {
          const hidden = await pub.inject({ method: 'GET', url: `/api/v1/ideas/${id}` });
          const unknown = await pub.inject({ method: 'GET', url: `/api/v1/ideas/${UNKNOWN}` });
          sameAsUnknown(hidden, unknown, id);
          const list = await pub.inject({ method: 'GET', url: `/api/v1/organisations/${w.a.odsCode}/ideas` });
          expect(list.statusCode).toBe(401);
        },
        { as: 'public' },
      );
      for (const outsider of [who.otherAdmin, who.commissioner]) {
        const list = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${w.a.odsCode}/ideas`,
          headers: outsider,
        });
        expect(list.statusCode).toBe(403);
        expect(list.body).not.toContain('Noise at night');
      }
    });
  });

  test('votes (one each, withdrawn), comments, and the list by unit, status and votes, a page at a time', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    await withApp(db, async (app) => {
      const who = headersOf(w.people);
      const url = `/api/v1/organisations/${w.a.odsCode}/ideas`;
      const submit = async (proposal: string, unitId: string | null, anonymous = false): Promise<string> => {
        const response = await app.inject({
          method: 'POST',
          url,
          payload: { problem: `Problem of ${proposal}`, proposal, unitId, anonymous },
          headers: who.porter,
        });
        expect(response.statusCode, response.body).toBe(201);
        return body<IdeaView>(response).id;
      };
      const onWard = await submit('On the ward', w.ward.id);
      const inMedicine = await submit('In medicine', w.medicine.id);
      const inSurgery = await submit('In surgery', w.surgery.id, true);
      const trustWide = await submit('Trust-wide', null);
      const vote = (
        headers: Record<string, string>,
        id: string,
        method: 'POST' | 'DELETE' = 'POST',
      ): Promise<LightMyRequestResponse> => app.inject({ method, url: `/api/v1/ideas/${id}/vote`, headers });

      const first = await vote(who.nurse, inSurgery);
      expect(first.statusCode, first.body).toBe(200);
      expect(body<IdeaView>(first)).toMatchObject({ voteCount: 1, votedByMe: true });
      expect(body<IdeaView>(await vote(who.nurse, inSurgery))).toMatchObject({
        voteCount: 1,
        votedByMe: true,
      });
      // The anonymous author votes for their own idea: allowed (no one can know it is theirs).
      expect(body<IdeaView>(await vote(who.porter, inSurgery))).toMatchObject({ voteCount: 2 });
      await vote(who.nurse, onWard);
      await vote(who.improver, onWard);
      await vote(who.improver, onWard, 'DELETE');
      expect(body<IdeaView>(await vote(who.improver, onWard, 'DELETE'))).toMatchObject({
        voteCount: 1,
        votedByMe: false,
      });
      expect(await audits(db, 'idea.vote', inSurgery)).toHaveLength(2);
      expect(await audits(db, 'idea.unvote', onWard)).toHaveLength(1);

      const comment = await app.inject({
        method: 'POST',
        url: `/api/v1/ideas/${onWard}/comments`,
        payload: { text: ' Yes please ' },
        headers: who.nurse,
      });
      expect(comment.statusCode, comment.body).toBe(201);
      expect(body<{ text: string; author: string }>(comment)).toMatchObject({ text: 'Yes please' });
      const empty = await app.inject({
        method: 'POST',
        url: `/api/v1/ideas/${onWard}/comments`,
        payload: { text: '' },
        headers: who.nurse,
      });
      expect(body<ErrorJson>(empty).error.details?.field).toBe('text');
      expect(await audits(db, 'idea.comment', onWard)).toHaveLength(1);
      const detail = body<IdeaDetailView>(
        await app.inject({ method: 'GET', url: `/api/v1/ideas/${onWard}`, headers: who.improver }),
      );
      expect(detail).toMatchObject({ voteCount: 1, votedByMe: false, commentCount: 1 });
      expect(detail.comments).toEqual([
        expect.objectContaining({ text: 'Yes please', author: body<{ author: string }>(comment).author }),
      ]);

      const list = async (query: string, headers = who.nurse): Promise<Page> => {
        const response = await app.inject({ method: 'GET', url: `${url}?${query}`, headers });
        expect(response.statusCode, response.body).toBe(200);
        return body<Page>(response);
      };
      const ids = (page: Page): string[] => page.items.map((item) => item.id);
      expect(ids(await list(''))).toEqual([trustWide, inSurgery, inMedicine, onWard]);
      expect(ids(await list('sort=votes'))).toEqual([inSurgery, onWard, trustWide, inMedicine]);
      expect(ids(await list(`unit=${w.medicine.id}`))).toEqual([inMedicine, onWard]);
      expect(ids(await list(`unit=${w.ward.id}`))).toEqual([onWard]);
      expect(ids(await list('status=under_review'))).toEqual([]);
      const byVotes = await list('sort=votes');
      expect(byVotes.items[0]).toMatchObject({ author: 'Anonymous', voteCount: 2, votedByMe: true });
      expect(byVotes.items[1]).toMatchObject({ voteCount: 1, commentCount: 1 });

      for (const sort of ['newest', 'votes']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Page = await list(`sort=${sort}&limit=3${cursor === null ? '' : `&cursor=${cursor}`}`);
          seen.push(...ids(page));
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(seen).toEqual(ids(await list(`sort=${sort}`)));
      }
      const bad = await app.inject({ method: 'GET', url: `${url}?cursor=nonsense`, headers: who.nurse });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('cursor');

      // A read-only token reads ideas but may not vote.
      const { token } = await createToken(
        db,
        w.people.nurse.id,
        { name: 'read', scopes: ['read'], expiresAt: null },
        new Date(),
      );
      const readOnly = { authorization: `Bearer ${token}` };
      expect((await app.inject({ method: 'GET', url, headers: readOnly })).statusCode).toBe(200);
      expect((await vote(readOnly, onWard)).statusCode).toBe(403);
    });
  });
});
