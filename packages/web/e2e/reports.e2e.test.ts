/**
 * Board reports in Chromium against a real server (issue 9): a board member — the demo chief
 * executive of RF4 — opens the trust's board reports, runs the monthly report (the latest month
 * with data), reads it as a page (the summary matrix as a table, each measure's chart with its text
 * alternative and commentary), issues it, and downloads the issued PDF: a real PDF with its pages.
 * The issued report then reads the same at phone width. Every page passes axe-core.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkAccessibility, openPage, pageErrors, pageReady } from './harness';

const EXECUTIVE = 'demo.executive@groundswell.invalid';
const TRUST = 'RF4';

/** The pages of a PDF file, counted from its page objects (pdfkit writes them uncompressed). */
function pdfPages(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

describe('board reports', () => {
  it('a board member issues the monthly report and downloads the PDF', async () => {
    const page = await openPage(`/organisations/${TRUST}/reports`, { as: EXECUTIVE });
    expect(await page.locator('h1').textContent()).toContain('Board reports');
    await checkAccessibility(page, 'board reports');

    await page.getByRole('link', { name: 'Monthly board report' }).click();
    await page.waitForURL((url) => /^\/reports\/[0-9a-f-]{36}$/.test(url.pathname));
    await pageReady(page);
    const title = (await page.locator('h1').textContent()) ?? '';
    const month = /: (\w+ \d{4})$/.exec(title)?.[1];
    expect(month, title).toBeDefined();

    // The report as a page: the matrix as a table, domains as headings, charts with their words.
    const matrix = page.getByRole('table', { name: /Measures by variation/ });
    await matrix.waitFor();
    expect(await matrix.getByRole('columnheader').count()).toBe(4);
    expect(await page.getByRole('heading', { level: 2, name: 'Safety' }).count()).toBe(1);
    const sections = page.locator('article.gs-report-section');
    expect(await sections.count()).toBeGreaterThan(10);
    const first = sections.first();
    expect(await first.locator('.gs-report-chart svg[role="img"]').count()).toBe(1);
    expect(await first.getByRole('heading', { level: 4, name: 'What the chart shows' }).count()).toBe(1);
    await page
      .locator('p.gs-report-section__commentary')
      .filter({ hasText: /The streaming pilot at the front door/ })
      .waitFor();
    await checkAccessibility(page, 'board report');

    // Issue it, then download the issued PDF.
    await page.getByRole('button', { name: `Issue the report for ${month!}` }).click();
    const done = page.getByRole('status').filter({ hasText: /Issued version \d+ of “Monthly board report”/ });
    const problem = page.locator('p.nhsuk-error-message[role="alert"]');
    // Issuing renders the whole PDF on the server: on a busy machine it takes a while.
    await Promise.race([
      done.waitFor({ timeout: 240_000 }),
      problem.waitFor({ timeout: 240_000 }).then(async () => {
        throw new Error(`issuing failed: ${(await problem.textContent()) ?? ''}`);
      }),
    ]);
    const pdf = await downloaded(page, () =>
      page.getByRole('link', { name: 'Download the issued PDF' }).click(),
    );
    expect(pdf.name).toMatch(new RegExp(`^${TRUST}-monthly-board-report-\\d{4}-\\d{2}-v\\d+\\.pdf$`));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf.bytes)).toBeGreaterThan(10);
    expect(pageErrors(page)).toEqual([]);

    // The issued report, listed and readable as issued, at phone width too.
    const versions = page.getByRole('table', { name: /Issued versions/ });
    await versions.waitFor();
    await page.getByRole('link', { name: 'Read the issued report' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/issued-reports/'));
    await pageReady(page);
    expect(await page.locator('h1').textContent()).toContain(`Monthly board report: ${month!}`);
    await page.getByText(/This is the report exactly as it was issued/).waitFor();
    await checkAccessibility(page, 'issued board report');
    const issuedPath = new URL(page.url()).pathname;
    const phone = await openPage(issuedPath, { as: EXECUTIVE, width: 375 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkAccessibility(phone, 'issued board report at 375 px');
    const again = await downloaded(phone, () =>
      phone.getByRole('link', { name: /Download the PDF/ }).click(),
    );
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
  }, 600_000);
});
