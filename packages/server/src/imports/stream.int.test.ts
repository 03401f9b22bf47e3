import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { savepointStore } from '../db/store.js';
import { readSeries } from '../observations/repository.js';
import { listSeries } from '../series/repository.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { streamImport } from './stream.js';

const body = (text: string): Readable => Readable.from([Buffer.from(text)]);

describeEachEngine('imports: one pass as the file is read', ({ test }) => {
  test('a national file of several organisations, by ODS code; a dry run first writes nothing', async (ctx) => {
    const store = savepointStore(ctx);
    const a = await anOrganisation(ctx.db);
    const b = await anOrganisation(ctx.db);
    const measure = await aMeasure(ctx.db, null, {
      code: `ae-${a.odsCode.toLowerCase()}`,
      dataType: 'proportion',
      chartType: 'p',
    });
    const csv = [
      'Org code;Month;Within 4 hours;Attendances',
      `${a.odsCode};2024-01;900;1000`,
      `${b.odsCode.toLowerCase()};2024-01;700;800`,
      `${a.odsCode};2024-02;910;1000`,
    ].join('\n');
    const mapping = {
      measure: { value: measure.code },
      numerator: { column: 'Within 4 hours' },
      denominator: { column: 'Attendances' },
    };
    const progress: number[] = [];
    const dry = await streamImport(store, {
      organisationId: null,
      fileName: 'ae.csv',
      body: body(csv),
      mapping,
      dryRun: true,
      onProgress: (rows) => progress.push(rows),
    });
    expect(dry).toMatchObject({
      status: 'previewed',
      format: 'csv',
      rowCount: 3,
      columns: ['Org code', 'Month', 'Within 4 hours', 'Attendances'],
    });
    expect(dry.mapping).toMatchObject({ organisation: { column: 'Org code' }, period: { column: 'Month' } });
    expect(dry.preview).toMatchObject({ added: 3, series: 2, newSeries: 2, problemCount: 0 });
    expect(progress.at(-1)).toBe(3);
    expect(await listSeries(ctx.db, { measureId: measure.id })).toHaveLength(0);

    const done = await streamImport(store, {
      organisationId: null,
      fileName: 'ae.csv',
      body: body(csv),
      mapping,
    });
    expect(done).toMatchObject({ status: 'succeeded', added: 3, changed: 0, unchanged: 0, rowCount: 3 });
    expect(done.sha256).toBe(dry.sha256);
    const [seriesA] = await listSeries(ctx.db, { measureId: measure.id, organisationId: a.id });
    expect((await readSeries(ctx.db, seriesA!.id)).map((p) => [p.period, p.numerator])).toEqual([
      ['2024-01-01', 900],
      ['2024-02-01', 910],
    ]);

    const again = await streamImport(store, {
      organisationId: null,
      fileName: 'ae-copy.csv',
      body: body(csv),
      mapping,
    });
    expect(again).toMatchObject({ status: 'succeeded', added: 0, unchanged: 3 });
    expect(again.preview!.sameFile.map((s) => s.importId)).toEqual([done.id]);
  });

  test('a problem anywhere means nothing is written, and every problem is kept', async (ctx) => {
    const store = savepointStore(ctx);
    const trust = await anOrganisation(ctx.db);
    const measure = await aMeasure(ctx.db, trust.id, { code: 'beds', dataType: 'value', chartType: 'xmr' });
    const rows = ['Date,Value'];
    for (let day = 1; day <= 28; day++)
      rows.push(`2024-02-${String(day).padStart(2, '0')},${day === 20 ? 'n/a' : day}`);
    rows.push('2024-02-30,1');
    const failed = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'beds.csv',
      body: body(rows.join('\n')),
      mapping: { measure: { value: 'beds' } },
    });
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('2 problems found; nothing was written');
    expect(failed.preview!.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [21, 'Value', 'not_a_number'],
      [30, 'Date', 'invalid_period'],
    ]);
    expect(await listSeries(ctx.db, { measureId: measure.id })).toHaveLength(0);
  });

  test('an NHS number deep in the file stops the import, naming row and column; nothing is written', async (ctx) => {
    const store = savepointStore(ctx);
    const trust = await anOrganisation(ctx.db);
    const measure = await aMeasure(ctx.db, trust.id, { code: 'beds', dataType: 'value', chartType: 'xmr' });
    const rows = ['Date,Value,Note'];
    for (let i = 0; i < 5000; i++)
      rows.push(`${new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)},${i},`);
    rows[4321] = rows[4321]!.replace(/,$/, ',9434765919');
    const refused = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'beds.csv',
      body: body(rows.join('\n')),
      mapping: { measure: { value: 'beds' } },
    });
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/^Row 4322, column "Note" holds a valid NHS number/);
    expect(await listSeries(ctx.db, { measureId: measure.id })).toHaveLength(0);
  });

  test('a file over the size limit is refused, and the import recorded as failed', async (ctx) => {
    const store = savepointStore(ctx);
    const trust = await anOrganisation(ctx.db);
    await aMeasure(ctx.db, trust.id, { code: 'beds', dataType: 'value', chartType: 'xmr' });
    const big = 'Date,Value\n' + '2024-01-01,1\n'.repeat(20_000);
    const error = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'big.csv',
      body: body(big),
      mapping: { measure: { value: 'beds' } },
      maxBytes: 100_000,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', reason: 'file_too_large' });
    const failed = await streamImport(store, {
      organisationId: trust.id,
      fileName: 'no-header.csv',
      body: body(''),
    }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ reason: 'no_header' });
  });
});
