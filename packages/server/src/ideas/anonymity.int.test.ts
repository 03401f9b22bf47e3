/**
 * An anonymous idea cannot be traced to its author: no row of any table (sessions and API tokens
 * aside, which hold when a person was last active, not what they did) holds both the idea and the
 * author; the audit log records the submission as the system's; no one, administrators and the
 * author included, sees an author; triage notifies no one; the request is not logged.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, notifications } from '../db/schema.js';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import type { IdeaDetailView, IdeaView } from './schemas.js';
import { headersOf, ideaWorld } from '../test-support/ideas.js';

/** The tables whose rows say when someone was active (not what they did). */
const ASIDE = new Set(['sessions', 'api_tokens']);

/** Every row of every table (but ASIDE) whose text holds all of `needles`, as `table: row`. */
async function rowsHolding(db: Database, needles: readonly string[]): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = tables.map((row) => row.table_name);
  expect(names).toContain('ideas');
  expect(names).toContain('audit_events');
  const found: string[] = [];
  for (const name of names) {
    if (ASIDE.has(name)) continue;
    const table = sql.identifier(name);
    const conditions = sql.join(
      needles.map((needle) => sql`strpos(lower(t::text), lower(${needle})) > 0`),
      sql` and `,
    );
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select t::text as row from ${table} t where ${conditions}`,
    );
    found.push(...rows.map((r) => `${name}: ${r.row}`));
  }
  return found;
}

describeEachEngine('anonymous ideas', ({ test }) => {
  test('no row links an anonymous idea to its author, and no one sees who it was', async ({ db }) => {
    const w = await ideaWorld(db);
    const author = w.people.nurse;
    await withApp(db, async (app) => {
      const who = headersOf(w.people);
      const before = await db.select({ id: auditEvents.id }).from(auditEvents);
      const submitted = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${w.a.odsCode}/ideas`,
        payload: {
          problem: 'Staff are afraid to report incidents',
          proposal: 'A no-blame huddle',
          anonymous: true,
        },
        headers: who.nurse,
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      const id = body<IdeaView>(submitted).id;
      expect(submitted.body).not.toContain(author.displayName);
      expect(submitted.body).not.toContain(author.id);

      // The audit log: the submission is the system's, and nothing the author did since is recorded.
      const events = await db
        .select()
        .from(auditEvents)
        .where(sql`${auditEvents.id} > ${Math.max(0, ...before.map((e) => e.id))}`);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'idea.submit',
        entityId: id,
        actorId: null,
        actor: 'anonymous idea',
        via: 'system',
      });

      // Every table: nothing holds the idea with the author's id, name or email.
      for (const trace of [author.id, author.displayName, author.email]) {
        expect(await rowsHolding(db, [id, trace]), trace).toEqual([]);
      }
      // The idea's own row and its audit record exist (the scan sees them).
      expect((await rowsHolding(db, [id])).map((row) => row.split(':')[0])).toEqual([
        'audit_events',
        'ideas',
      ]);

      // No one sees an author: not an administrator, not the author.
      for (const headers of [who.admin, who.nurse, who.qiLead]) {
        const read = await app.inject({ method: 'GET', url: `/api/v1/ideas/${id}`, headers });
        expect(body<IdeaDetailView>(read)).toMatchObject({
          author: 'Anonymous',
          anonymous: true,
          mine: false,
        });
        expect(read.body).not.toContain(author.displayName);
        const audit = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${w.a.odsCode}/audit?entityId=${id}`,
          headers,
        });
        expect(audit.body).not.toContain(author.displayName);
        expect(audit.body).not.toContain(author.id);
      }

      // Triage notifies no one; the author's vote and comment are theirs, as anyone's.
      const triaged = await app.inject({
        method: 'POST',
        url: `/api/v1/ideas/${id}/triage`,
        payload: { status: 'taken_forward', reason: 'Starting next month', takeForwardAsProject: true },
        headers: who.qiLead,
      });
      expect(triaged.statusCode, triaged.body).toBe(200);
      expect(await db.select().from(notifications)).toEqual([]);
      expect(
        (await app.inject({ method: 'POST', url: `/api/v1/ideas/${id}/vote`, headers: who.nurse }))
          .statusCode,
      ).toBe(200);
      // The project it became names its problem, not its author.
      const projectId = body<IdeaView>(triaged).projectId!;
      expect(await rowsHolding(db, [projectId, author.id])).toEqual([]);
    });
  });

  test('the request that submits an idea is not logged (its time and address would point to its author)', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    const lines: string[] = [];
    const stream = { write: (line: string): void => void lines.push(line) };
    await withApp(
      db,
      async (app) => {
        const headers = w.people.nurse.headers;
        const url = `/api/v1/organisations/${w.a.odsCode}/ideas`;
        // Other requests are logged as usual (the server logs at info).
        expect((await app.inject({ method: 'GET', url, headers })).statusCode).toBe(200);
        expect(lines.filter((line) => line.includes('"GET"') && line.includes(url))).not.toEqual([]);
        const logged = lines.length;
        const submitted = await app.inject({
          method: 'POST',
          url,
          payload: {
            problem: 'Rotas come out late',
            proposal: 'Publish them six weeks ahead',
            anonymous: true,
          },
          headers,
        });
        expect(submitted.statusCode, submitted.body).toBe(201);
        expect(lines.slice(logged)).toEqual([]);
      },
      { logger: { level: 'info', stream } },
    );
  });
});
