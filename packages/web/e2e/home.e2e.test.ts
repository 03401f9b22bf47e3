/**
 * The organisation list (the home page) and the frame around every page, in Chromium against the
 * real server with the demo data: the list, search, keyboard-only use, opening an organisation and
 * an unknown address. Each page is checked with axe-core and photographed at phone and desktop
 * widths (the organisation page's axe-core check is in routes.e2e.test.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, checkPage, data, navigatedTo, openPage, pageErrors, PHONE, screenshot } from './harness';

/** The demo data's organisations, as the API lists them (the page asks for the first 500). */
async function organisations(search?: string): Promise<{ odsCode: string; name: string }[]> {
  const page = await data(
    api().GET('/api/v1/organisations', { params: { query: { limit: 500, ...(search ? { search } : {}) } } }),
  );
  return page.items;
}

/**
 * The page's status message ("274 organisations") once it says exactly `text` (while a new search
 * loads, the previous list and count stay on screen).
 */
async function waitForStatus(page: Page, text: string): Promise<void> {
  const exactly = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.locator('main [role="status"]').filter({ hasText: exactly }).waitFor();
}

/** The focused element, described: its tag, id and text. */
function focused(page: Page): Promise<{ tag: string; id: string; text: string; href: string | null }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: element?.textContent.trim() ?? '',
      href: element?.getAttribute('href') ?? null,
    };
  });
}

describe('the organisation list', () => {
  it('lists the demo data organisations, each a link to its page', async () => {
    const expected = await organisations();
    expect(expected.length).toBeGreaterThan(200); // the demo data: 274 A&E providers
    const page = await openPage('/');

    expect(await page.locator('h1').textContent()).toBe('Organisations');
    expect(await page.title()).toBe('Organisations – Groundswell');
    await waitForStatus(page, `${expected.length} organisations`);
    const links = page.locator('main li a[href^="/organisations/"]');
    expect(await links.count()).toBe(expected.length);
    const rf4 = expected.find((org) => org.odsCode === 'RF4')!;
    expect(await page.getByRole('link', { name: rf4.name, exact: true }).getAttribute('href')).toBe(
      '/organisations/RF4',
    );
    expect(pageErrors(page)).toEqual([]);
    await checkPage(page, 'home organisation list');
  });

  it('narrows the list to the organisations matching a search, and says when none match', async () => {
    const page = await openPage('/', { width: PHONE });
    const search = page.getByLabel('Search by name or ODS code');
    await search.fill('RF4');
    await search.press('Enter');

    await waitForStatus(page, '1 organisation matching “RF4”');
    expect(new URL(page.url()).searchParams.get('q')).toBe('RF4');
    const [rf4] = await organisations('RF4');
    expect(await page.locator('main li a[href^="/organisations/"]').allTextContents()).toEqual([rf4!.name]);
    await checkPage(page, 'home search');

    await search.fill('no such organisation');
    await search.press('Enter');
    await page.getByText('No organisation matches “no such organisation”.').waitFor();
    expect(await page.locator('main li a[href^="/organisations/"]').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await checkPage(page, 'home search without results');
  });

  it('opens an organisation page from the list', async () => {
    const page = await openPage('/');
    const [rf4] = await organisations('RF4');
    await page.getByRole('link', { name: rf4!.name, exact: true }).click();
    await navigatedTo(page, '/organisations/RF4');

    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).not.toContain('there is a problem');
    expect(await page.title()).toMatch(/ – Groundswell$/);
    expect(pageErrors(page)).toEqual([]);
    // axe-core checks this page in routes.e2e.test.ts.
    await screenshot(page, 'organisation page opened from the list');
  });
});

describe('keyboard only', () => {
  it('reaches the skip link first, which moves focus to the main content', async () => {
    const page = await openPage('/');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({
      tag: 'a',
      text: 'Skip to main content',
      href: '#maincontent',
    });
    // Shown when focused (it is off screen until then).
    const box = await page.locator('a.nhsuk-skip-link').boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.width > 1 && box.height > 1).toBe(true);
    await screenshot(page, 'home skip link focused');

    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('maincontent');
    // The next Tab continues from the main content: its first control, the search box.
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('organisation-search');
  });

  it('searches and opens an organisation with the keyboard alone', async () => {
    const page = await openPage('/', { width: PHONE });
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Enter'); // to the main content
    await page.keyboard.press('Tab'); // the search box
    await page.keyboard.type('RF4');
    await page.keyboard.press('Enter');
    await waitForStatus(page, '1 organisation matching “RF4”');

    // From the search box: its button, then the one result.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Search');
    await page.keyboard.press('Tab');
    expect((await focused(page)).href).toBe('/organisations/RF4');
    await page.keyboard.press('Enter');
    await navigatedTo(page, '/organisations/RF4');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('an unknown address', () => {
  it('shows "Page not found" with a way back to the organisations', async () => {
    const page = await openPage('/no/such/page');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.title()).toBe('Page not found – Groundswell');
    expect(pageErrors(page)).toEqual([]);
    await checkPage(page, 'page not found');

    await page.getByRole('link', { name: 'Go to the list of organisations' }).click();
    await navigatedTo(page, '/');
    expect(await page.locator('h1').textContent()).toBe('Organisations');
  });
});
