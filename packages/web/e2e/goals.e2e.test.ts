/**
 * Goals and outcome requirements, in Chromium against the real server with the demo data: the
 * demo chief executive (a board member) goes from RF4's overview to its goals and sees each demo
 * goal with the status derived from its data — on track, at risk, off track — and the reason in
 * words; the demo QI lead adds a goal on a demo series, sees its status appear, then removes it
 * (after a confirm step); the demo unit lead gets the buttons on their own ward's goal only, and
 * adds goals on their ward's series. The goals page, the add-a-goal form, a unit's goals and the
 * requirements page pass axe-core at phone and desktop widths.
 *
 * Every run can repeat on the same database: goals this file added in an earlier run that failed
 * half way are removed first (their titles start with `E2E goal`).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../src/api/client';
import {
  api,
  checkAccessibility,
  checkPage,
  data,
  DEMO_ANALYST,
  navigatedTo,
  openPage,
  pageErrors,
} from './harness';

const EXECUTIVE = 'demo.executive@groundswell.invalid';
const GOALS = '/organisations/RF4/goals';
const PREFIX = 'E2E goal';

/** The demo goals' titles (packages/server/src/demo/goals.ts) and their derived statuses. */
const DEMO = [
  {
    title: 'At least 80% of patients on Ward 12 would recommend it (synthetic demo data)',
    status: 'On track',
  },
  { title: 'Fewer than 4 falls per 1,000 bed days on Ward 10 (synthetic demo data)', status: 'At risk' },
  { title: '95% of type 1 A&E patients seen within four hours', status: 'Off track' },
] as const;

const WORDS: Readonly<Record<Schema<'Goal'>['status']['status'], string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

async function goalsOfRf4(): Promise<Schema<'Goal'>[]> {
  return (await data(api().GET('/api/v1/organisations/{ref}/goals', { params: { path: { ref: 'RF4' } } })))
    .items;
}

/** The card of the goal with this title. */
function card(page: Page, title: string): ReturnType<Page['locator']> {
  return page
    .locator('article.gs-goal')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

beforeAll(async () => {
  for (const goal of await goalsOfRf4()) {
    if (goal.title.startsWith(PREFIX)) {
      await data(api().DELETE('/api/v1/goals/{id}', { params: { path: { id: goal.id } } }));
    }
  }
});

describe('goals', () => {
  it('shows a board member each goal with its derived status and the reason in words', async () => {
    const page = await openPage('/organisations/RF4', { as: EXECUTIVE });
    await page.getByRole('link', { name: 'Goals', exact: true }).click();
    await navigatedTo(page, GOALS);
    expect(await page.locator('h1').textContent()).toContain('Goals');
    const goals = await goalsOfRf4();

    // The aim as a heading; the counts by status add up to the goals listed.
    await page
      .getByRole('heading', { level: 2, name: /Safe, timely and kind care for every patient/ })
      .waitFor();
    const counts = await page.locator('.gs-goal-summary__item').allTextContents();
    const total = counts.reduce((sum, text) => sum + Number(/^\s*(\d+)/.exec(text)![1]), 0);
    expect(total).toBe(goals.length);

    for (const demo of DEMO) {
      const item = card(page, demo.title);
      await item.waitFor();
      const sent = goals.find((goal) => goal.title === demo.title)!;
      expect(WORDS[sent.status.status]).toBe(demo.status);
      expect((await item.locator('.nhsuk-tag').textContent())?.trim()).toBe(demo.status);
      expect(await item.textContent()).toContain(sent.status.reason);
      expect(await item.getByRole('link', { name: /chart/ }).getAttribute('href')).toBe(
        `/series/${sent.seriesId}`,
      );
    }
    // A proportion's target and reason are in percentages.
    const fourHour = card(page, DEMO[2].title);
    expect(await fourHour.textContent()).toContain('95% by 31 March 2027');
    expect(await fourHour.textContent()).toContain('target of 95%');
    // Colour is never alone: the status is in words; the icons have their words beside them.
    expect(await fourHour.locator('.gs-goal__icons').textContent()).toMatch(/variation|cause/i);

    await checkPage(page, 'goals');
    expect(pageErrors(page)).toEqual([]);
  });

  it('lets the QI lead add a goal on a demo series and see its status, then remove it after asking', async () => {
    const dashboard = await data(
      api().GET('/api/v1/organisations/{ref}/dashboard', {
        params: { path: { ref: 'RF4' }, query: { points: 0 } },
      }),
    );
    const series = dashboard.series.find(
      (s) => s.measure.code === 'demo-falls' && s.unit?.name === 'Ward 10 (acute medicine)',
    )!;
    expect(series).toBeDefined();
    const title = `${PREFIX}: falls on Ward 10 below 6 (${Date.now().toString(36)})`;

    const page = await openPage(GOALS, { as: DEMO_ANALYST });
    await page.getByRole('button', { name: 'Add a goal', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a goal' });
    await form.getByLabel('Measure').waitFor();
    // Nothing filled in: the error summary names each field.
    await form.getByRole('button', { name: 'Add the goal' }).click();
    await form.getByText('There is a problem').waitFor();
    expect(await form.locator('.nhsuk-error-summary a').allTextContents()).toEqual([
      'Choose the measure the goal is about',
      'Enter the goal',
      'Enter the target',
      'Enter the deadline',
    ]);
    await checkAccessibility(page, 'add a goal, with errors');

    await form.getByLabel('Measure').selectOption(series.id);
    await form.getByLabel('Goal', { exact: true }).fill(title);
    await form.getByLabel('Target', { exact: true }).fill('6');
    await form.getByLabel('Deadline').fill('2027-03-31');
    await form.getByRole('button', { name: 'Add the goal' }).click();

    const done = page.getByText(
      new RegExp(`The goal “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” has been added: its status is`),
    );
    await done.waitFor();
    const added = (await goalsOfRf4()).find((goal) => goal.title === title)!;
    expect(added).toBeDefined();
    expect(added.target).toBe(6);
    expect(added.seriesId).toBe(series.id);
    const item = card(page, title);
    await item.waitFor();
    expect((await item.locator('.nhsuk-tag').textContent())?.trim()).toBe(WORDS[added.status.status]);
    expect(await item.textContent()).toContain(added.status.reason);
    expect(await done.textContent()).toContain(WORDS[added.status.status].toLowerCase());

    // Removing asks first.
    await item.getByRole('button', { name: `Remove the goal “${title}”` }).click();
    await page.getByRole('heading', { name: `Remove the goal “${title}”?` }).waitFor();
    await checkAccessibility(page, 'remove a goal');
    await page.getByRole('button', { name: 'Yes, remove the goal' }).click();
    await page.getByText(`The goal “${title}” has been removed.`).waitFor();
    await item.waitFor({ state: 'detached' });
    expect((await goalsOfRf4()).some((goal) => goal.title === title)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows a unit’s goals on its page, and the requirements page, accessibly', async () => {
    const goals = await goalsOfRf4();
    const falls = goals.find((goal) => goal.title === DEMO[1].title)!;
    const unit = await openPage(`/organisations/RF4/units/${falls.unitId!}`, { as: EXECUTIVE });
    const section = unit.getByRole('region', { name: /^Goals of / });
    await card(unit, DEMO[1].title).waitFor();
    expect((await section.locator('.nhsuk-tag').first().textContent())?.trim()).toBe('At risk');
    await checkAccessibility(unit, 'unit goals');

    const page = await openPage('/organisations/RF4/requirements', { as: DEMO_ANALYST });
    expect(await page.locator('h1').textContent()).toContain('Outcome requirements');
    await page.getByText(/A commissioner sees only what .* publishes to it/).waitFor();
    await checkPage(page, 'requirements');
    expect(pageErrors(page)).toEqual([]);
  });

  it('offers the demo unit lead the buttons on their own ward’s goal only', async () => {
    const page = await openPage(GOALS, { as: 'demo.unitlead@groundswell.invalid' });
    const falls = card(page, DEMO[1].title);
    await falls.getByRole('button', { name: `Change the goal “${DEMO[1].title}”` }).waitFor();
    expect(await falls.getByRole('button', { name: `Remove the goal “${DEMO[1].title}”` }).count()).toBe(1);
    for (const other of [DEMO[0].title, DEMO[2].title]) {
      expect(await card(page, other).getByRole('button').count()).toBe(0);
    }
    await page.getByRole('button', { name: 'Add a goal for Ward 10 (acute medicine)' }).click();
    const form = page.getByRole('form', { name: 'Add a goal' });
    await form
      .getByLabel('Measure')
      .locator('option', { hasText: 'Ward 10 (acute medicine)' })
      .first()
      .waitFor({ state: 'attached' });
    const options = await form.getByLabel('Measure').locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    for (const option of options.slice(1)) expect(option).toContain('Ward 10 (acute medicine)');
    await checkAccessibility(page, 'goals for a unit lead');
    expect(pageErrors(page)).toEqual([]);
  });
});
