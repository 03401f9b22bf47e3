/**
 * Capability by unit published as measures: a proportion measure per level in the organisation's
 * catalogue (internal), a series per unit whose monthly points are the share of the unit's staff
 * (with its sub-units', from the day they joined) trained at that level or above, recomputed in
 * the same transaction as every change to the records.
 */
import { expect } from 'vitest';
import type { Api } from '../http/types.js';
import { body, withApp } from '../test-support/app.js';
import { aPerson, capabilityWorld, defineCurriculum } from '../test-support/capability.js';
import { describeEachEngine } from '../test-support/database.js';
import { today } from './publish.js';

interface Point {
  period: string;
  numerator: number | null;
  denominator: number | null;
}

async function points(
  app: Api,
  seriesId: string,
  headers: Record<string, string>,
): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/series/${seriesId}/observations?limit=1000`,
    headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(
    body<{ items: Point[] }>(response).items.map((p) => [
      p.period.slice(0, 7),
      `${p.numerator}/${p.denominator}`,
    ]),
  );
}

describeEachEngine('capability measures', ({ test }) => {
  test('each level is a measure; each unit a series of the share of its staff trained, month by month', async ({
    db,
  }) => {
    const w = await capabilityWorld(db);
    const newcomer = await aPerson(db, 'Newcomer Ned', w.a.id, 'staff', {
      unitId: w.ward7.id,
      since: '2025-03-15',
    });
    const ward8Lead = await aPerson(db, 'Lead Lou', w.a.id, 'unit_lead', {
      unitId: w.ward8.id,
      since: today(),
    });
    await withApp(
      db,
      async (app) => {
        const c = await defineCurriculum(app, w.a.odsCode, w.people.qiLead.headers);
        const lead = w.people.qiLead.headers;
        const record = async (userId: string, code: string, completedOn: string): Promise<void> => {
          const r = await app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${w.a.odsCode}/completions`,
            headers: lead,
            payload: { userId, courseId: c.courses[code], completedOn },
          });
          expect(r.statusCode, r.body).toBe(204);
        };
        await record(w.people.nurse.id, 'F1', '2025-01-10');
        await record(w.people.nurse.id, 'F2', '2025-02-20');
        await record(w.people.nurse.id, 'F3', '2025-01-01'); // optional: changes nothing
        await record(w.people.nurse.id, 'P1', '2025-04-05');
        await record(newcomer.id, 'C1', '2025-03-20'); // the coach level alone: trained at every level
        await record(w.people.porter.id, 'F1', '2025-01-05'); // half of foundation: not trained

        const measures = await app.inject({
          method: 'GET',
          url: `/api/v1/measures?organisationId=${w.a.id}&limit=500`,
          headers: lead,
        });
        const list = body<{
          items: { id: string; name: string; dataType: string; visibility: string; domain: string }[];
        }>(measures).items.filter((m) => m.name.startsWith('Staff trained in QI'));
        expect(list.map((m) => [m.name, m.dataType, m.visibility, m.domain]).sort()).toEqual(
          [
            ['Staff trained in QI: advanced level or above', 'proportion', 'internal', 'workforce'],
            ['Staff trained in QI: coach level or above', 'proportion', 'internal', 'workforce'],
            ['Staff trained in QI: foundation level or above', 'proportion', 'internal', 'workforce'],
            ['Staff trained in QI: practitioner level or above', 'proportion', 'internal', 'workforce'],
          ].sort(),
        );

        const overview = body<{
          period: string;
          levels: { id: string; name: string; measureId: string }[];
          units: {
            unitId: string;
            name: string;
            levels: { levelId: string; trained: number; staff: number; seriesId: string }[];
          }[];
        }>(
          await app.inject({
            method: 'GET',
            url: `/api/v1/organisations/${w.a.odsCode}/capability`,
            headers: w.people.nurse.headers,
          }),
        );
        expect(overview.period).toBe(`${today().slice(0, 7)}-01`);
        const seriesOf = (unitId: string, level: string): string => {
          const unit = overview.units.find((u) => u.unitId === unitId)!;
          return unit.levels.find((l) => l.levelId === c.levels[level])!.seriesId;
        };
        const now = today().slice(0, 7);
        const ward7 = overview.units.find((u) => u.unitId === w.ward7.id)!;
        expect(ward7.levels.map((l) => `${l.trained}/${l.staff}`)).toEqual(['2/2', '2/2', '1/2', '1/2']);
        const medicine = overview.units.find((u) => u.unitId === w.medicine.id)!;
        // the ward 8 lead counts from the day they joined (today): 4 staff this month
        expect(medicine.levels.map((l) => `${l.trained}/${l.staff}`)).toEqual(['2/4', '2/4', '1/4', '1/4']);

        const f7 = await points(app, seriesOf(w.ward7.id, 'foundation'), w.people.nurse.headers);
        expect(f7['2025-01']).toBe('0/1');
        expect(f7['2025-02']).toBe('1/1');
        expect(f7['2025-03']).toBe('2/2');
        expect(f7[now]).toBe('2/2');
        expect(Object.keys(f7)[0]).toBe('2025-01');
        const p7 = await points(app, seriesOf(w.ward7.id, 'practitioner'), lead);
        expect([p7['2025-02'], p7['2025-03'], p7['2025-04']]).toEqual(['0/1', '1/2', '2/2']);
        const fMedicine = await points(app, seriesOf(w.medicine.id, 'foundation'), lead);
        expect([fMedicine['2025-01'], fMedicine['2025-02'], fMedicine['2025-03'], fMedicine[now]]).toEqual([
          '0/2',
          '1/2',
          '2/3',
          '2/4',
        ]);
        const f8 = await points(app, seriesOf(w.ward8.id, 'foundation'), lead);
        expect([f8['2025-01'], f8[now]]).toEqual(['0/1', '0/2']);

        // a declaration changes nothing until confirmed; confirming moves the series in the same request
        const declare = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/completions/declare`,
          headers: w.people.porter.headers,
          payload: { courseId: c.courses.F2, completedOn: '2025-06-10' },
        });
        expect(declare.statusCode).toBe(204);
        expect((await points(app, seriesOf(w.ward8.id, 'foundation'), lead))['2025-06']).toBe('0/1');
        const confirm = await app.inject({
          method: 'POST',
          url: `/api/v1/courses/${c.courses.F2}/completions/${w.people.porter.id}/confirm`,
          headers: lead,
        });
        expect(confirm.statusCode).toBe(204);
        const after = await points(app, seriesOf(w.ward8.id, 'foundation'), lead);
        expect([after['2025-05'], after['2025-06'], after[now]]).toEqual(['0/1', '1/1', '1/2']);

        // removing a record corrects every month it was in
        const remove = await app.inject({
          method: 'DELETE',
          url: `/api/v1/courses/${c.courses.C1}/completions/${newcomer.id}`,
          headers: lead,
        });
        expect(remove.statusCode).toBe(204);
        const without = await points(app, seriesOf(w.ward7.id, 'practitioner'), lead);
        expect([without['2025-03'], without['2025-04']]).toEqual(['0/2', '1/2']);

        // moving a person to another unit moves them in every series
        const move = await app.inject({
          method: 'PUT',
          url: `/api/v1/organisations/${w.a.odsCode}/capability/people/${w.people.nurse.id}`,
          headers: lead,
          payload: { unitId: w.ward8.id, since: '2024-06-01' },
        });
        expect(move.statusCode, move.body).toBe(200);
        const moved = await points(app, seriesOf(w.ward8.id, 'practitioner'), lead);
        expect(moved['2025-04']).toBe('1/2');
        expect(ward8Lead.id).toBeTruthy();

        // internal to the organisation: the public and other organisations do not see the series
        for (const headers of [{}, w.people.other.headers]) {
          const hidden = await app.inject({
            method: 'GET',
            url: `/api/v1/series/${seriesOf(w.ward7.id, 'foundation')}`,
            headers,
          });
          expect(hidden.statusCode).toBe(404);
        }
        expect(
          (
            await app.inject({
              method: 'GET',
              url: `/api/v1/series/${seriesOf(w.ward7.id, 'foundation')}`,
              headers: w.people.porter.headers,
            })
          ).statusCode,
        ).toBe(200);
      },
      { as: 'public' },
    );
  }, 120_000);

  test('the organisation as a whole is a series of each level’s measure with no unit: all its staff with a unit', async ({
    db,
  }) => {
    const w = await capabilityWorld(db);
    await withApp(
      db,
      async (app) => {
        const c = await defineCurriculum(app, w.a.odsCode, w.people.qiLead.headers);
        const lead = w.people.qiLead.headers;
        const record = async (userId: string, code: string, completedOn: string): Promise<void> => {
          const r = await app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${w.a.odsCode}/completions`,
            headers: lead,
            payload: { userId, courseId: c.courses[code], completedOn },
          });
          expect(r.statusCode, r.body).toBe(204);
        };
        await record(w.people.nurse.id, 'F1', '2025-01-10');
        await record(w.people.nurse.id, 'F2', '2025-01-20');
        // the coach has no unit: trained, but in nobody's staff, the organisation's included
        await record(w.people.coach.id, 'C1', '2025-01-05');
        const overview = async (): Promise<{
          organisation: { levels: { levelId: string; trained: number; staff: number; seriesId: string }[] };
        }> =>
          body(
            await app.inject({
              method: 'GET',
              url: `/api/v1/organisations/${w.a.odsCode}/capability`,
              headers: w.people.nurse.headers,
            }),
          );
        const whole = (await overview()).organisation;
        expect(whole.levels.map((l) => `${l.trained}/${l.staff}`)).toEqual(['1/2', '0/2', '0/2', '0/2']);
        const seriesId = whole.levels.find((l) => l.levelId === c.levels.foundation)!.seriesId;
        const series = await app.inject({ method: 'GET', url: `/api/v1/series/${seriesId}`, headers: lead });
        expect(series.statusCode, series.body).toBe(200);
        expect(body<{ unitId: string | null; organisationId: string }>(series)).toMatchObject({
          unitId: null,
          organisationId: w.a.id,
        });
        const now = today().slice(0, 7);
        const before = await points(app, seriesId, lead);
        expect([before['2025-01'], before[now]]).toEqual(['1/2', '1/2']);

        // recomputed with the rest: giving the coach a unit brings them into the organisation's staff
        const move = await app.inject({
          method: 'PUT',
          url: `/api/v1/organisations/${w.a.odsCode}/capability/people/${w.people.coach.id}`,
          headers: lead,
          payload: { unitId: w.ward8.id, since: '2024-12-01' },
        });
        expect(move.statusCode, move.body).toBe(200);
        const after = await points(app, seriesId, lead);
        expect([after['2025-01'], after[now]]).toEqual(['2/3', '2/3']);
        expect((await overview()).organisation.levels.map((l) => `${l.trained}/${l.staff}`)).toEqual([
          '2/3',
          '1/3',
          '1/3',
          '1/3',
        ]);
      },
      { as: 'public' },
    );
  }, 120_000);
});
