/**
 * An analyst's journeys through the demo organisation RF4, in Chromium against the real server:
 * from the organisation list to RF4's summary matrix (its headers, its counts adding up to the
 * measures the page and the API count, a cell chosen as a filter), on to a measure's page (chart,
 * analysis in words, data table), adding a note and seeing it numbered on the chart and kept, and
 * recalculating the limits from a point and removing the recalculation again.
 *
 * The changes are made to one series no other e2e test uses: RF4's synthetic pressure ulcers on
 * Ward 14 (elderly care). Every run can repeat on the same database: the series' own SPC options
 * are cleared first (a run that failed half way may have left a recalculation), and each note
 * has its own text (notes cannot be deleted, so later runs find earlier notes and count them).
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../src/api/client';
import type { paths } from '../src/api/schema';
import {
  api,
  checkAccessibility,
  checkPage,
  data,
  DEMO_ANALYST,
  navigatedTo,
  openPage,
  pageErrors,
  pageReady,
  screenshot,
} from './harness';

/** The series the changes are made to. */
const MEASURE_CODE = 'demo-pressure-ulcers';
const MEASURE_NAME = 'Hospital-acquired pressure ulcers (synthetic demo data)';
const UNIT_NAME = 'Ward 14 (elderly care)';

/** The summary matrix's rows as the API names them, and as the page names them, in order. */
const ROWS = [
  ['improvement_high', 'Special cause improvement (high)'],
  ['improvement_low', 'Special cause improvement (low)'],
  ['neither_high', 'Special cause variation (high)'],
  ['neither_low', 'Special cause variation (low)'],
  ['common_cause', 'Common cause variation'],
  ['concern_high', 'Special cause concern (high)'],
  ['concern_low', 'Special cause concern (low)'],
  ['none', 'Too few points for SPC'],
] as const;

/** The summary matrix's columns (null: no assurance), as the page names them, in order. */
const COLUMNS = [
  ['pass', 'Consistently passing the target'],
  ['hit_or_miss', 'Hit or miss the target'],
  ['fail', 'Consistently failing the target'],
  [null, 'No target or no limits'],
] as const;

type SeriesAnalysis =
  paths['/api/v1/series/{id}/analysis']['get']['responses'][200]['content']['application/json'];

/** RF4's dashboard as the API answers it (every series, the matrix, the total). */
function dashboard(): Promise<Schema<'Dashboard'>> {
  return data(api().GET('/api/v1/organisations/{ref}/dashboard', { params: { path: { ref: 'RF4' } } }));
}

function analysisOf(id: string): Promise<SeriesAnalysis> {
  return data(api().GET('/api/v1/series/{id}/analysis', { params: { path: { id } } }));
}

async function annotationsOf(id: string): Promise<Schema<'Annotation'>[]> {
  return (await data(api().GET('/api/v1/series/{id}/annotations', { params: { path: { id } } }))).items;
}

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

/** `text` as a regular expression matching it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The number a text starts with ("15 measures…" → 15). */
function leadingNumber(text: string): number {
  const match = /^\s*(\d[\d,]*)/.exec(text);
  if (!match) throw new Error(`no number at the start of “${text.slice(0, 60)}”`);
  return Number(match[1]!.replaceAll(',', ''));
}

/** The measure page's SPC chart (the SVG the shared renderer drew). */
function chartOf(page: Page): Locator {
  return page.getByRole('region', { name: /^(SPC|Run) chart$/ }).locator('svg.spc-chart');
}

/** The tooltips (`<title>`) of the chart's elements of one CSS class, in document order. */
function titlesOf(chart: Locator, cls: string): Promise<string[]> {
  return chart
    .locator(`.${cls}`)
    .evaluateAll((elements) => elements.map((e) => e.querySelector(':scope > title')?.textContent ?? ''));
}

/** The path data of the chart's elements of one CSS class. */
function pathsOf(chart: Locator, cls: string): Promise<string[]> {
  return chart.locator(`.${cls}`).evaluateAll((elements) => elements.map((e) => e.getAttribute('d') ?? ''));
}

/** The data table's columns for a count measure with limits, in order. */
const POINT_COLUMNS = [
  'Period',
  'Value',
  'Mean',
  'Lower limit',
  'Upper limit',
  'Point type',
  'Ghosted',
  'Notes',
] as const;

type PointRow = Record<(typeof POINT_COLUMNS)[number], string>;

/**
 * The data table of the measure page (checking its column headings): each row's cells by column
 * heading, as the page shows them (without the visually hidden "None" of a point without notes).
 */
async function pointTable(page: Page): Promise<PointRow[]> {
  const table = page.getByRole('table', { name: /^Every point of the chart/ });
  expect(await spokenTexts(table.locator('thead th'))).toEqual(POINT_COLUMNS);
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.children].map((cell) => {
        const copy = cell.cloneNode(true) as Element;
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .gs-visually-hidden'))
          hidden.remove();
        return copy.textContent.replace(/\s+/g, ' ').trim();
      }),
    ),
  );
  return rows.map(
    (cells) => Object.fromEntries(POINT_COLUMNS.map((heading, i) => [heading, cells[i] ?? ''])) as PointRow,
  );
}

/** Waits for a form's status message ("Note added to June 2017."). */
async function waitForDone(form: Locator, text: string): Promise<void> {
  await form.getByRole('status').filter({ hasText: text }).waitFor();
}

let seriesId: string;
let rf4Name: string;

beforeAll(async () => {
  const board = await dashboard();
  rf4Name = board.organisation.name;
  const series = board.series.find((s) => s.measure.code === MEASURE_CODE && s.unit?.name === UNIT_NAME);
  if (!series) throw new Error(`the demo data have no ${MEASURE_CODE} series of RF4's ${UNIT_NAME}`);
  seriesId = series.id;
  // A run that stopped half way may have left a recalculation: start from the measure's options.
  const view = await analysisOf(seriesId);
  if (view.series.spcOptions !== null) {
    await data(
      api().PATCH('/api/v1/series/{id}', { params: { path: { id: seriesId } }, body: { spcOptions: null } }),
    );
  }
});

describe('from the organisation list to a measure of RF4', () => {
  it('opens RF4, reads its summary matrix, filters the cards by a cell and opens a measure', async () => {
    const board = await dashboard();
    const page = await openPage('/', { as: DEMO_ANALYST });
    await page.getByRole('link', { name: rf4Name, exact: true }).click();
    await navigatedTo(page, '/organisations/RF4');
    expect(await page.locator('h1').textContent()).toContain(rf4Name);
    const total = board.total;
    expect(total).toBeGreaterThan(0);
    await page.getByText(`${total} measures analysed with statistical process control`).waitFor();

    // The matrix: a table whose column headers are the assurance icons and row headers the
    // variation icons, in words.
    const matrix = page.getByRole('table', {
      name: /^Measures by variation \(rows\) and assurance \(columns\)/,
    });
    expect(await matrix.locator('caption').textContent()).toContain(`(${total} measures)`);
    expect(await spokenTexts(matrix.getByRole('columnheader'))).toEqual(COLUMNS.map(([, name]) => name));
    expect(await spokenTexts(matrix.getByRole('rowheader'))).toEqual(ROWS.map(([, name]) => name));

    // Each cell's count, as the page shows it; they add up to the measures the page and the API count.
    const bodyRows = matrix.locator('tbody tr');
    expect(await bodyRows.count()).toBe(ROWS.length);
    const shown = new Map<string, number>();
    for (const [r, [variation]] of ROWS.entries()) {
      const cells = await bodyRows.nth(r).getByRole('cell').allTextContents();
      expect(cells).toHaveLength(COLUMNS.length);
      for (const [c, [assurance]] of COLUMNS.entries())
        shown.set(`${variation}/${assurance}`, leadingNumber(cells[c]!));
    }
    const sum = [...shown.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBe(total);
    for (const cell of board.matrix)
      expect(shown.get(`${cell.variation}/${cell.assurance}`), `${cell.variation}/${cell.assurance}`).toBe(
        cell.count,
      );
    await page
      .getByRole('status')
      .filter({ hasText: `Showing all ${total} measures.` })
      .waitFor();
    expect(
      await page.getByRole('region', { name: 'Measures', exact: true }).getByRole('figure').count(),
    ).toBe(total);

    // Choosing the cell that holds the ward's pressure ulcers shows only that cell's measures.
    const chosen = board.matrix.find((cell) => cell.seriesIds.includes(seriesId))!;
    const r = ROWS.findIndex(([variation]) => variation === chosen.variation);
    const c = COLUMNS.findIndex(([assurance]) => assurance === chosen.assurance);
    const rowName = ROWS[r]![1];
    const columnName = COLUMNS[c]![1];
    const cellLink = bodyRows.nth(r).getByRole('cell').nth(c).getByRole('link').first();
    const plural = chosen.count === 1 ? 'measure' : 'measures';
    expect(await cellLink.getAttribute('aria-label')).toBe(
      `Show ${chosen.count} ${plural}: ${rowName}, ${columnName.toLowerCase()}`,
    );
    await cellLink.click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('variation') === chosen.variation &&
        url.searchParams.get('assurance') === (chosen.assurance ?? 'none'),
    );
    const cards = page.getByRole('region', { name: 'Measures', exact: true });
    const status = cards.getByRole('status');
    await status
      .filter({
        hasText: `Showing ${chosen.count} of ${total} measures: ${rowName.toLowerCase()}, ${columnName.toLowerCase()}.`,
      })
      .waitFor();
    // Focus moves to the cards' heading, and the cell says it is the one shown.
    await page.waitForFunction(() => document.activeElement?.id === 'measures');
    const selected = bodyRows.nth(r).getByRole('cell').nth(c).getByRole('link').first();
    expect(await selected.getAttribute('aria-current')).toBe('true');
    expect(await selected.getAttribute('aria-label')).toMatch(/^Showing /);
    const cardLinks = cards.getByRole('figure').getByRole('heading', { level: 3 }).getByRole('link');
    expect(await cardLinks.count()).toBe(chosen.count);
    const hrefs = await cardLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(chosen.seriesIds.map((id) => `/series/${id}`).sort());
    await cards.getByRole('link', { name: 'Show every cell' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await screenshot(page, 'journey RF4 matrix cell chosen');

    // Open the ward's measure from its card.
    // (Its visually hidden ", Ward 14 (elderly care)" is absolutely positioned, so laid out as a
    // block: the link's accessible name has a space before the comma.)
    await cards
      .getByRole('link', { name: new RegExp(`^${escape(MEASURE_NAME)} ?, ${escape(UNIT_NAME)}$`) })
      .click();
    await navigatedTo(page, `/series/${seriesId}`);
    const view = await analysisOf(seriesId);
    const n = view.analysis.points.length;
    expect(n).toBeGreaterThan(20);
    expect(await page.locator('h1').textContent()).toContain(MEASURE_NAME);
    await page.getByText(`${rf4Name} · ${UNIT_NAME}`).first().waitFor();

    // The analysis in words: the icons' names, and the description of the chart.
    const words = page.getByRole('region', { name: 'What the chart shows' });
    await words.getByText('Common cause variation; no target').waitFor();
    const description = (await words.locator('.gs-analysis-words').textContent()) ?? '';
    expect(description).toContain(`c chart (counts), ${n} points from April 2016 to`);
    expect(description).toContain('The mean is 2.25 pressure ulcers');

    // The chart: one marker per point, the centre line and limits, a legend, no recalculation.
    const chart = chartOf(page);
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('.point').count()).toBe(n);
    expect(await titlesOf(chart, 'line-mean')).toEqual(['Mean: 2.25 pressure ulcers']);
    expect(await titlesOf(chart, 'line-upper-limit')).toEqual(['Upper process limit: 6.75 pressure ulcers']);
    expect(await titlesOf(chart, 'line-lower-limit')).toEqual(['Lower process limit: 0 pressure ulcers']);
    expect(await chart.locator('.rebase').count()).toBe(0);
    expect(await chart.locator('.legend').textContent()).toContain('Process limits');

    // The data table: every point, oldest first, with the same values as the API.
    const table = await pointTable(page);
    expect(table).toHaveLength(n);
    expect(table[0]).toMatchObject({
      Period: 'Apr 2016',
      Value: `${view.analysis.points[0]!.value} pressure ulcers`,
      Mean: '2.25 pressure ulcers',
      'Lower limit': '0 pressure ulcers',
      'Upper limit': '6.75 pressure ulcers',
    });
    expect(table.map((row) => row.Value)).toEqual(
      view.analysis.points.map((p) => `${p.value} pressure ulcers`),
    );
    expect(pageErrors(page)).toEqual([]);
    await checkPage(page, 'journey measure page');
  });
});

describe('changing a measure’s chart', () => {
  it('adds a note through the form, numbered on the chart and in the list, kept after a reload', async () => {
    const period = '2017-06-01';
    const text = `Tissue viability nurse joined the ward (e2e ${Date.now().toString(36)})`;
    const before = await annotationsOf(seriesId);
    const page = await openPage(`/series/${seriesId}`, { as: DEMO_ANALYST });
    const chart = chartOf(page);
    expect(await chart.locator('.annotation').count()).toBe(before.length);

    const form = page.getByRole('form', { name: 'Add a note' });
    await form.getByLabel('Period').selectOption(period);
    await form.getByLabel('Note').fill(text);
    await form.getByRole('button', { name: 'Add note' }).click();
    await waitForDone(form, 'Note added to June 2017.');

    /** The note's number, its list item, its marker on the chart and its table row, on the page as it is. */
    const checkNote = async (): Promise<number> => {
      const notes = page.getByRole('region', { name: 'Notes' });
      const item = notes.getByRole('listitem').filter({ hasText: text });
      await item.waitFor();
      const spoken = (await item.textContent()) ?? '';
      const number = Number(/Note (\d+),/.exec(spoken)?.[1]);
      // Signed by the signed-in person.
      expect(spoken).toContain(`June 2017: ${text} — Demo QI lead`);
      expect(await notes.getByRole('listitem').count()).toBe(before.length + 1);
      // On the chart: a numbered marker on the point, and the note in the list under the plot.
      const marker = chart.locator('.annotation').filter({ hasText: String(number) });
      await marker.first().waitFor();
      expect(await titlesOf(chart, 'annotation')).toContain(`Note ${number}: ${text}`);
      expect(await chart.locator('.annotation').count()).toBe(before.length + 1);
      expect(await chart.locator('.notes').textContent()).toContain(text);
      const row = (await pointTable(page)).find((r) => r.Period === 'Jun 2017');
      expect(row?.Notes).toContain(`Note ${number}`);
      return number;
    };
    const number = await checkNote();
    expect(number).toBeGreaterThanOrEqual(1);
    // Kept: the API has it, and a reload shows it again with the same number.
    const after = await annotationsOf(seriesId);
    expect(after.filter((note) => note.text === text)).toMatchObject([{ period, author: 'Demo QI lead' }]);
    await page.reload();
    await pageReady(page);
    expect(await checkNote()).toBe(number);
    expect(pageErrors(page)).toEqual([]);
    await checkAccessibility(page, 'measure page with a new note');
    await screenshot(page, 'journey measure note added');
  });

  it('recalculates the limits from a point, shows the new limits, and removes the recalculation', async () => {
    const page = await openPage(`/series/${seriesId}`, { as: DEMO_ANALYST });
    const chart = chartOf(page);
    const upperBefore = await titlesOf(chart, 'line-upper-limit');
    const meanBefore = await pathsOf(chart, 'line-mean');
    const tableBefore = await pointTable(page);
    expect(upperBefore).toHaveLength(1);
    expect(await chart.locator('.rebase').count()).toBe(0);

    const form = page.getByRole('form', { name: 'Recalculate the limits from a point' });
    await form.getByLabel('Recalculate the limits from').selectOption('2018-01-01');
    await form.getByRole('button', { name: 'Recalculate limits' }).click();
    await waitForDone(form, 'Limits recalculated from January 2018.');

    // A separator where the new limits start, and a second partition's lines of its own.
    await chart.locator('.rebase').first().waitFor({ state: 'attached' });
    expect(await titlesOf(chart, 'rebase')).toEqual(['Limits recalculated from Jan 2018']);
    const upperAfter = await titlesOf(chart, 'line-upper-limit');
    expect(upperAfter).toHaveLength(2);
    expect(upperAfter[0]).not.toBe(upperAfter[1]);
    expect(upperAfter[1]).not.toBe(upperBefore[0]);
    expect(await pathsOf(chart, 'line-mean')).toHaveLength(2);
    expect(await pathsOf(chart, 'line-lower-limit')).toHaveLength(2);

    // The table says so, and its limits change at January 2018; the words mention it.
    const table = await pointTable(page);
    const at = table.findIndex((row) => row.Period.startsWith('Jan 2018'));
    expect(at).toBeGreaterThan(0);
    await page
      .getByRole('rowheader', { name: 'Jan 2018 Limits recalculated from here', exact: true })
      .waitFor();
    expect(table[at]!['Upper limit']).not.toBe(table[at - 1]!['Upper limit']);
    expect(table[at]!.Mean).not.toBe(tableBefore[at]!.Mean);
    expect(table.filter((row) => row.Period.includes('recalculated'))).toHaveLength(1);
    const view = await analysisOf(seriesId);
    expect(view.series.spcOptions?.rebaseAt).toEqual(['2018-01-01']);
    expect(view.analysis.partitions).toHaveLength(2);
    // The table's latest limit is the second partition's, as the chart's line and the API give it.
    const latestUpper = table.at(-1)!['Upper limit'];
    expect(`Upper process limit: ${latestUpper}`).toBe(upperAfter[1]);
    expect(Number.parseFloat(latestUpper)).toBeCloseTo(view.analysis.partitions[1]!.upperLimit!, 2);
    const words = page.getByRole('region', { name: 'What the chart shows' });
    expect(await words.locator('.gs-analysis-words').textContent()).toMatch(/recalculated/i);
    await form.getByText('Limits are recalculated from').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await checkAccessibility(page, 'measure page with recalculated limits');
    await screenshot(page, 'journey measure limits recalculated');

    // Removing it brings back the one set of limits.
    await form.getByRole('button', { name: 'Remove the recalculation from January 2018' }).click();
    await waitForDone(form, 'The recalculation from January 2018 is removed.');
    await chart.locator('.rebase').waitFor({ state: 'detached' });
    expect(await titlesOf(chart, 'line-upper-limit')).toEqual(upperBefore);
    expect(await pathsOf(chart, 'line-mean')).toEqual(meanBefore);
    const tableAfter = await pointTable(page);
    expect(tableAfter.map((row) => [row.Period, row.Mean, row['Upper limit']])).toEqual(
      tableBefore.map((row) => [row.Period, row.Mean, row['Upper limit']]),
    );
    expect((await analysisOf(seriesId)).series.spcOptions?.rebaseAt ?? []).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await checkAccessibility(page, 'measure page after the recalculation was removed');
  });
});
