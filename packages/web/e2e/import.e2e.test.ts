/**
 * The import wizard (/imports/new), in Chromium against the real server: a CSV of RF4's pressure
 * ulcers on Ward 22 with two mistakes (a count written in words, a date that does not exist) is
 * uploaded, its columns matched, its problems listed by row and column; the corrected file is
 * uploaded and checked again with the same columns, its preview counted, and imported, with the
 * progress and the result shown; the API then has the points. Every step passes axe-core and is
 * photographed at phone and desktop widths.
 *
 * The file holds the six months after the demo data end (April to September 2019) for one series
 * no other e2e test uses. Run again on the same database, the file changes nothing: the counts the
 * wizard should show are worked out from what the series holds before the run.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../src/api/client';
import {
  api,
  checkPage,
  data,
  DEMO_ANALYST,
  holdRequests,
  navigatedTo,
  openPage,
  pageErrors,
  screenshot,
} from './harness';

const MEASURE_CODE = 'demo-pressure-ulcers';
const MEASURE_NAME = 'Hospital-acquired pressure ulcers (synthetic demo data)';
const UNIT_NAME = 'Ward 22 (orthopaedics)';
const FILE_NAME = 'ward-22-pressure-ulcers.csv';
const HEADER = ['Month', 'Ward', 'Pressure ulcers'] as const;

/** The corrected file's rows: period and count. */
const ROWS: readonly (readonly [string, number])[] = [
  ['2019-04-01', 2],
  ['2019-05-01', 3],
  ['2019-06-01', 1],
  ['2019-07-01', 4],
  ['2019-08-01', 2],
  ['2019-09-01', 0],
];

function csv(rows: readonly (readonly [string, string])[]): Buffer {
  const lines = [HEADER.join(','), ...rows.map(([period, count]) => `${period},${UNIT_NAME},${count}`)];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The corrected file. */
const GOOD = csv(ROWS.map(([period, count]) => [period, String(count)]));
/**
 * The file as first sent: row 3 (the header is row 1) has its count in words, row 5 the 31st of
 * June for July.
 */
const BAD = csv(
  ROWS.map(([period, count], i) => [i === 3 ? '2019-06-31' : period, i === 1 ? 'three' : String(count)]),
);

/** Imports' status requests (`GET /api/v1/imports/:id`), which the wizard polls while a job runs. */
const IMPORT_STATUS = /\/api\/v1\/imports\/[^/?]+(\?.*)?$/;

let seriesId: string;
let rf4Name: string;
/** What importing the corrected file should do, given what the series holds before. */
const expected = { added: 0, changed: 0, unchanged: 0 };

async function storedPoints(id: string): Promise<Schema<'Observation'>[]> {
  const page = await data(
    api().GET('/api/v1/series/{id}/observations', {
      params: { path: { id }, query: { from: ROWS[0]![0], to: ROWS.at(-1)![0], limit: 100 } },
    }),
  );
  return page.items;
}

beforeAll(async () => {
  const board = await data(
    api().GET('/api/v1/organisations/{ref}/dashboard', { params: { path: { ref: 'RF4' } } }),
  );
  rf4Name = board.organisation.name;
  const series = board.series.find((s) => s.measure.code === MEASURE_CODE && s.unit?.name === UNIT_NAME);
  if (!series) throw new Error(`the demo data have no ${MEASURE_CODE} series of RF4's ${UNIT_NAME}`);
  seriesId = series.id;
  const stored = new Map((await storedPoints(seriesId)).map((o) => [o.period, o]));
  for (const [period, count] of ROWS) {
    const point = stored.get(period);
    if (point === undefined) expected.added++;
    else if (point.value === count && !point.ghost) expected.unchanged++;
    else expected.changed++;
  }
});

/** The text of each element as assistive technology reads it: without its aria-hidden parts. */
function spokenTexts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent.replace(/\s+/g, ' ').trim();
    }),
  );
}

/** Waits for the wizard's step: its h1 (which also says the step, "Import data: step 2 of 4"). */
async function waitForStep(page: Page, title: string, step: number | null): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.filter({ hasText: title }).waitFor();
  if (step !== null) expect(await heading.textContent()).toBe(`Import data: step ${step} of 4${title}`);
  expect(await page.title()).toBe(`${title} – Groundswell`);
}

/** An NHS summary list as term → description. */
async function summaryList(page: Page): Promise<Record<string, string>> {
  const list = page.locator('main dl.nhsuk-summary-list');
  const terms = await spokenTexts(list.locator('dt'));
  const descriptions = await spokenTexts(list.locator('dd'));
  return Object.fromEntries(terms.map((term, i) => [term, descriptions[i] ?? '']));
}

const points = (n: number): string => (n === 1 ? '1 point' : `${n} points`);

/**
 * The whole wizard, with axe-core at two widths on each of its six screens, can take more than the
 * e2e project's two minutes on a busy machine.
 */
const WIZARD_TIMEOUT_MS = 240_000;

describe('the import wizard', () => {
  it(
    'lists a file’s problems by row and column, checks the corrected file, and imports it',
    async () => {
      // Step 1: the organisation and the file.
      const page = await openPage('/imports/new', { as: DEMO_ANALYST });
      await waitForStep(page, 'Upload a file', 1);
      await checkPage(page, 'import step 1 upload');
      await page.getByLabel('Organisation', { exact: true }).selectOption('RF4');
      await page.getByLabel('File to import').setInputFiles({
        name: FILE_NAME,
        mimeType: 'text/csv',
        buffer: BAD,
      });
      await page.getByRole('button', { name: 'Upload file' }).click();

      // Step 2: what each column holds; no column names the measure, so it is chosen for every row.
      await waitForStep(page, 'Match the columns', 2);
      const badId = new URL(page.url()).searchParams.get('import');
      expect(badId).toBeTruthy();
      await page.getByText(`${FILE_NAME} has 3 columns and 6 rows of data.`).waitFor();
      const column = (name: string): Locator => page.getByRole('combobox', { name, exact: true });
      expect(await spokenTexts(page.locator('#column-0-hint'))).toEqual([
        'Column 1 of 3. First values: 2019-04-01, 2019-05-01, 2019-06-01',
      ]);
      await column('Month').selectOption({ label: 'Period (a date or month)' });
      await column('Ward').selectOption({ label: 'Unit or ward (its name or path)' });
      await column('Pressure ulcers').selectOption({ label: 'Value' });
      await page.getByLabel('Measure for every row').selectOption(MEASURE_CODE);
      await page
        .getByText(`${MEASURE_NAME} is a count measure: it needs a value column (whole numbers).`)
        .waitFor();
      expect(pageErrors(page)).toEqual([]);
      await checkPage(page, 'import step 2 columns');
      await page.getByRole('button', { name: 'Check the data' }).click();

      // Step 3: every row checked; the two problems, by spreadsheet row and column.
      await waitForStep(page, 'Fix the problems in the file', 3);
      const summary = page.locator('.nhsuk-error-summary');
      await summary.getByRole('heading', { name: 'There are 2 problems in the file' }).waitFor();
      expect(await summary.getByRole('listitem').allTextContents()).toEqual([
        '1 period that is not a date (“Month”)',
        '1 cell that is not a number (“Pressure ulcers”)',
      ]);
      const problems = page.getByRole('table', { name: /^Problems, by spreadsheet row/ });
      expect(await spokenTexts(problems.getByRole('columnheader'))).toEqual(['Row', 'Column', 'Problem']);
      const rows = problems.locator('tbody').getByRole('row');
      expect(await rows.count()).toBe(2);
      const cells = await Promise.all([0, 1].map((i) => spokenTexts(rows.nth(i).getByRole('cell'))));
      expect(cells.map((row) => row.slice(0, 2))).toEqual([
        ['3', 'Pressure ulcers'],
        ['5', 'Month'],
      ]);
      expect(cells[0]![2]).toMatch(/^"three" is not a number/);
      expect(cells[1]![2]).toMatch(/^"2019-06-31" is not a date/);
      // Nothing was written.
      expect((await storedPoints(seriesId)).length).toBe(expected.changed + expected.unchanged);
      expect(pageErrors(page)).toEqual([]);
      await checkPage(page, 'import step 3 problems');

      // The corrected file, checked with the same columns. The wizard polls the check's progress;
      // holding the polls keeps the progress on screen long enough to check it.
      let release = await holdRequests(page, IMPORT_STATUS);
      await page.getByLabel('Corrected file').setInputFiles({
        name: FILE_NAME,
        mimeType: 'text/csv',
        buffer: GOOD,
      });
      await page.getByRole('button', { name: 'Upload corrected file' }).click();
      await waitForStep(page, 'Checking the data', 3);
      const checking = page.getByRole('progressbar', { name: `Checking every row of ${FILE_NAME}` });
      await checking.waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^\d of 6 rows \(\d+%\)$/ })
        .waitFor();
      await checkPage(page, 'import step 3 checking');
      await release();

      // The preview: every row fine, and what the import will do.
      await waitForStep(page, 'Check what will be imported', 3);
      const goodId = new URL(page.url()).searchParams.get('import');
      expect(goodId).toBeTruthy();
      expect(goodId).not.toBe(badId);
      await page.getByText('Every row is fine. Nothing has been imported yet').waitFor();
      const preview = await summaryList(page);
      expect(preview).toMatchObject({
        File: FILE_NAME,
        Organisation: `${rf4Name} (RF4)`,
        'Rows read': '6',
        Series: '1',
        'Will add': points(expected.added),
        'Will leave unchanged': points(expected.unchanged),
      });
      expect(preview['Will change']).toMatch(new RegExp(`^${points(expected.changed)}`));
      expect(preview.Periods).toMatch(/^1 Apr 2019 to 1 Sept? 2019$/);
      if (expected.unchanged === ROWS.length) {
        // A later run on the same database: the very same file was imported before.
        await page.getByRole('heading', { name: 'This file was imported before' }).waitFor();
      }
      // The wrong file's upload was discarded when the corrected one replaced it.
      const discarded = await api().GET('/api/v1/imports/{id}', { params: { path: { id: badId! } } });
      expect(discarded.response.status).toBe(404);
      expect(pageErrors(page)).toEqual([]);
      await checkPage(page, 'import step 3 preview');

      // Step 4: the import runs (its progress held on screen again), then its result.
      release = await holdRequests(page, IMPORT_STATUS);
      await page.getByRole('button', { name: 'Import the data' }).click();
      await waitForStep(page, 'Importing the data', 4);
      await page.getByRole('progressbar', { name: `Importing ${FILE_NAME}` }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^\d of 6 rows \(\d+%\)$/ })
        .waitFor();
      await page.getByText('The rows are written together at the end, all or none.').waitFor();
      await checkPage(page, 'import step 4 importing');
      await release();

      await page.getByRole('heading', { level: 1, name: 'Import complete' }).waitFor();
      expect(await page.title()).toBe('Import complete – Groundswell');
      await page
        .getByText(
          `${points(expected.added)} added, ${expected.changed} changed, ${expected.unchanged} left unchanged`,
        )
        .waitFor();
      const result = await summaryList(page);
      expect(result).toMatchObject({
        File: FILE_NAME,
        'Rows read': '6',
        Added: points(expected.added),
        'Left unchanged': points(expected.unchanged),
      });
      expect(result.Changed).toMatch(new RegExp(`^${points(expected.changed)}`));
      await page.getByRole('link', { name: `See ${rf4Name}’s overview` }).waitFor();
      expect(await page.getByRole('link', { name: 'Import another file' }).getAttribute('href')).toBe(
        '/imports/new?organisation=RF4',
      );
      expect(pageErrors(page)).toEqual([]);
      await checkPage(page, 'import complete');

      // The API has the import's result and the points.
      const done = await data(api().GET('/api/v1/imports/{id}', { params: { path: { id: goodId! } } }));
      expect(done).toMatchObject({ status: 'succeeded', fileName: FILE_NAME, ...expected });
      const stored = await storedPoints(seriesId);
      expect(stored.map((o) => [o.period, o.value, o.ghost])).toEqual(
        ROWS.map(([period, count]) => [period, count, false]),
      );
      if (expected.added + expected.changed === ROWS.length) {
        expect(stored.map((o) => o.importId)).toEqual(ROWS.map(() => goodId));
      }
      const view = await data(
        api().GET('/api/v1/series/{id}/analysis', { params: { path: { id: seriesId } } }),
      );
      expect(view.analysis.points.at(-1)?.period).toBe(ROWS.at(-1)![0]);
      // RF4's dashboard (cached by the server) has the new latest point too.
      const board = await data(
        api().GET('/api/v1/organisations/{ref}/dashboard', { params: { path: { ref: 'RF4' } } }),
      );
      expect(board.series.find((s) => s.id === seriesId)?.latest).toMatchObject({
        period: ROWS.at(-1)![0],
        value: ROWS.at(-1)![1],
      });

      // What next: the imported measure on RF4's dashboard, Ward 22's card with its new latest month.
      const ofMeasure = board.series.filter((s) => s.measure.code === MEASURE_CODE);
      await page.getByRole('link', { name: `See the imported measure on ${rf4Name}’s dashboard` }).click();
      await navigatedTo(page, '/organisations/RF4');
      expect(new URL(page.url()).searchParams.get('measure')).toBe(MEASURE_CODE);
      const cards = page.getByRole('region', { name: 'Measures', exact: true });
      await cards
        .getByRole('status')
        .filter({ hasText: `Showing all ${ofMeasure.length} measures: ${MEASURE_NAME}.` })
        .waitFor();
      const figures = cards.getByRole('figure');
      expect(await figures.count()).toBe(ofMeasure.length);
      const hrefs = await figures
        .getByRole('heading', { level: 3 })
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.sort()).toEqual(ofMeasure.map((s) => `/series/${s.id}`).sort());
      const ward22 = figures.filter({
        has: page.getByRole('link', { name: new RegExp(UNIT_NAME.replace(/[()]/g, '\\$&')) }),
      });
      expect(await ward22.getByRole('definition').first().textContent()).toMatch(/\(Sep 2019\)$/);
      expect(pageErrors(page)).toEqual([]);
      await screenshot(page, 'import result on the dashboard');
    },
    WIZARD_TIMEOUT_MS,
  );
});
