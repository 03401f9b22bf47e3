/**
 * The demo trust's goals: made with the demo data, their statuses derived from it — one on track,
 * one at risk, one off track — so that the board view has something real to show.
 */
import { expect } from 'vitest';
import { SYSTEM } from '../auth/principal.js';
import { DEMO_GOALS } from '../demo/goals.js';
import { describeEachEngine } from '../test-support/database.js';
import { demoTrust } from '../test-support/fixtures.js';
import { listGoals, readableAims } from './service.js';

describeEachEngine('demo goals', ({ test }) => {
  test('the demo trust has an aim and goals on its series, on track, at risk and off track', async ({
    db,
  }) => {
    const trust = await demoTrust(db);
    const aims = await readableAims(db, SYSTEM, trust.id);
    expect(aims).toHaveLength(1);
    const { items } = await listGoals(db, SYSTEM, trust.id, {}, new Date('2026-11-26T12:00:00Z'));
    expect(items).toHaveLength(DEMO_GOALS.length);
    const status = (code: string): string => {
      const goal = DEMO_GOALS.find((g) => g.code === code)!;
      return items.find((item) => item.title === goal.title)!.judgement.status;
    };
    expect(status('demo-fft-recommend')).toBe('on_track');
    expect(status('demo-falls')).toBe('at_risk');
    expect(status('ae-4-hour')).toBe('off_track');
    // A proportion's target is written as a percentage in the reason.
    const fourHour = items.find((item) => item.title === DEMO_GOALS[2].title)!;
    expect(fourHour.judgement.reason).toContain('target of 95%');
    for (const goal of items) expect(goal.aimId).toBe(aims[0]!.id);
  });
});
