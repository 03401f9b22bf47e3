/**
 * The public pages in Chromium against the real server with the demo data (issue 9): a member of
 * the public, not signed in, reads the demo trust's public page on a phone (375 px wide): its
 * introduction, each published measure explained in plain English with a chart, the page fitting
 * the screen and working without JavaScript; follows a link to one measure's page, with its chart,
 * explanation, downloads and embed code; and the stable SVG address to embed returns an SVG that
 * another site may show. The index of organisations, the organisation page, a series page and the
 * embed page pass axe-core at phone and desktop widths. The demo executive then changes the
 * introduction in the app's settings page and sees it on the public page (and puts it back).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, checkPage, openPage, pageErrors, pageReady } from './harness';

const TRUST = 'RF4';
const PHONE = 375;
const EXECUTIVE = 'demo.executive@groundswell.invalid';
const HEADLINES =
  /This is normal variation|This has improved|This needs attention|This has changed|There is not enough data yet/;

function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe('the public pages', () => {
  it('a member of the public reads a public page on a phone, follows a measure and embeds its chart', async () => {
    const page = await openPage(`/public/${TRUST}`, { width: PHONE });
    await expect(page.title()).resolves.toMatch(/: published results \| Groundswell$/);
    await expect(page.locator('meta[name="description"]').getAttribute('content')).resolves.toBeTruthy();
    await expect(page.locator('h1').textContent()).resolves.toContain(TRUST);
    // Written by the demo data (packages/server/src/demo/public.ts).
    await expect(page.locator('main').textContent()).resolves.toContain('We publish how long patients wait');
    const cards = page.locator('#measures ~ ul .gs-card');
    expect(await cards.count()).toBeGreaterThan(0);
    await expect(cards.first().locator('.gs-tag').textContent()).resolves.toMatch(HEADLINES);
    await expect(cards.first().locator('svg[role="img"]').count()).resolves.toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    expect(await overflowsSideways(page)).toBe(false);
    await checkPage(page, 'public organisation page');

    // A measure's page, by its link.
    const link = cards.first().locator('h4 a');
    const name = (await link.textContent()) ?? '';
    await page.setViewportSize({ width: PHONE, height: 740 });
    await link.click();
    await page.waitForURL((url) => /^\/public\/RF4\/series\/[0-9a-f-]{36}$/.test(url.pathname));
    await pageReady(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(name);
    await expect(page.locator('.gs-panel h2').textContent()).resolves.toMatch(HEADLINES);
    await expect(page.locator('figure.gs-chart svg[role="img"]:visible').count()).resolves.toBe(1);
    await expect(page.locator('a[href$="/data.csv"]').count()).resolves.toBe(1);
    expect(await overflowsSideways(page)).toBe(false);
    const seriesPath = new URL(page.url()).pathname;
    await checkPage(page, 'public series page');

    // The stable SVG address, as the embed code gives it, answers an SVG other sites may show.
    const code = (await page.locator('#embed ~ pre code').first().textContent()) ?? '';
    const src = /src="([^"]+)"/.exec(code)?.[1];
    expect(src).toBe(new URL(`${seriesPath}/chart.svg`, baseUrl()).toString());
    const svg = await page.request.get(src!);
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(svg.headers()['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await svg.text()).startsWith('<svg')).toBe(true);
    expect(pageErrors(page)).toEqual([]);

    const embed = await openPage(`${seriesPath}/embed`, { width: PHONE });
    await checkPage(embed, 'public embed page');
    const index = await openPage('/public', { width: PHONE });
    await expect(index.locator(`a[href="/public/${TRUST}"]`).count()).resolves.toBe(1);
    await checkPage(index, 'public index');
  }, 480_000);

  it('the executive changes the introduction in the settings page, and the public page shows it', async () => {
    const settings = await openPage(`/organisations/${TRUST}/public-profile`, { as: EXECUTIVE });
    const field = settings.locator('#public-introduction');
    const before = await field.inputValue();
    const words = `E2E introduction ${Date.now()}`;
    await field.fill(words);
    await settings.getByRole('button', { name: 'Save the public page settings' }).click();
    await settings.getByRole('status').filter({ hasText: 'saved' }).waitFor();
    await checkPage(settings, 'public page settings');
    try {
      const page = await openPage(`/public/${TRUST}`, { width: PHONE });
      await expect(page.locator('main').textContent()).resolves.toContain(words);
    } finally {
      await field.fill(before);
      await Promise.all([
        settings.waitForResponse(
          (response) => response.url().endsWith('/public-profile') && response.request().method() === 'PUT',
        ),
        settings.getByRole('button', { name: 'Save the public page settings' }).click(),
      ]);
    }
  }, 300_000);
});
