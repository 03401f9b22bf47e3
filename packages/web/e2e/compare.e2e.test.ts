/**
 * Learning from the best (issue 9), in Chromium against the real server with the demo data: an
 * analyst (the demo QI lead of RF4) opens the A&E 4-hour comparison, goes on to its funnel plot,
 * chooses type 1 departments, finds the positive outlier (the demo's synthetic provider,
 * demo/outlier-projects.ts), and follows it to its project in the library. Their own organisation
 * is marked in the table. The funnel page passes axe-core at phone and desktop widths, and a
 * member of the public reads it at phone width without the page scrolling sideways.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
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

const TYPE_1 = 'Type 1 A&E (major emergency department)';
const OUTLIER = 'Riverside Hospitals (synthetic demo data)';
const PROJECT = 'Every patient seen within four hours: streaming at the front door (synthetic demo data)';

/** Two axe runs and screenshots of a page of some 140 organisations: about 4 minutes on a busy machine. */
const JOURNEY_TIMEOUT_MS = 480_000;

let measureId: string;

beforeAll(async () => {
  const measures = await data(
    api().GET('/api/v1/measures', { params: { query: { shared: 'true', limit: 500 } } }),
  );
  const fourHour = measures.items.find((m) => m.code === 'ae-4-hour');
  if (fourHour === undefined) throw new Error('the demo data have no A&E 4-hour measure');
  measureId = fourHour.id;
});

/** Whether the page is wider than the window (content that only scrolls sideways). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe('learning from the best', () => {
  it(
    'an analyst opens the A&E funnel and follows a positive outlier to its published project',
    async () => {
      const page = await openPage(`/measures/${measureId}/compare`, { as: DEMO_ANALYST });
      await page.getByRole('link', { name: /on a funnel plot/ }).click();
      await navigatedTo(page, `/measures/${measureId}/funnel`);
      expect(await page.locator('h1').textContent()).toContain('A&E 4-hour performance');

      // Type 1 departments, the latest period, limits widened for overdispersion.
      await page.getByLabel(new RegExp(`^${TYPE_1.replace(/[()&]/g, '.')}`)).check();
      await page.getByRole('button', { name: 'Show the funnel plot' }).click();
      await page.getByRole('heading', { level: 2, name: TYPE_1 }).waitFor();
      await page.locator('.gs-funnel-chart svg[role="img"]').waitFor();
      expect(await page.locator('figcaption').textContent()).toMatch(/widened to allow for it/);

      // The analyst's own organisation is marked in the table.
      const mine = page.locator('tr.gs-funnel-mine');
      expect(await mine.count()).toBe(1);
      expect(await mine.textContent()).toContain('Your organisation');
      expect(await page.locator('.point-highlight').count()).toBeGreaterThan(0);

      // The positive outlier, first among the outliers, with its project.
      const outliers = page.getByRole('region', { name: 'Outliers' });
      expect(await outliers.textContent()).toContain(`${OUTLIER} is better than expected`);
      const row = page.locator('tr', { has: page.getByRole('rowheader', { name: OUTLIER }) });
      expect(await row.textContent()).toContain('Better than expected (outlier)');
      await checkPage(page, 'funnel plot');

      await outliers.getByRole('link', { name: PROJECT }).click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor();
      expect(await page.locator('main').textContent()).toContain(
        'Streaming at the front door by a senior nurse',
      );
      await checkAccessibility(page, 'the outlier’s project');
      expect(pageErrors(page)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'a member of the public reads the funnel at phone width',
    async () => {
      const page = await openPage(
        `/measures/${measureId}/funnel?unit=${encodeURIComponent(TYPE_1)}&window=12-months`,
        {
          width: 375,
        },
      );
      await page.locator('.gs-funnel-chart svg[role="img"]').waitFor();
      expect(await page.getByRole('table').count()).toBe(1);
      expect(await page.locator('tr.gs-funnel-mine').count()).toBe(0);
      expect(await overflowsSideways(page)).toBe(false);
      expect(await page.getByRole('region', { name: 'Outliers' }).textContent()).toContain(OUTLIER);
      await checkAccessibility(page, 'funnel plot at phone width');
      expect(pageErrors(page)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
