/**
 * @module demo/goals
 * The demo trust's strategic aim and a few goals on its existing series, so that the board view
 * has real statuses to show: one on track, one at risk, one off track (derived from the data, as
 * every goal's). Written straight to the tables, as the rest of the demo data is.
 */
import { and, eq } from 'drizzle-orm';
import { measures, measureSeries, units } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { insertAim, insertGoal } from '../goals/repository.js';
import type { Visibility } from '../db/schema/vocabulary.js';

/** The demo goals: a measure (by code, the trust's own or shared), a unit (by name), a target. */
export const DEMO_GOALS = [
  {
    code: 'demo-fft-recommend',
    unit: 'Ward 12 (respiratory)',
    title: 'At least 80% of patients on Ward 12 would recommend it (synthetic demo data)',
    target: 0.8,
    visibility: 'internal',
  },
  {
    code: 'demo-falls',
    unit: 'Ward 10 (acute medicine)',
    title: 'Fewer than 4 falls per 1,000 bed days on Ward 10 (synthetic demo data)',
    target: 4,
    visibility: 'internal',
  },
  {
    code: 'ae-4-hour',
    unit: 'Type 1 A&E (major emergency department)',
    title: '95% of type 1 A&E patients seen within four hours',
    target: 0.95,
    visibility: 'public',
  },
] as const satisfies readonly {
  code: string;
  unit: string;
  title: string;
  target: number;
  visibility: Visibility;
}[];

/** The demo goals' deadline. */
export const DEMO_DEADLINE = '2027-03-31';

/** Adds the demo trust's aim and goals (for series that exist; others are left out). */
export async function addDemoGoals(db: Database, trustId: string): Promise<number> {
  const aim = await insertAim(db, {
    organisationId: trustId,
    title: 'Safe, timely and kind care for every patient',
    description: 'Demo strategic aim: its goals are on the demo data.',
    visibility: 'public',
  });
  let added = 0;
  for (const goal of DEMO_GOALS) {
    const [series] = await db
      .select({ id: measureSeries.id, unitId: measureSeries.unitId })
      .from(measureSeries)
      .innerJoin(measures, eq(measures.id, measureSeries.measureId))
      .innerJoin(units, eq(units.id, measureSeries.unitId))
      .where(
        and(
          eq(measureSeries.organisationId, trustId),
          eq(measures.code, goal.code),
          eq(units.name, goal.unit),
        ),
      );
    if (series === undefined) continue;
    await insertGoal(db, {
      organisationId: trustId,
      unitId: series.unitId,
      seriesId: series.id,
      aimId: aim.id,
      parentGoalId: null,
      requirementId: null,
      title: goal.title,
      target: goal.target,
      deadline: DEMO_DEADLINE,
      visibility: goal.visibility,
      createdBy: null,
    });
    added++;
  }
  return added;
}
