/**
 * Notifications over HTTP: a person's own, newest first with the unread count; marked read one by
 * one (someone else's id is 404 exactly as an unknown one) or all at once; the public gets 401.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { headersOf, ideaWorld } from '../test-support/ideas.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import type { NotificationView } from './schemas.js';
import { notify } from './service.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

type List = { items: NotificationView[]; nextCursor: string | null; unread: number };

describeEachEngine('notifications', ({ test }) => {
  test('each person reads and marks only their own, newest first, with the unread count', async ({ db }) => {
    const w = await ideaWorld(db);
    const { nurse, porter } = w.people;
    const told = async (userId: string, text: string): Promise<string> =>
      (await notify(db, { userId, organisationId: w.a.id, kind: 'idea.status', text, link: '/ideas/x' })).id;
    const first = await told(nurse.id, 'First');
    const second = await told(nurse.id, 'Second');
    const third = await told(nurse.id, 'Third');
    const porters = await told(porter.id, 'For the porter');
    await withApp(db, async (app) => {
      const who = headersOf(w.people);
      const list = async (headers: Record<string, string>, query = ''): Promise<List> => {
        const response = await app.inject({ method: 'GET', url: `/api/v1/notifications${query}`, headers });
        expect(response.statusCode, response.body).toBe(200);
        return body<List>(response);
      };
      const mine = await list(who.nurse);
      expect(mine.items.map((n) => n.text)).toEqual(['Third', 'Second', 'First']);
      expect(mine.unread).toBe(3);
      expect(mine.items[0]).toMatchObject({
        kind: 'idea.status',
        link: '/ideas/x',
        readAt: null,
        organisationId: w.a.id,
      });
      expect(JSON.stringify(mine)).not.toContain('emailed');
      expect((await list(who.porter)).items.map((n) => n.id)).toEqual([porters]);

      const page1 = await list(who.nurse, '?limit=2');
      const page2 = await list(who.nurse, `?limit=2&cursor=${page1.nextCursor}`);
      expect([...page1.items, ...page2.items].map((n) => n.id)).toEqual([third, second, first]);
      expect(page2.nextCursor).toBeNull();

      const read = (headers: Record<string, string>, id: string): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/read`, headers });
      const marked = await read(who.nurse, second);
      expect(marked.statusCode, marked.body).toBe(200);
      expect(body<NotificationView>(marked).readAt).not.toBeNull();
      expect((await list(who.nurse)).unread).toBe(2);
      expect((await list(who.nurse, '?unread=true')).items.map((n) => n.id)).toEqual([third, first]);

      // Someone else's notification is answered as an unknown one, and stays unread.
      const theirs = await read(who.nurse, porters);
      const unknown = await read(who.nurse, UNKNOWN);
      expect(theirs.statusCode).toBe(404);
      expect(theirs.body.replaceAll(porters, UNKNOWN)).toBe(unknown.body);
      expect(body<ErrorJson>(theirs).error.code).toBe('not_found');
      expect((await list(who.porter)).unread).toBe(1);

      const all = await app.inject({
        method: 'POST',
        url: '/api/v1/notifications/read-all',
        headers: who.nurse,
      });
      expect(body<{ marked: number }>(all).marked).toBe(2);
      expect((await list(who.nurse)).unread).toBe(0);
      expect((await list(who.porter)).unread).toBe(1);
      // Read once, a notification keeps the time it was first read.
      const again = await read(who.nurse, second);
      expect(body<NotificationView>(again).readAt).toBe(body<NotificationView>(marked).readAt);
    });
    await withApp(
      db,
      async (pub) => {
        expect((await pub.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
        expect(
          (await pub.inject({ method: 'POST', url: `/api/v1/notifications/${first}/read` })).statusCode,
        ).toBe(401);
        expect((await pub.inject({ method: 'POST', url: '/api/v1/notifications/read-all' })).statusCode).toBe(
          401,
        );
      },
      { as: 'public' },
    );
  });
});
