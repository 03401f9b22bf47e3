import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { finishImport } from '../imports/repository.js';
import { createUnit } from '../units/repository.js';
import { ensureSeries } from '../series/repository.js';
import { aMeasure, anImport, anOrganisation, aSeries, months, USER } from '../test-support/fixtures.js';
import { describeEachEngine } from '../test-support/database.js';
import type { ObservationInput } from './input.js';
import { listRevisions, readSeries, upsertObservations } from './repository.js';

async function count(db: Database, table: 'observations' | 'observation_revisions'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row!.n;
}

async function failure(promise: Promise<unknown>): Promise<DataError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describeEachEngine('observations', ({ test }) => {
  test('adds new points and reads the series back in period order', async ({ db }) => {
    const { series } = await aSeries(db);
    const periods = months(3);
    const rows: ObservationInput[] = [
      { seriesId: series.id, period: periods[2]!, value: 3.25 },
      { seriesId: series.id, period: periods[0]!, value: 1 },
      { seriesId: series.id, period: periods[1]!, value: -2.5, ghost: true },
    ];
    expect(await upsertObservations(db, rows, { userId: USER })).toEqual({
      added: 3,
      changed: 0,
      unchanged: 0,
    });
    const points = await readSeries(db, series.id);
    expect(points.map((p) => [p.period, p.value, p.ghost])).toEqual([
      ['2020-01-01', 1, false],
      ['2020-02-01', -2.5, true],
      ['2020-03-01', 3.25, false],
    ]);
    expect(points[0]).toMatchObject({ numerator: null, denominator: null, importId: null, recordedBy: USER });
    expect(points[0]!.recordedAt).toBeInstanceOf(Date);
    expect(await readSeries(db, series.id, { from: '2020-02-01', to: '2020-02-28' })).toHaveLength(1);
    expect(await listRevisions(db, series.id)).toEqual([]);
  });

  test('keeps numbers exactly (doubles round-trip)', async ({ db }) => {
    const { series } = await aSeries(db);
    const values = [0.1 + 0.2, 1 / 3, 1e-300, 123456789.12345679, Number.MAX_SAFE_INTEGER + 2];
    const rows = values.map((value, i) => ({ seriesId: series.id, period: months(5)[i]!, value }));
    await upsertObservations(db, rows, { userId: USER });
    expect((await readSeries(db, series.id)).map((p) => p.value)).toEqual(values);
  });

  test('a changed value updates the point and keeps exactly one revision with before and after', async ({
    db,
  }) => {
    const { organisation, series } = await aSeries(db, 'proportion');
    const first = await anImport(db, organisation.id);
    const [period] = months(1);
    const point = { seriesId: series.id, period: period! };
    await upsertObservations(db, [{ ...point, numerator: 3, denominator: 10 }], { importId: first.id });
    await finishImport(db, first.id, { added: 1, changed: 0, unchanged: 0 });

    const second = await anImport(db, organisation.id);
    const counts = await upsertObservations(db, [{ ...point, numerator: 4, denominator: 10 }], {
      importId: second.id,
      userId: USER,
    });
    expect(counts).toEqual({ added: 0, changed: 1, unchanged: 0 });

    const [stored] = await readSeries(db, series.id);
    expect(stored).toMatchObject({ numerator: 4, denominator: 10, importId: second.id, recordedBy: USER });
    const revisions = await listRevisions(db, series.id, period);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      seriesId: series.id,
      period,
      oldValue: null,
      oldNumerator: 3,
      oldDenominator: 10,
      oldGhost: false,
      newValue: null,
      newNumerator: 4,
      newDenominator: 10,
      newGhost: false,
      importId: second.id,
      changedBy: USER,
    });
    expect(revisions[0]!.changedAt).toBeInstanceOf(Date);
  });

  test('sending the same batch again changes nothing and writes no revision', async ({ db }) => {
    const { series } = await aSeries(db);
    const rows = months(24).map((period, i) => ({ seriesId: series.id, period, value: i * 1.5 }));
    expect(await upsertObservations(db, rows, { userId: USER })).toEqual({
      added: 24,
      changed: 0,
      unchanged: 0,
    });
    const before = await readSeries(db, series.id);
    expect(await upsertObservations(db, rows, { userId: USER })).toEqual({
      added: 0,
      changed: 0,
      unchanged: 24,
    });
    expect(await readSeries(db, series.id)).toEqual(before);
    expect(await count(db, 'observation_revisions')).toBe(0);
  });

  test('a mixed batch reports what it added, changed and left alone', async ({ db }) => {
    const { series } = await aSeries(db, 'count');
    const periods = months(4);
    await upsertObservations(
      db,
      periods.slice(0, 3).map((period) => ({ seriesId: series.id, period, value: 5 })),
      { userId: USER },
    );
    const counts = await upsertObservations(
      db,
      [
        { seriesId: series.id, period: periods[0]!, value: 5 },
        { seriesId: series.id, period: periods[1]!, value: 6 },
        { seriesId: series.id, period: periods[2]!, value: 5, ghost: true },
        { seriesId: series.id, period: periods[3]!, value: 7 },
      ],
      { userId: USER },
    );
    expect(counts).toEqual({ added: 1, changed: 2, unchanged: 1 });
    expect(
      (await listRevisions(db, series.id)).map((r) => [r.period, r.oldValue, r.newValue, r.newGhost]),
    ).toEqual([
      ['2020-02-01', 5, 6, false],
      ['2020-03-01', 5, 5, true],
    ]);
  });

  test('a row without a ghost flag keeps the stored flag', async ({ db }) => {
    const { series } = await aSeries(db);
    const [period] = months(1);
    await upsertObservations(db, [{ seriesId: series.id, period: period!, value: 1, ghost: true }], {
      userId: USER,
    });
    const counts = await upsertObservations(db, [{ seriesId: series.id, period: period!, value: 1 }], {
      userId: USER,
    });
    expect(counts.unchanged).toBe(1);
    expect((await readSeries(db, series.id))[0]!.ghost).toBe(true);
  });

  test('one point per series and period: the same period in two units or organisations is fine', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    const shared = await aMeasure(db, null, {
      code: 'ae-attendances',
      name: 'A&E attendances',
      dataType: 'count',
    });
    const other = await anOrganisation(db);
    const ward = await createUnit(db, { organisationId: organisation.id, kind: 'ward', name: 'Ward 1' });
    const a = await ensureSeries(db, { measureId: shared.id, organisationId: organisation.id });
    const b = await ensureSeries(db, {
      measureId: shared.id,
      organisationId: organisation.id,
      unitId: ward.id,
    });
    const c = await ensureSeries(db, { measureId: shared.id, organisationId: other.id });
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect((await ensureSeries(db, { measureId: shared.id, organisationId: organisation.id })).id).toBe(a.id);
    const period = '2024-01-01';
    const counts = await upsertObservations(
      db,
      [a, b, c].map((series, i) => ({ seriesId: series.id, period, value: i })),
      { userId: USER },
    );
    expect(counts.added).toBe(3);
    const error = await failure(
      upsertObservations(
        db,
        [
          { seriesId: a.id, period, value: 1 },
          { seriesId: a.id, period, value: 2 },
        ],
        { userId: USER },
      ),
    );
    expect(error).toMatchObject({ code: 'invalid_input', index: 1, reason: 'duplicate_point' });
  });

  test('the database itself refuses a second row for the same series and period', async ({ db }) => {
    const { series } = await aSeries(db);
    const insert = sql`insert into observations (series_id, period, value, recorded_by)
      values (${series.id}, '2024-01-01', 1, ${USER})`;
    await db.execute(insert);
    await expect(db.transaction((tx) => tx.execute(insert))).rejects.toThrow();
  });

  test('a batch with an invalid row in the middle writes nothing', async ({ db }) => {
    const { series } = await aSeries(db, 'proportion');
    const periods = months(5);
    await upsertObservations(
      db,
      [{ seriesId: series.id, period: periods[0]!, numerator: 1, denominator: 2 }],
      {
        userId: USER,
      },
    );
    const rows: ObservationInput[] = periods.map((period) => ({
      seriesId: series.id,
      period,
      numerator: 2,
      denominator: 4,
    }));
    rows[2] = { seriesId: series.id, period: periods[2]!, numerator: 5, denominator: 4 };
    const error = await failure(upsertObservations(db, rows, { userId: USER }));
    expect(error).toMatchObject({
      index: 2,
      reason: 'numerator_exceeds_denominator',
      field: 'rows[2].numerator',
    });
    expect(await readSeries(db, series.id)).toMatchObject([{ numerator: 1, denominator: 2 }]);
    expect(await count(db, 'observations')).toBe(1);
    expect(await count(db, 'observation_revisions')).toBe(0);
  });

  test('refuses rows that do not fit the data type, naming the row and the reason', async ({ db }) => {
    const value = (await aSeries(db, 'value')).series.id;
    const proportion = (await aSeries(db, 'proportion')).series.id;
    const rate = (await aSeries(db, 'rate')).series.id;
    const whole = (await aSeries(db, 'count')).series.id;
    const events = (await aSeries(db, 'events')).series.id;
    const cases: [ObservationInput, string][] = [
      [{ seriesId: value, period: '2024-01-01' }, 'value_required'],
      [
        { seriesId: value, period: '2024-01-01', value: 1, numerator: 1, denominator: 2 },
        'unexpected_fraction',
      ],
      [{ seriesId: proportion, period: '2024-01-01', numerator: 1 }, 'fraction_required'],
      [
        { seriesId: proportion, period: '2024-01-01', value: 0.5, numerator: 1, denominator: 2 },
        'unexpected_value',
      ],
      [{ seriesId: proportion, period: '2024-01-01', numerator: -1, denominator: 2 }, 'negative'],
      [{ seriesId: rate, period: '2024-01-01', numerator: 3, denominator: 0 }, 'zero_denominator'],
      [{ seriesId: whole, period: '2024-01-01', value: 2.5 }, 'not_a_count'],
      [{ seriesId: events, period: '2024-01-01', value: -1 }, 'not_a_count'],
      [
        { seriesId: '00000000-0000-4000-8000-00000000dead', period: '2024-01-01', value: 1 },
        'unknown_series',
      ],
    ];
    for (const [row, reason] of cases) {
      const error = await failure(
        upsertObservations(db, [{ seriesId: value, period: '2023-01-01', value: 1 }, row], { userId: USER }),
      );
      expect(error, reason).toMatchObject({ code: 'invalid_input', index: 1, reason });
    }
    const accepted: ObservationInput[] = [
      { seriesId: proportion, period: '2024-01-01', numerator: 0, denominator: 0 },
      { seriesId: rate, period: '2024-01-01', numerator: 0, denominator: 0 },
      { seriesId: rate, period: '2024-02-01', numerator: 7, denominator: 2.5 },
      { seriesId: events, period: '2024-01-01' },
      { seriesId: events, period: '2024-01-02', value: 3 },
    ];
    expect((await upsertObservations(db, accepted, { userId: USER })).added).toBe(5);
    expect(await count(db, 'observations')).toBe(5);
  });

  test('refuses malformed rows and missing provenance before any SQL', async ({ db }) => {
    const { series } = await aSeries(db);
    const base = { seriesId: series.id, period: '2024-01-01', value: 1 };
    const cases: [ObservationInput, string][] = [
      [{ ...base, period: '2024-02-30' }, 'invalid_period'],
      [{ ...base, period: '01/02/2024' }, 'invalid_period'],
      [{ ...base, seriesId: 'x' }, 'invalid_series'],
      [{ ...base, value: Number.NaN }, 'not_a_number'],
      [{ ...base, value: Infinity }, 'not_a_number'],
    ];
    for (const [row, reason] of cases) {
      expect(await failure(upsertObservations(db, [base, row], { userId: USER })), reason).toMatchObject({
        index: 1,
        reason,
      });
    }
    await expect(upsertObservations(db, [base], {} as { userId: string })).rejects.toMatchObject({
      field: 'importId',
    });
  });

  test('refuses to write for an import that is unknown or already finished', async ({ db }) => {
    const { organisation, series } = await aSeries(db);
    const row = { seriesId: series.id, period: '2024-01-01', value: 1 };
    await expect(
      upsertObservations(db, [row], { importId: '00000000-0000-4000-8000-000000000099' }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'importId' });
    const done = await anImport(db, organisation.id);
    await finishImport(db, done.id, { added: 0, changed: 0, unchanged: 0 });
    await expect(upsertObservations(db, [row], { importId: done.id })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test('an empty batch does nothing', async ({ db }) => {
    expect(await upsertObservations(db, [], { userId: USER })).toEqual({
      added: 0,
      changed: 0,
      unchanged: 0,
    });
  });
});
