import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { savepointStore } from '../db/store.js';
import { listRevisions, readSeries } from '../observations/repository.js';
import { getSeries, listSeries } from '../series/repository.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { streamImport } from './stream.js';

const body = (text: string): Readable => Readable.from([Buffer.from(text)]);

describeEachEngine('imports: loading through the staging table', ({ test }) => {
  test('a changed file updates only what changed, keeps a revision of each change, and sets ghost flags', async (ctx) => {
    const store = savepointStore(ctx);
    const trust = await anOrganisation(ctx.db);
    const measure = await aMeasure(ctx.db, trust.id, { code: 'beds', dataType: 'value', chartType: 'xmr' });
    const file = (values: readonly (number | string)[], ghosts: readonly string[]): string =>
      ['Date,Value,Ghost', ...values.map((v, i) => `2024-01-0${i + 1},${v},${ghosts[i] ?? ''}`)].join('\n');
    const mapping = { measure: { value: 'beds' }, ghost: { column: 'Ghost' } };
    const first = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'beds.csv',
      body: body(file([10, 2.5, -3, 1e21], ['', 'yes'])),
      mapping,
    });
    expect(first).toMatchObject({ status: 'succeeded', added: 4, changed: 0, unchanged: 0 });
    const [series] = await listSeries(ctx.db, { measureId: measure.id });
    const version = (await getSeries(ctx.db, series!.id))!.dataVersion;
    expect((await readSeries(ctx.db, series!.id)).map((p) => [p.period, p.value, p.ghost])).toEqual([
      ['2024-01-01', 10, false],
      ['2024-01-02', 2.5, true],
      ['2024-01-03', -3, false],
      ['2024-01-04', 1e21, false],
    ]);

    // One value changed, one flag cleared, one flag set; an empty flag keeps the stored one.
    const second = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'beds-corrected.csv',
      body: body(file([10, 2.5, -3.25, 1e21], ['', 'no', '', 'yes'])),
      mapping,
    });
    expect(second).toMatchObject({ status: 'succeeded', added: 0, changed: 3, unchanged: 1 });
    expect((await readSeries(ctx.db, series!.id)).map((p) => [p.value, p.ghost, p.importId])).toEqual([
      [10, false, first.id],
      [2.5, false, second.id],
      [-3.25, false, second.id],
      [1e21, true, second.id],
    ]);
    const revisions = await listRevisions(ctx.db, series!.id);
    expect(
      revisions.map((r) => [r.period, r.oldValue, r.newValue, r.oldGhost, r.newGhost, r.importId]),
    ).toEqual([
      ['2024-01-02', 2.5, 2.5, true, false, second.id],
      ['2024-01-03', -3, -3.25, false, false, second.id],
      ['2024-01-04', 1e21, 1e21, false, true, second.id],
    ]);
    expect((await getSeries(ctx.db, series!.id))!.dataVersion).toBeGreaterThan(version);
  });

  test('a file of many COPYs loads every row once, and loading it again changes nothing', async (ctx) => {
    const store = savepointStore(ctx);
    const trust = await anOrganisation(ctx.db);
    const measure = await aMeasure(ctx.db, trust.id, {
      code: 'seen',
      dataType: 'proportion',
      chartType: 'p',
    });
    // More rows than one COPY takes (50,000).
    const days = 60_000;
    const rows = ['Date,Numerator,Denominator'];
    for (let i = 0; i < days; i++) {
      rows.push(`${new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10)},${i % 7},${7 + (i % 3)}`);
    }
    const csv = rows.join('\n');
    const mapping = { measure: { value: 'seen' } };
    const done = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'seen.csv',
      body: body(csv),
      mapping,
    });
    expect(done).toMatchObject({
      status: 'succeeded',
      added: days,
      changed: 0,
      unchanged: 0,
      rowCount: days,
    });
    const [series] = await listSeries(ctx.db, { measureId: measure.id });
    const points = await readSeries(ctx.db, series!.id);
    expect(points).toHaveLength(days);
    expect(points[days - 1]).toMatchObject({ numerator: (days - 1) % 7, denominator: 7 + ((days - 1) % 3) });
    const again = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'seen.csv',
      body: body(csv),
      mapping,
    });
    expect(again).toMatchObject({ status: 'succeeded', added: 0, changed: 0, unchanged: days });
  });
});
