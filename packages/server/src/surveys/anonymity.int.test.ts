/**
 * A survey response cannot be traced to whoever gave it: a signed-in nurse answers through the
 * link with her own token, and afterwards no row of any table (sessions and API tokens aside,
 * which say when a person was last active, not what they did) holds her with the response, the
 * response row holds no person, address or time of day, and nothing was audited as hers.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';
import { withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { movableClock, startSurvey, surveyWorld } from '../test-support/surveys.js';

const ASIDE = new Set(['sessions', 'api_tokens']);

/** Every row of every table (but ASIDE) whose text holds `needle`, as `table: row`. */
async function rowsHolding(db: Database, needle: string): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const found: string[] = [];
  for (const { table_name: name } of tables) {
    if (ASIDE.has(name)) continue;
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select t::text as row from ${sql.identifier(name)} t where strpos(lower(t::text), lower(${needle})) > 0`,
    );
    found.push(...rows.map((r) => `${name}: ${r.row}`));
  }
  return found.sort();
}

describeEachEngine('anonymous survey responses', ({ test }) => {
  test('no row links a response to the person who gave it', async ({ db }) => {
    const w = await surveyWorld(db);
    const nurse = w.people.nurse;
    const clock = movableClock('2026-09-14T13:47:21Z');
    await withApp(
      db,
      async (app) => {
        const s = await startSurvey(app, w, { ward: w.ward.id });
        const traces = [nurse.id, nurse.displayName, nurse.email];
        // One query at a time: the test's transaction is one connection.
        const holdingEach = async (): Promise<string[][]> => {
          const found: string[][] = [];
          for (const trace of traces) found.push(await rowsHolding(db, trace));
          return found;
        };
        const before = await holdingEach();
        const lastEvent = await db
          .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)` })
          .from(auditEvents);

        const comment = 'A very distinctive comment 7f3c';
        const answered = await app.inject({
          method: 'POST',
          url: `/api/v1/survey-links/${s.tokens.ward}/responses`,
          payload: { answer: 'no', comment },
          headers: nurse.headers,
        });
        expect(answered.statusCode, answered.body).toBe(201);
        expect(answered.body).toBe('{"recorded":true}');

        // Nothing new holds her id, name or email.
        expect(await holdingEach()).toEqual(before);
        // The comment is in one row only: the response, which holds no person, address or time of day.
        const holding = await rowsHolding(db, comment);
        expect(holding).toHaveLength(1);
        expect(holding[0]).toMatch(/^survey_responses: /);
        const columns = await queryRows<{ column_name: string }>(
          db,
          sql`select column_name from information_schema.columns where table_name = 'survey_responses' order by column_name`,
        );
        expect(columns.map((c) => c.column_name)).toEqual([
          'answered_on',
          'comment',
          'id',
          'period',
          'recommend',
          'survey_id',
          'unit_id',
        ]);
        const [row] = await queryRows<Record<string, unknown>>(db, sql`select * from survey_responses`);
        expect(String(row!.answered_on)).toMatch(/2026-09-14/);
        expect(JSON.stringify(row)).not.toMatch(/13:47|127\.0\.0\.1/);
        expect(row!.period).toBe('2026-09-01');
        // Nothing was audited: an event would record her, or at least when the answer came.
        const events = await db
          .select()
          .from(auditEvents)
          .where(sql`${auditEvents.id} > ${lastEvent[0]!.id}`);
        expect(events).toEqual([]);
      },
      { as: 'public', now: clock.now },
    );
  }, 120_000);
});
