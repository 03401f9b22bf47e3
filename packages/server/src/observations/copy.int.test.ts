import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';
import { randomBytes } from 'node:crypto';
import { DataError } from '../errors.js';
import { aSeries, months, USER } from '../test-support/fixtures.js';
import { describeEachEngine } from '../test-support/database.js';
import { copyObservations } from './copy.js';
import type { ObservationInput } from './input.js';
import { listRevisions, readSeries, upsertObservations } from './repository.js';

type Kind = 'value' | 'proportion' | 'rate';

/** A deterministic mix of rows for a series of each kind: fractions, negatives, ghosts, tiny and huge numbers. */
function rowsFor(seriesIds: Record<Kind, string>, n: number, shift = 0): ObservationInput[] {
  const rows: ObservationInput[] = [];
  months(n).forEach((period, i) => {
    const x = i + shift;
    rows.push({
      seriesId: seriesIds.value,
      period,
      value: (x % 7) * 1.1 - 3 + 1e-12 * x,
      ghost: x % 11 === 0 ? true : null,
    });
    rows.push({ seriesId: seriesIds.proportion, period, numerator: x % 5, denominator: 10 + (x % 3) });
    rows.push({ seriesId: seriesIds.rate, period, numerator: x % 4, denominator: 1234.5678 * (x + 1) });
  });
  return rows;
}

async function threeSeries(db: Database): Promise<Record<Kind, string>> {
  return {
    value: (await aSeries(db, 'value')).series.id,
    proportion: (await aSeries(db, 'proportion')).series.id,
    rate: (await aSeries(db, 'rate')).series.id,
  };
}

async function snapshot(db: Database, ids: Record<Kind, string>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const kind of ['value', 'proportion', 'rate'] as const) {
    const points = await readSeries(db, ids[kind]);
    const revisions = await listRevisions(db, ids[kind]);
    out.push(
      points.map((p) => [p.period, p.value, p.numerator, p.denominator, p.ghost, p.importId, p.recordedBy]),
      revisions.map((r) => [
        r.period,
        [r.oldValue, r.oldNumerator, r.oldDenominator, r.oldGhost],
        [r.newValue, r.newNumerator, r.newDenominator, r.newGhost],
        r.importId,
        r.changedBy,
      ]),
    );
  }
  return out;
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describeEachEngine('copyObservations', ({ test }) => {
  test('COPY gives the same points, counts and revisions as the row path', async (ctx) => {
    const { db } = ctx;
    const byRows = await threeSeries(db);
    const byCopy = await threeSeries(db);
    const first = (ids: Record<Kind, string>): ObservationInput[] => rowsFor(ids, 30);
    const second = (ids: Record<Kind, string>): ObservationInput[] => rowsFor(ids, 36, 1).slice(30);

    const rowCounts = [
      await upsertObservations(db, first(byRows), { userId: USER }),
      await upsertObservations(db, second(byRows), { userId: USER }),
      await upsertObservations(db, first(byRows), { userId: USER }),
    ];
    const copyCounts = [
      await copyObservations(ctx, first(byCopy), { userId: USER }),
      await copyObservations(ctx, slowly(second(byCopy)), { userId: USER }),
      await copyObservations(ctx, first(byCopy), { userId: USER }),
    ];
    expect(copyCounts).toEqual(rowCounts);
    expect(rowCounts[0]).toEqual({ added: 90, changed: 0, unchanged: 0 });
    expect(rowCounts[1]!.added).toBeGreaterThan(0);
    expect(rowCounts[1]!.changed).toBeGreaterThan(0);
    expect(rowCounts[2]!.changed).toBe(rowCounts[1]!.changed);
    expect(await snapshot(db, byCopy)).toEqual(await snapshot(db, byRows));
  });

  test('re-loading the same rows with COPY changes nothing', async (ctx) => {
    const ids = await threeSeries(ctx.db);
    const rows = rowsFor(ids, 48);
    expect(await copyObservations(ctx, rows, { userId: USER })).toEqual({
      added: 144,
      changed: 0,
      unchanged: 0,
    });
    const before = await snapshot(ctx.db, ids);
    expect(await copyObservations(ctx, rows, { userId: USER })).toEqual({
      added: 0,
      changed: 0,
      unchanged: 144,
    });
    expect(await snapshot(ctx.db, ids)).toEqual(before);
  });

  test('a batch with a bad row in the middle writes nothing, and the transaction goes on', async (ctx) => {
    const ids = await threeSeries(ctx.db);
    await copyObservations(ctx, rowsFor(ids, 2), { userId: USER });
    const before = await snapshot(ctx.db, ids);

    const unknownSeries = rowsFor(ids, 24);
    unknownSeries[40] = { seriesId: '00000000-0000-4000-8000-00000000beef', period: '2020-01-01', value: 1 };
    await expect(copyObservations(ctx, unknownSeries, { userId: USER })).rejects.toMatchObject({
      index: 40,
      reason: 'unknown_series',
    });

    const notANumber = rowsFor(ids, 2000);
    notANumber[5000] = { seriesId: ids.value, period: '2021-01-01', value: Number.NaN };
    const error: unknown = await copyObservations(ctx, slowly(notANumber), { userId: USER }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ index: 5000, reason: 'not_a_number' });

    // Rows a caller has checked skip the batch check, but not the check that their series exist.
    await expect(
      copyObservations(
        ctx,
        [{ ...unknownSeries[40], numerator: null, denominator: null, ghost: null }],
        { userId: USER },
        { checkedBy: 'a test' },
      ),
    ).rejects.toMatchObject({ reason: 'unknown_series', field: 'seriesId' });

    expect(await snapshot(ctx.db, ids)).toEqual(before);
    expect(await copyObservations(ctx, rowsFor(ids, 3), { userId: USER })).toEqual({
      added: 3,
      changed: 0,
      unchanged: 6,
    });
  });

  test('rows in arrays load as rows one by one do', async (ctx) => {
    const ids = await threeSeries(ctx.db);
    const rows = rowsFor(ids, 30);
    const counts = await copyObservations(ctx, [rows.slice(0, 10), rows[10]!, rows.slice(11)], {
      userId: USER,
    });
    expect(counts).toEqual({ added: 90, changed: 0, unchanged: 0 });
    expect(await copyObservations(ctx, rows, { userId: USER })).toEqual({
      added: 0,
      changed: 0,
      unchanged: 90,
    });
  });

  test('loads tens of thousands of rows and leaves no staging table behind', async (ctx) => {
    const ids = await threeSeries(ctx.db);
    const rows = rowsFor(ids, 20_000);
    expect(await copyObservations(ctx, rows, { userId: USER })).toEqual({
      added: 60_000,
      changed: 0,
      unchanged: 0,
    });
    const [row] = await queryRows<{ n: number; staging: number }>(
      ctx.db,
      sql`select (select count(*)::int from observations) as n,
        (select count(*)::int from pg_class where relname like 'gs_observation_staging%') as staging`,
    );
    expect(row).toEqual({ n: 60_000, staging: 0 });
  });

  test('foreign keys are checked again after a bulk load in the same transaction', async (ctx) => {
    const ids = await threeSeries(ctx.db);
    await copyObservations(ctx, rowsFor(ids, 3), { userId: USER });
    const orphan = sql`insert into observations (series_id, period, value, recorded_by)
      values ('00000000-0000-4000-8000-00000000beef', '2024-01-01', 1, ${USER})`;
    await expect(ctx.db.transaction((tx) => tx.execute(orphan))).rejects.toThrow();
    const [setting] = await queryRows<{ role: string }>(
      ctx.db,
      sql`select current_setting('session_replication_role') as role`,
    );
    expect(setting?.role).toBe('origin');
  });

  test('a role that may not turn the key triggers off loads the same, with them on', async (ctx) => {
    const ids = await threeSeries(ctx.db);
    const role = `gs_test_plain_${randomBytes(4).toString('hex')}`;
    for (const statement of [
      `create role ${role}`,
      `grant select, insert, update on all tables in schema public to ${role}`,
      `grant usage on all sequences in schema public to ${role}`,
      // PGlite's COPY reads the "file" /dev/blob.
      `grant pg_read_server_files to ${role}`,
      `set local role ${role}`,
    ]) {
      await ctx.db.execute(sql.raw(statement));
    }
    const [permission] = await queryRows<{ allowed: boolean }>(
      ctx.db,
      sql`select current_setting('is_superuser') = 'on'
        or has_parameter_privilege('session_replication_role', 'SET') as allowed`,
    );
    expect(permission?.allowed).toBe(false);
    expect(await copyObservations(ctx, rowsFor(ids, 12), { userId: USER })).toEqual({
      added: 36,
      changed: 0,
      unchanged: 0,
    });
    expect(await copyObservations(ctx, rowsFor(ids, 12, 1), { userId: USER })).toMatchObject({ added: 0 });
    expect((await listRevisions(ctx.db, ids.value)).length).toBeGreaterThan(0);
    const bad = rowsFor(ids, 2);
    bad[4] = { seriesId: '00000000-0000-4000-8000-00000000beef', period: '2020-01-01', value: 1 };
    await expect(copyObservations(ctx, bad, { userId: USER })).rejects.toMatchObject({
      reason: 'unknown_series',
    });
  });
});
