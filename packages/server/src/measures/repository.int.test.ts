import { expect } from 'vitest';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { aMeasure, anOrganisation, aSeries, USER } from '../test-support/fixtures.js';
import { describeEachEngine } from '../test-support/database.js';
import { createMeasure, getMeasure, getMeasureByCode, listMeasures, updateMeasure } from './repository.js';
import type { MeasureFilter } from './repository.js';
import { listTargets, setTarget, targetOn } from './targets.js';

describeEachEngine('measures', ({ test }) => {
  test('creates a measure with defaults and validated SPC options', async ({ db }) => {
    const trust = await anOrganisation(db);
    const measure = await createMeasure(db, {
      ownerOrganisationId: trust.id,
      name: 'Falls with harm',
      dataType: 'rate',
      domain: 'safety',
      frequency: 'month',
      unitLabel: 'per 1,000 bed days',
      spcOptions: {
        preset: 'mdc',
        direction: 'decrease',
        rebaseAt: ['2024-04-01'],
        baseline: { points: 12 },
      },
    });
    expect(measure).toMatchObject({
      code: 'falls-with-harm',
      chartType: 'u',
      visibility: 'internal',
      description: '',
      owner: null,
      spcOptions: {
        preset: 'mdc',
        direction: 'decrease',
        rebaseAt: ['2024-04-01'],
        baseline: { points: 12 },
      },
    });
    expect(await getMeasure(db, measure.id)).toEqual(measure);
    expect(await getMeasureByCode(db, trust.id, 'falls-with-harm')).toEqual(measure);
    expect(await getMeasureByCode(db, null, 'falls-with-harm')).toBeUndefined();
  });

  test('refuses SPC options the engine would refuse, naming the option', async ({ db }) => {
    const trust = await anOrganisation(db);
    const attempt = (spcOptions: unknown): Promise<unknown> =>
      aMeasure(db, trust.id, { spcOptions: spcOptions as never });
    await expect(attempt({ direction: 'up' })).rejects.toMatchObject({ field: 'spcOptions.direction' });
    await expect(attempt({ shiftLenght: 6 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(attempt({ rebaseAt: ['April'] })).rejects.toMatchObject({ field: 'spcOptions.rebaseAt' });
    await expect(attempt({ target: 95 })).rejects.toMatchObject({ field: 'spcOptions.target' });
    await expect(attempt([1])).rejects.toMatchObject({ field: 'spcOptions' });
  });

  test('refuses a chart type that does not suit the data type', async ({ db }) => {
    await expect(aMeasure(db, null, { dataType: 'proportion', chartType: 'c' })).rejects.toMatchObject({
      field: 'chartType',
    });
  });

  test('codes are unique per owner; shared definitions have their own codes', async ({ db }) => {
    const a = await anOrganisation(db);
    const b = await anOrganisation(db);
    await aMeasure(db, a.id, { code: 'falls' });
    await aMeasure(db, b.id, { code: 'falls' });
    await aMeasure(db, null, { code: 'falls' });
    await expect(db.transaction((tx) => aMeasure(tx, a.id, { code: 'falls' }))).rejects.toMatchObject({
      code: 'conflict',
      field: 'code',
    });
    await expect(db.transaction((tx) => aMeasure(tx, null, { code: 'falls' }))).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test('updates a definition; the data type is fixed once there are data', async ({ db }) => {
    const { measure, series } = await aSeries(db, 'count');
    const updated = await updateMeasure(db, measure.id, {
      name: 'Pressure ulcers',
      visibility: 'public',
      owner: 'Chief Nurse',
      spcOptions: { direction: 'decrease' },
    });
    expect(updated).toMatchObject({
      name: 'Pressure ulcers',
      visibility: 'public',
      owner: 'Chief Nurse',
      chartType: 'c',
    });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(measure.updatedAt.getTime());
    expect((await updateMeasure(db, measure.id, { dataType: 'value' })).chartType).toBe('xmr');
    expect((await updateMeasure(db, measure.id, { dataType: 'count', chartType: 'run' })).chartType).toBe(
      'run',
    );
    await upsertObservations(db, [{ seriesId: series.id, period: '2024-01-01', value: 3 }], { userId: USER });
    await expect(updateMeasure(db, measure.id, { dataType: 'proportion' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'dataType',
    });
    await expect(updateMeasure(db, measure.id, { chartType: 'p' })).rejects.toMatchObject({
      field: 'chartType',
    });
    await expect(
      updateMeasure(db, '00000000-0000-4000-8000-000000000000', { name: 'x' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test('lists with filters: organisation (own and recorded shared), shared, domain, visibility, search', async ({
    db,
  }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const national = await aMeasure(db, null, {
      name: 'A&E 4-hour performance',
      dataType: 'proportion',
      domain: 'effectiveness',
      visibility: 'public',
    });
    await aMeasure(db, null, {
      name: 'A&E attendances',
      dataType: 'count',
      domain: 'effectiveness',
      visibility: 'public',
    });
    await aMeasure(db, trust.id, { name: 'Falls', domain: 'safety', visibility: 'internal' });
    await aMeasure(db, trust.id, { name: 'Staff sickness', domain: 'workforce', visibility: 'private' });
    await aMeasure(db, other.id, { name: 'Their falls', domain: 'safety' });
    await ensureSeries(db, { measureId: national.id, organisationId: trust.id });

    const names = async (filter: MeasureFilter): Promise<string[]> =>
      (await listMeasures(db, filter)).items.map((m) => m.name);
    expect(await names({ organisationId: trust.id })).toEqual([
      'A&E 4-hour performance',
      'Falls',
      'Staff sickness',
    ]);
    expect(await names({ shared: true })).toEqual(['A&E 4-hour performance', 'A&E attendances']);
    expect(await names({ shared: false, domain: 'safety' })).toEqual(['Falls', 'Their falls']);
    expect(
      await names({ domain: ['workforce', 'effectiveness'], visibility: ['private', 'public'] }),
    ).toEqual(['A&E 4-hour performance', 'A&E attendances', 'Staff sickness']);
    expect(await names({ search: 'FALLS' })).toEqual(['Falls', 'Their falls']);
    expect(await names({ search: 'a-e-4' })).toEqual(['A&E 4-hour performance']);
    expect(await names({ dataType: 'count' })).toEqual(['A&E attendances']);
    await expect(listMeasures(db, { domain: 'money' as 'finance' })).rejects.toMatchObject({
      field: 'domain',
    });
  });

  test('pages through measures in name order', async ({ db }) => {
    const trust = await anOrganisation(db);
    for (let i = 0; i < 7; i++)
      await aMeasure(db, trust.id, { name: `Measure ${String.fromCharCode(71 - i)}` });
    const first = await listMeasures(db, { organisationId: trust.id, limit: 3 });
    const second = await listMeasures(db, { organisationId: trust.id, limit: 3, cursor: first.nextCursor });
    const third = await listMeasures(db, { organisationId: trust.id, limit: 3, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((m) => m.name.at(-1))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
    ]);
    expect(third.nextCursor).toBeNull();
  });

  test('targets over time: the definition’s timeline, replaced by an organisation’s own', async ({ db }) => {
    const trust = await anOrganisation(db);
    const measure = await aMeasure(db, null, { dataType: 'proportion' });
    await setTarget(db, { measureId: measure.id, effectiveFrom: '2020-04-01', value: 0.95 });
    await setTarget(db, { measureId: measure.id, effectiveFrom: '2023-04-01', value: 0.76 });
    await setTarget(db, { measureId: measure.id, effectiveFrom: '2023-04-01', value: 0.78 });
    const general = await listTargets(db, measure.id);
    expect(general.map((t) => [t.effectiveFrom, t.value])).toEqual([
      ['2020-04-01', 0.95],
      ['2023-04-01', 0.78],
    ]);
    expect(targetOn(general, '2020-03-01')).toBeNull();
    expect(targetOn(general, '2022-12-01')).toBe(0.95);
    expect(targetOn(general, '2024-01-01')).toBe(0.78);
    expect(await listTargets(db, measure.id, trust.id)).toEqual(general);
    await setTarget(db, {
      measureId: measure.id,
      organisationId: trust.id,
      effectiveFrom: '2024-01-01',
      value: 0.8,
    });
    await setTarget(db, {
      measureId: measure.id,
      organisationId: trust.id,
      effectiveFrom: '2025-01-01',
      value: null,
    });
    const own = await listTargets(db, measure.id, trust.id);
    expect(own.map((t) => [t.effectiveFrom, t.value])).toEqual([
      ['2024-01-01', 0.8],
      ['2025-01-01', null],
    ]);
    expect(targetOn(own, '2025-06-01')).toBeNull();
    await expect(
      setTarget(db, { measureId: measure.id, effectiveFrom: '2024-13-01', value: 1 }),
    ).rejects.toMatchObject({
      field: 'effectiveFrom',
    });
  });

  test("an organisation's own measure cannot be recorded by another organisation", async ({ db }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const own = await aMeasure(db, trust.id);
    await expect(ensureSeries(db, { measureId: own.id, organisationId: other.id })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
