import { expect } from 'vitest';
import ExcelJS from 'exceljs';
import type { TransactionContext } from '../db/types.js';
import { readSeries } from '../observations/repository.js';
import { listSeries } from '../series/repository.js';
import { createUnit } from '../units/repository.js';
import type { Unit } from '../units/repository.js';
import type { Measure } from '../measures/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import type { ImportView } from './schemas.js';

interface UploadJson {
  import: ImportView;
  sample: string[][];
  suggestedMapping: Record<string, { column: string }>;
}

/** An organisation with a ward, a falls measure (count) and a 4-hour measure (proportion). */
async function setting({ db }: TransactionContext): Promise<{
  trust: Organisation;
  ward: Unit;
  falls: Measure;
  fourHour: Measure;
}> {
  const trust = await anOrganisation(db);
  const medicine = await createUnit(db, { organisationId: trust.id, kind: 'division', name: 'Medicine' });
  const ward = await createUnit(db, {
    organisationId: trust.id,
    parentId: medicine.id,
    kind: 'ward',
    name: 'Ward 10',
  });
  const falls = await aMeasure(db, trust.id, {
    code: 'falls',
    name: 'Inpatient falls',
    dataType: 'count',
    chartType: 'c',
  });
  const fourHour = await aMeasure(db, null, {
    code: `four-hour-${trust.odsCode.toLowerCase()}`,
    name: 'Seen within 4 hours',
    dataType: 'proportion',
    chartType: 'pp',
  });
  return { trust, ward, falls, fourHour };
}

const CSV = (fourHour: string): string =>
  [
    'Month,Measure,Ward,Count,Within,Attendances',
    '2024-01,falls,Ward 10,4,,',
    '2024-02,falls,Ward 10,2,,',
    '01/03/2024,falls,Medicine / Ward 10,5,,',
    `2024-01-01,${fourHour},,,900,1000`,
    `2024-02-01,${fourHour},,,850,1000`,
  ].join('\n') + '\n';

const MAPPING = {
  period: { column: 'Month' },
  measure: { column: 'Measure' },
  unit: { column: 'Ward' },
  value: { column: 'Count' },
  numerator: { column: 'Within' },
  denominator: { column: 'Attendances' },
};

describeEachEngine('imports: upload, preview, commit', ({ test }) => {
  test('a CSV goes from upload to commit; the preview says exactly what the commit does; importing it again changes nothing', async (ctx) => {
    const { trust, ward, falls, fourHour } = await setting(ctx);
    await withApp(ctx, async (app) => {
      const uploaded = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=falls.csv`,
        headers: { 'content-type': 'text/csv' },
        payload: CSV(fourHour.code),
      });
      expect(uploaded.statusCode).toBe(201);
      const up = body<UploadJson>(uploaded);
      expect(up.import).toMatchObject({
        status: 'uploaded',
        format: 'csv',
        rowCount: 5,
        fileName: 'falls.csv',
      });
      expect(up.import.columns).toEqual(['Month', 'Measure', 'Ward', 'Count', 'Within', 'Attendances']);
      expect(up.sample[0]).toEqual(['2024-01', 'falls', 'Ward 10', '4', '', '']);
      expect(up.suggestedMapping).toMatchObject({
        period: { column: 'Month' },
        measure: { column: 'Measure' },
        unit: { column: 'Ward' },
        value: { column: 'Count' },
      });
      const id = up.import.id;

      const preview = await app.inject({
        method: 'POST',
        url: `/api/v1/imports/${id}/preview?wait=true`,
        payload: { mapping: MAPPING },
      });
      expect(preview.statusCode).toBe(200);
      const previewed = body<ImportView>(preview);
      expect(previewed.status).toBe('previewed');
      expect(previewed.preview).toMatchObject({
        rows: 5,
        problemCount: 0,
        added: 5,
        changed: 0,
        unchanged: 0,
        series: 2,
        newSeries: 2,
        firstPeriod: '2024-01-01',
        lastPeriod: '2024-03-01',
      });
      // A preview writes nothing.
      expect(await listSeries(ctx.db, { organisationId: trust.id })).toHaveLength(0);

      const commit = await app.inject({ method: 'POST', url: `/api/v1/imports/${id}/commit?wait=true` });
      expect(commit.statusCode).toBe(200);
      expect(body<ImportView>(commit)).toMatchObject({
        status: 'succeeded',
        added: 5,
        changed: 0,
        unchanged: 0,
      });
      const series = await listSeries(ctx.db, { organisationId: trust.id });
      const wardFalls = series.find((s) => s.measureId === falls.id)!;
      expect(wardFalls.unitId).toBe(ward.id);
      expect((await readSeries(ctx.db, wardFalls.id)).map((p) => [p.period, p.value])).toEqual([
        ['2024-01-01', 4],
        ['2024-02-01', 2],
        ['2024-03-01', 5],
      ]);
      const trustFourHour = series.find((s) => s.measureId === fourHour.id)!;
      expect(trustFourHour.unitId).toBeNull();
      expect((await readSeries(ctx.db, trustFourHour.id)).map((p) => [p.numerator, p.denominator])).toEqual([
        [900, 1000],
        [850, 1000],
      ]);

      // The same file again: recognised, and nothing changes.
      const again = body<UploadJson>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${trust.id}/imports?fileName=falls-again.csv`,
          headers: { 'content-type': 'text/csv' },
          payload: CSV(fourHour.code),
        }),
      );
      const second = body<ImportView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/imports/${again.import.id}/preview?wait=true`,
          payload: { mapping: MAPPING },
        }),
      );
      expect(second.preview).toMatchObject({ added: 0, changed: 0, unchanged: 5, newSeries: 0 });
      expect(second.preview!.sameFile).toEqual([
        expect.objectContaining({ importId: id, fileName: 'falls.csv', status: 'succeeded' }),
      ]);
      const secondCommit = await app.inject({
        method: 'POST',
        url: `/api/v1/imports/${again.import.id}/commit?wait=true`,
      });
      expect(body<ImportView>(secondCommit)).toMatchObject({
        status: 'succeeded',
        added: 0,
        changed: 0,
        unchanged: 5,
      });
    });
  });

  test('a preview lists every problem by row and column; a commit with problems writes nothing', async (ctx) => {
    const { trust, fourHour } = await setting(ctx);
    const csv = [
      'Month,Measure,Ward,Count,Within,Attendances',
      '2024-01,falls,Ward 10,4,,', // row 2: fine
      '2024-13,falls,Ward 10,2,,', // row 3: no such month
      '2024-03,falls,Ward 99,1,,', // row 4: no such ward
      '2024-04,slips,Ward 10,1,,', // row 5: no such measure
      '2024-05,falls,Ward 10,1.5,,', // row 6: a count must be whole
      '2024-06,falls,Ward 10,"1,234",,', // row 7: thousands separator
      `2024-01,${fourHour.code},,,1100,1000`, // row 8: numerator > denominator
      `2024-02,${fourHour.code},,,,1000`, // row 9: numerator missing
      '2024-01,falls,Ward 10,3,,', // row 10: repeats row 2
      ',,,,,', // row 11: blank, skipped
    ].join('\r\n');
    await withApp(ctx, async (app) => {
      const up = body<UploadJson>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=bad.csv`,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
          payload: csv,
        }),
      );
      const previewed = body<ImportView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/imports/${up.import.id}/preview?wait=true`,
          payload: { mapping: MAPPING },
        }),
      );
      expect(previewed.status).toBe('previewed');
      const problems = previewed.preview!.problems.map((p) => [p.row, p.column, p.code]);
      expect(problems).toEqual([
        [3, 'Month', 'invalid_period'],
        [4, 'Ward', 'unknown_unit'],
        [5, 'Measure', 'unknown_measure'],
        [6, 'Count', 'not_a_count'],
        [7, 'Count', 'not_a_number'],
        [8, 'Within', 'numerator_exceeds_denominator'],
        [9, 'Within', 'numerator_required'],
        [10, 'Month', 'duplicate_point'],
      ]);
      expect(previewed.preview).toMatchObject({ problemCount: 8, added: 0, rows: 10 });
      const byCode = Object.fromEntries(previewed.preview!.problems.map((p) => [p.code, p.message]));
      expect(byCode.unknown_unit).toMatch(
        /Row 4, column "Ward": .* has no unit named "Ward 99" \(its units include "Medicine", "Ward 10"\)/,
      );
      expect(byCode.not_a_number).toMatch(/"1,234" is not a number: .*without thousands separators/);
      expect(byCode.duplicate_point).toMatch(/row 2 already has this period \(2024-01-01\)/);

      const committed = body<ImportView>(
        await app.inject({ method: 'POST', url: `/api/v1/imports/${up.import.id}/commit?wait=true` }),
      );
      expect(committed).toMatchObject({
        status: 'failed',
        added: 0,
        error: '8 problems found; nothing was written',
      });
      expect(await listSeries(ctx.db, { organisationId: trust.id })).toHaveLength(0);
      // The stored file is gone with the failed commit; a second commit is refused.
      const retry = await app.inject({ method: 'POST', url: `/api/v1/imports/${up.import.id}/commit` });
      expect(retry.statusCode).toBe(409);
    });
  });

  test('a file with patient identifiers is refused at upload and nothing of it is kept', async (ctx) => {
    const { trust } = await setting(ctx);
    await withApp(ctx, async (app) => {
      const column = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=list.csv`,
        headers: { 'content-type': 'text/csv' },
        payload: 'Month,NHS Number,Count\n2024-01,,1\n',
      });
      expect(column.statusCode).toBe(400);
      expect(body<ErrorJson>(column).error).toMatchObject({
        code: 'invalid_input',
        details: { reason: 'patient_identifier' },
      });
      expect(body<ErrorJson>(column).error.message).toMatch(/"NHS Number" looks like an NHS number/);

      const cell = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=list.csv`,
        headers: { 'content-type': 'text/csv' },
        payload: 'Month,Reference,Count\n2024-01,12,1\n2024-02,943 476 5919,1\n',
      });
      expect(cell.statusCode).toBe(400);
      expect(body<ErrorJson>(cell).error.message).toMatch(
        /Row 3, column "Reference" holds a valid NHS number/,
      );
      expect(body<ErrorJson>(cell).error.message).not.toContain('5919');
      const list = body<{ items: ImportView[] }>(
        await app.inject({ method: 'GET', url: `/api/v1/organisations/${trust.odsCode}/imports` }),
      );
      expect(list.items).toEqual([]);
    });
  });

  test('an Excel workbook is read from its named sheet, with dates and formulas as values', async (ctx) => {
    const { trust, ward, falls } = await setting(ctx);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['This sheet is not data']);
    const sheet = workbook.addWorksheet('Falls');
    sheet.addRow(['Month', 'Ward', 'Falls']);
    sheet.addRow([new Date(Date.UTC(2024, 0, 1)), 'Ward 10', 3]);
    sheet.addRow([new Date(Date.UTC(2024, 1, 1)), 'Ward 10', { formula: '1+1', result: 2 }]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    await withApp(ctx, async (app) => {
      const uploaded = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=falls.xlsx&sheet=Falls`,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        payload: file,
      });
      expect(uploaded.statusCode).toBe(201);
      const up = body<UploadJson>(uploaded);
      expect(up.import).toMatchObject({ format: 'xlsx', rowCount: 2, columns: ['Month', 'Ward', 'Falls'] });
      expect(up.sample).toEqual([
        ['2024-01-01', 'Ward 10', '3'],
        ['2024-02-01', 'Ward 10', '2'],
      ]);
      const done = body<ImportView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/imports/${up.import.id}/commit?wait=true`,
          payload: {
            mapping: {
              period: { column: 'Month' },
              measure: { value: 'falls' },
              unit: { column: 'Ward' },
              value: { column: 'Falls' },
            },
          },
        }),
      );
      expect(done).toMatchObject({ status: 'succeeded', added: 2 });
      const [series] = await listSeries(ctx.db, { organisationId: trust.id, measureId: falls.id });
      expect(series!.unitId).toBe(ward.id);

      const noSheet = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=falls.xlsx&sheet=Missing`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: file,
      });
      expect(noSheet.statusCode).toBe(400);
      expect(body<ErrorJson>(noSheet).error.message).toBe(
        'The workbook has no worksheet named "Missing" (it has "Notes", "Falls")',
      );
    });
  });

  test('a mapping naming a column the file lacks is a 400 naming the field, and the import stays uploaded', async (ctx) => {
    const { trust } = await setting(ctx);
    await withApp(ctx, async (app) => {
      const up = body<UploadJson>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=a.csv`,
          headers: { 'content-type': 'text/csv' },
          payload: 'month,measure,value\n2024-01,falls,1\n',
        }),
      );
      const bad = await app.inject({
        method: 'POST',
        url: `/api/v1/imports/${up.import.id}/preview`,
        payload: {
          mapping: {
            period: { column: 'Month' },
            measure: { column: 'measure' },
            value: { column: 'value' },
          },
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error).toMatchObject({
        message: 'period: the file has no column "Month" (did you mean "month"?)',
        details: { field: 'mapping.period.column' },
      });
      const status = body<ImportView>(
        await app.inject({ method: 'GET', url: `/api/v1/imports/${up.import.id}` }),
      );
      expect(status.status).toBe('uploaded');
      const discarded = await app.inject({ method: 'DELETE', url: `/api/v1/imports/${up.import.id}` });
      expect(discarded.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: `/api/v1/imports/${up.import.id}` })).statusCode).toBe(
        404,
      );
    });
  });

  test('without wait, a preview and a commit answer 202 at once and run as jobs whose status the client follows', async (ctx) => {
    const { trust, fourHour } = await setting(ctx);
    await withApp(ctx, async (app) => {
      const up = body<UploadJson>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${trust.odsCode}/imports?fileName=falls.csv`,
          headers: { 'content-type': 'text/csv' },
          payload: CSV(fourHour.code),
        }),
      );
      const follow = async (): Promise<ImportView> => {
        for (;;) {
          const status = body<ImportView>(
            await app.inject({ method: 'GET', url: `/api/v1/imports/${up.import.id}` }),
          );
          if (status.status !== 'previewing' && status.status !== 'running') return status;
          expect(status.progress.rowsTotal).toBe(5);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const started = await app.inject({
        method: 'POST',
        url: `/api/v1/imports/${up.import.id}/preview`,
        payload: { mapping: MAPPING },
      });
      expect(started.statusCode).toBe(202);
      expect(body<ImportView>(started).status).toBe('previewing');
      // A second start while it runs is refused.
      const twice = await app.inject({ method: 'POST', url: `/api/v1/imports/${up.import.id}/commit` });
      expect([409, 202]).toContain(twice.statusCode);
      if (twice.statusCode === 202) {
        // The preview had already finished: the commit started instead.
        expect((await follow()).status).toBe('succeeded');
        return;
      }
      expect(body<ErrorJson>(twice).error.message).toMatch(/previewing already; wait for it to finish/);
      const previewed = await follow();
      expect(previewed).toMatchObject({ status: 'previewed', progress: { rowsDone: 5, rowsTotal: 5 } });
      const commit = await app.inject({ method: 'POST', url: `/api/v1/imports/${up.import.id}/commit` });
      expect(commit.statusCode).toBe(202);
      expect(await follow()).toMatchObject({ status: 'succeeded', added: 5 });
    });
  });
});
