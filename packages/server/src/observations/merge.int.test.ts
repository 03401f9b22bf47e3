import { expect } from 'vitest';
import { addAnnotation } from '../annotations/repository.js';
import type { Database } from '../db/types.js';
import { getSeries } from '../series/repository.js';
import { describeEachEngine } from '../test-support/database.js';
import { aSeries, months, USER } from '../test-support/fixtures.js';
import { copyObservations } from './copy.js';
import { upsertObservations } from './repository.js';

async function versionOf(db: Database, seriesId: string): Promise<number> {
  return (await getSeries(db, seriesId))!.dataVersion;
}

describeEachEngine('data_version', ({ test }) => {
  test('a batch moves data_version on once for each series it adds or changes points of, and only those', async ({
    db,
  }) => {
    const a = (await aSeries(db)).series;
    const b = (await aSeries(db)).series;
    const c = (await aSeries(db)).series;
    expect(await versionOf(db, a.id)).toBe(0);
    const periods = months(3);
    const rows = periods.flatMap((period, i) => [
      { seriesId: a.id, period, value: i },
      { seriesId: b.id, period, value: i },
    ]);
    await upsertObservations(db, rows, { userId: USER });
    expect([await versionOf(db, a.id), await versionOf(db, b.id), await versionOf(db, c.id)]).toEqual([
      1, 1, 0,
    ]);

    // The same rows again: nothing changes, no version moves.
    expect(await upsertObservations(db, rows, { userId: USER })).toMatchObject({ added: 0, changed: 0 });
    expect([await versionOf(db, a.id), await versionOf(db, b.id)]).toEqual([1, 1]);

    // One point of a changed and one added, in one batch: a moves once; b, sent unchanged, stays.
    await upsertObservations(
      db,
      [
        { seriesId: a.id, period: periods[0]!, value: 10 },
        { seriesId: a.id, period: '2021-01-01', value: 11 },
        { seriesId: b.id, period: periods[0]!, value: 0 },
      ],
      { userId: USER },
    );
    expect([await versionOf(db, a.id), await versionOf(db, b.id)]).toEqual([2, 1]);

    // A ghost flag is a change too.
    await upsertObservations(db, [{ seriesId: b.id, period: periods[1]!, value: 1, ghost: true }], {
      userId: USER,
    });
    expect(await versionOf(db, b.id)).toBe(2);
  });

  test('a batch that fails moves no version', async ({ db }) => {
    const { series } = await aSeries(db);
    await expect(
      upsertObservations(
        db,
        [
          { seriesId: series.id, period: '2020-01-01', value: 1 },
          { seriesId: series.id, period: '2020-01-01', value: 2 },
        ],
        { userId: USER },
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await versionOf(db, series.id)).toBe(0);
  });

  test('COPY loads move the versions of the series they change, in the same way', async (ctx) => {
    const a = (await aSeries(ctx.db)).series;
    const b = (await aSeries(ctx.db)).series;
    const rows = months(24).flatMap((period, i) => [
      { seriesId: a.id, period, value: i },
      { seriesId: b.id, period, value: i },
    ]);
    await copyObservations(ctx, rows, { userId: USER });
    expect([await versionOf(ctx.db, a.id), await versionOf(ctx.db, b.id)]).toEqual([1, 1]);
    await copyObservations(ctx, rows, { userId: USER });
    expect([await versionOf(ctx.db, a.id), await versionOf(ctx.db, b.id)]).toEqual([1, 1]);
    await copyObservations(ctx, [...rows.slice(0, -1), { seriesId: b.id, period: '2021-12-01', value: -1 }], {
      userId: USER,
    });
    expect([await versionOf(ctx.db, a.id), await versionOf(ctx.db, b.id)]).toEqual([1, 2]);
  });

  test('an annotation moves its series’ version on', async ({ db }) => {
    const { series } = await aSeries(db);
    const other = (await aSeries(db)).series;
    await addAnnotation(db, { seriesId: series.id, period: '2020-01-01', text: 'Change made', author: 'A' });
    await addAnnotation(db, { seriesId: series.id, period: '2020-02-01', text: 'Another', author: 'A' });
    expect([await versionOf(db, series.id), await versionOf(db, other.id)]).toEqual([2, 0]);
  });
});
