/**
 * Experience surveys in Chromium against a real server (issue 8).
 *
 * RF4's demo QI lead, at phone width (375 × 812), starts a staff survey, makes a link (with its QR
 * code) for three wards, and copies each link's address. People answer through the links with no
 * sign-in, at phone width: some through the page itself, the rest through the same API the page
 * uses. Ward A gets 6 answers, ward B 5 and ward C 2. The QI lead closes the survey; its results
 * show ward A, "Fewer than 5 responses" for ward C (too few) and for ward B (hidden with it, so
 * that the total minus ward A is not ward C alone), and the total; and the survey's measure
 * appears, with series for the total and ward A only. Every page passes axe-core.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  api,
  baseUrl,
  checkAccessibility,
  data,
  navigatedTo,
  openPage,
  pageErrors,
  pageReady,
} from './harness';

const QI_LEAD = 'demo.qilead@groundswell.invalid';
const TRUST = 'RF4';

/** Three wards of RF4 (or any units, if it has fewer wards). */
async function threeUnits(): Promise<{ id: string; name: string }[]> {
  const units = await data(
    api().GET('/api/v1/organisations/{ref}/units', { params: { path: { ref: TRUST } } }),
  );
  const all = units.items.flatMap(function flat(node): { id: string; name: string; kind: string }[] {
    return [node, ...node.children.flatMap(flat)];
  });
  const wards = all.filter((u) => u.kind === 'ward');
  const chosen = (wards.length >= 3 ? wards : all).slice(0, 3);
  if (chosen.length < 3) throw new Error('RF4 has fewer than three units');
  return chosen.map(({ id, name }) => ({ id, name }));
}

/** Whether the page is wider than the window (content that only scrolls sideways). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** Answers on an open answer page (no sign-in), and waits for the thanks. */
async function answerOnPage(page: Page, choice: 'Yes' | 'No' | 'Don’t know', comment = ''): Promise<void> {
  await page.getByLabel(choice, { exact: true }).check();
  if (comment !== '') await page.getByLabel('Anything you would like to add (optional)').fill(comment);
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  expect(pageErrors(page)).toEqual([]);
}

/** Answers through the API (as the page does), with no sign-in. */
async function answerByApi(path: string, answer: 'yes' | 'no' | 'dont_know', times: number): Promise<void> {
  const token = path.replace(/^\/s\//, '');
  for (let i = 0; i < times; i += 1) {
    const response = await fetch(new URL(`/api/v1/survey-links/${token}/responses`, baseUrl()), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer }),
    });
    expect(response.status).toBe(201);
  }
}

describe('experience surveys', () => {
  it('a survey collects anonymous answers through its links at phone width, and its measure appears with small groups suppressed', async () => {
    const [a, b, c] = await threeUnits();
    const lead = await openPage(`/organisations/${TRUST}/surveys`, { width: 375, as: QI_LEAD });
    await lead.setViewportSize({ width: 375, height: 812 });
    await checkAccessibility(lead, 'surveys at 375 px');

    const title = `Place to work ${new Date().toISOString()}`;
    await lead.getByLabel('Name', { exact: true }).fill(title);
    await lead.getByRole('button', { name: 'Start the survey' }).click();
    await lead.waitForURL((url) => /^\/surveys\/[0-9a-f-]{36}$/.test(url.pathname));
    await pageReady(lead);
    const surveyId = new URL(lead.url()).pathname.split('/')[2]!;
    expect(await lead.locator('h1').textContent()).toContain(title);
    await checkAccessibility(lead, 'a new survey at 375 px');

    // A link for each ward: its address and QR code are shown once.
    const paths: string[] = [];
    for (const unit of [a!, b!, c!]) {
      await lead.getByLabel('Unit', { exact: true }).selectOption(unit.id);
      await lead.getByRole('button', { name: 'Make a link' }).click();
      const card = lead.locator('.gs-survey-new-link');
      await card.getByRole('heading', { name: `Link for ${unit.name}` }).waitFor();
      await card
        .getByRole('img', {
          name: new RegExp(`QR code: .* for ${unit.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
        })
        .waitFor();
      const href = await card.locator('.gs-survey-address a').getAttribute('href');
      expect(href).toMatch(/^\/s\/[A-Za-z0-9_-]{43}$/);
      paths.push(href!);
    }
    expect(await overflowsSideways(lead)).toBe(false);
    await checkAccessibility(lead, 'a survey with a new link and its QR code at 375 px');

    // Answers with no sign-in, at phone width: the page itself, then the API it uses.
    const first = await openPage(paths[0]!, { width: 375 });
    expect(await first.locator('h1').textContent()).toContain('Would you recommend');
    expect(await overflowsSideways(first)).toBe(false);
    await checkAccessibility(first, 'survey answer page at 375 px');
    await answerOnPage(first, 'Yes', 'A kind and supportive team');
    await checkAccessibility(first, 'survey thank-you page at 375 px');
    // The next link in the same phone's browser.
    await first.goto(new URL(paths[2]!, baseUrl()).toString());
    await pageReady(first);
    await answerOnPage(first, 'No');
    await answerByApi(paths[0]!, 'yes', 4);
    await answerByApi(paths[0]!, 'no', 1);
    await answerByApi(paths[1]!, 'yes', 3);
    await answerByApi(paths[1]!, 'no', 2);
    await answerByApi(paths[2]!, 'yes', 1);

    // Closing the survey makes this month final and publishes it.
    await lead.reload();
    await pageReady(lead);
    await lead.getByRole('button', { name: 'Close the survey' }).click();
    await lead
      .getByRole('status')
      .filter({ hasText: 'The survey is closed and its results are published.' })
      .waitFor();
    const table = lead.locator('table.gs-survey-results').first();
    const row = (name: string): Locator =>
      table.locator('tr', { has: lead.getByRole('rowheader', { name, exact: true }) });
    await expect.poll(() => row(a!.name).textContent()).toContain('83.3% would recommend');
    expect(await row(b!.name).textContent()).toContain('Fewer than 5 responses');
    expect(await row(c!.name).textContent()).toContain('Fewer than 5 responses');
    expect(await row(c!.name).textContent()).not.toMatch(/\d+ yes/);
    expect(await row('All units').textContent()).toContain('69.2% would recommend');
    expect(await lead.getByText('A kind and supportive team').count()).toBe(1);
    await checkAccessibility(lead, 'survey results with suppressed groups at 375 px');

    // The measure: series for the total and ward A only, each with this month's point.
    const survey = await data(api().GET('/api/v1/surveys/{id}', { params: { path: { id: surveyId } } }));
    const rf4 = await data(api().GET('/api/v1/organisations/{ref}', { params: { path: { ref: TRUST } } }));
    const series = await data(
      api().GET('/api/v1/series', {
        params: { query: { organisationId: rf4.id, measureId: survey.measureId! } },
      }),
    );
    expect(series.items.map((s) => s.unitId).sort()).toEqual([null, a!.id].sort());
    await lead.getByRole('link', { name: 'The measure on the dashboard' }).click();
    await navigatedTo(lead, `/organisations/${rf4.id}`);
    await lead.getByText(title).first().waitFor();
    expect(pageErrors(lead)).toEqual([]);
  }, 600_000);
});
