/**
 * QI capability in Chromium against the real server with the demo data (issue 8).
 *
 * RF4's demo QI lead (a coach by role) opens the Capability page from the organisation's page,
 * records the two practitioner courses for a member of staff of a ward who is not yet trained at
 * that level, and sees the ward's capability rise: in the table on the page, on the published
 * series of the practitioner measure (its data table shows this month's numerator and denominator)
 * and through the API. Each page passes axe-core; the page also works at 375 px wide.
 *
 * The person is chosen among those not yet trained, so the shared demo database can be used again.
 */
import { describe, expect, it } from 'vitest';
import {
  api,
  checkAccessibility,
  data,
  DEMO_ANALYST,
  navigatedTo,
  openPage,
  pageErrors,
  pageReady,
} from './harness';

const TRUST = 'RF4';

/** `text` as a regular expression matching itself. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Today in the server's terms (UTC), and this month's period. */
const today = new Date().toISOString().slice(0, 10);
const thisMonth = `${today.slice(0, 7)}-01`;

/** A ward with a practitioner series, and a person of it not trained at practitioner level. */
async function someoneToTrain(): Promise<{
  unitId: string;
  unitName: string;
  levelId: string;
  seriesId: string;
  person: { userId: string; displayName: string };
  before: { trained: number; staff: number };
}> {
  const capability = await data(
    api().GET('/api/v1/organisations/{ref}/capability', { params: { path: { ref: TRUST } } }),
  );
  const practitioner = capability.levels.find((l) => l.name === 'practitioner');
  if (practitioner === undefined) throw new Error('the demo curriculum of RF4 has no practitioner level');
  const people = await data(
    api().GET('/api/v1/organisations/{ref}/capability/people', { params: { path: { ref: TRUST } } }),
  );
  const curriculum = await data(
    api().GET('/api/v1/organisations/{ref}/curriculum', { params: { path: { ref: TRUST } } }),
  );
  const completions = await data(
    api().GET('/api/v1/organisations/{ref}/completions', { params: { path: { ref: TRUST } } }),
  );
  const atOrAbove = new Set(
    curriculum.levels.filter((l) => l.rank >= practitioner.rank).flatMap((l) => l.courses.map((c) => c.id)),
  );
  for (const unit of capability.units) {
    const cell = unit.levels.find((l) => l.levelId === practitioner.id);
    if (cell?.seriesId == null) continue;
    const untrained = people.items.find(
      (p) =>
        p.unitId === unit.unitId &&
        !completions.items.some((c) => c.userId === p.userId && c.counts && atOrAbove.has(c.courseId)),
    );
    if (untrained === undefined) continue;
    return {
      unitId: unit.unitId,
      unitName: unit.name,
      levelId: practitioner.id,
      seriesId: cell.seriesId,
      person: untrained,
      before: { trained: cell.trained, staff: cell.staff },
    };
  }
  throw new Error('no ward of RF4 has someone left to train at practitioner level');
}

describe('QI capability', () => {
  it('a QI lead records training for a member of staff and the ward’s capability measure rises', async () => {
    const target = await someoneToTrain();
    const page = await openPage(`/organisations/${TRUST}`, { as: DEMO_ANALYST });
    await page.getByRole('link', { name: 'QI capability', exact: true }).click();
    await navigatedTo(page, `/organisations/${TRUST}/capability`);
    expect(await page.locator('h1').textContent()).toContain('QI capability');
    await page.getByRole('region', { name: 'Capability by unit', exact: true }).getByRole('table').waitFor();
    await page.getByRole('form', { name: 'Record a completed course' }).waitFor();
    await checkAccessibility(page, 'capability page');

    const form = page.getByRole('form', { name: 'Record a completed course' });
    for (const code of ['QI-P1', 'QI-P2']) {
      await form.getByLabel('Person', { exact: true }).selectOption(target.person.userId);
      const course = await form
        .getByLabel('Course', { exact: true })
        .locator('option', { hasText: code })
        .getAttribute('value');
      await form.getByLabel('Course', { exact: true }).selectOption(course ?? '');
      await form.getByLabel('Completed on', { exact: true }).fill(today);
      await form.getByRole('button', { name: 'Record it' }).click();
      await form
        .getByRole('status')
        .filter({ hasText: `Recorded the course for ${target.person.displayName}.` })
        .waitFor();
    }

    // The table on the page: one more of the ward's staff trained at practitioner level.
    const after = { trained: target.before.trained + 1, staff: target.before.staff };
    const percent = Math.round((100 * after.trained) / after.staff);
    const row = page
      .getByRole('region', { name: 'Capability by unit', exact: true })
      .getByRole('row', { name: new RegExp(`^${literal(target.unitName)}\\s`) });
    const link = row.getByRole('link', {
      name: new RegExp(
        `^${after.trained} of ${after.staff} \\(${percent}%\\) of ${literal(target.unitName)} at practitioner level`,
      ),
    });
    await link.waitFor();
    await checkAccessibility(page, 'capability page after recording');

    // The API: this month's point of the ward's practitioner series.
    const points = await data(
      api().GET('/api/v1/series/{id}/observations', {
        params: { path: { id: target.seriesId }, query: { from: thisMonth, to: thisMonth } },
      }),
    );
    expect(points.items.map((p) => [p.period, p.numerator, p.denominator])).toEqual([
      [thisMonth, after.trained, after.staff],
    ]);

    // The series' page: the measure's SPC chart, and this month's numbers in its data table.
    await link.click();
    await navigatedTo(page, `/series/${target.seriesId}`);
    await pageReady(page);
    expect(await page.locator('h1').textContent()).toContain(
      'Staff trained in QI: practitioner level or above',
    );
    const table = page
      .locator('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Numerator' }) });
    const last = table.locator('tbody tr').last();
    const cells = await last.locator('td').allTextContents();
    expect(cells.slice(1, 3)).toEqual([String(after.trained), String(after.staff)]);
    await checkAccessibility(page, 'capability series page');
    expect(pageErrors(page)).toEqual([]);
  }, 300_000);

  it('works at phone width for a member of staff: their own training and the declare form', async () => {
    const page = await openPage(`/organisations/${TRUST}/capability`, {
      width: 375,
      as: 'demo.staff@groundswell.invalid',
    });
    await page.getByRole('region', { name: 'My training', exact: true }).getByRole('table').waitFor();
    await page.getByRole('form', { name: 'Declare a course you completed' }).waitFor();
    expect(await page.getByRole('form', { name: 'Record a completed course' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await checkAccessibility(page, 'capability page at 375 px');
    expect(pageErrors(page)).toEqual([]);
  });
});
