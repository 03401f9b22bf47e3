/**
 * The audit log and who may change what, in Chromium against the real server (demo data): the
 * demo QI lead adds a note to one of RF4's synthetic charts and ghosts a point and includes it again,
 * opens the audit log from the header, filters it by action, person and today's date, and finds
 * each change with its summary and the fields that changed before and after. A signed-out visitor
 * sees "Sign in to …" on the measure page (no forms) and on the audit log; the demo improver is
 * told the audit log needs the role of QI lead, executive or administrator. Every page passes
 * axe-core at phone and desktop widths.
 *
 * Every run can repeat on the same database: the note has its own text, and the point ghosted is
 * included again at once (both changes stay in the log, which is append-only).
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../src/api/client';
import {
  api,
  baseUrl,
  checkPage,
  data,
  DEMO_ANALYST,
  navigatedTo,
  openPage,
  pageErrors,
  pageReady,
} from './harness';

const DEMO_NAME = 'Demo QI lead';
const AUDIT = '/organisations/RF4/audit';

/** A series of RF4 the public may read (the public dashboard's first with points). */
let publicSeriesId: string;
/**
 * The series the QI lead changes: a synthetic demo series (not the public A&E charts, not the
 * journeys' Ward 14 pressure ulcers), so that the notes left by every run stay out of public view.
 */
let seriesId: string;
let measureName: string;

beforeAll(async () => {
  const response = await fetch(new URL('/api/v1/organisations/RF4/dashboard', baseUrl()));
  expect(response.status).toBe(200);
  const board = (await response.json()) as Schema<'Dashboard'>;
  const open = board.series.find((s) => s.pointCount >= 2);
  if (open === undefined) throw new Error('RF4 has no public series with points in the demo data');
  publicSeriesId = open.id;
  const all = await data(
    api().GET('/api/v1/organisations/{ref}/dashboard', { params: { path: { ref: 'RF4' } } }),
  );
  const mine = all.series.find(
    (s) =>
      s.measure.code.startsWith('demo-') &&
      s.measure.code !== 'demo-pressure-ulcers' &&
      s.measure.visibility !== 'public' &&
      s.pointCount >= 2,
  );
  if (mine === undefined) throw new Error('RF4 has no internal or private synthetic series in the demo data');
  seriesId = mine.id;
  measureName = mine.measure.name;
});

/** Today in the browser's time zone (the pages run in Europe/London), as a date input takes it. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** The rows of an event's table of changed fields: field, before, after. */
async function changedFields(event: Locator): Promise<string[][]> {
  const rows = await event.getByRole('row').all();
  const out: string[][] = [];
  for (const row of rows.slice(1)) {
    const cells = await row.locator('th, td').all();
    out.push(
      await Promise.all(
        cells.map(async (cell) => (await cell.locator(':scope > span').last().textContent()) ?? ''),
      ),
    );
  }
  return out;
}

/** Waits until a form's status says `text`. */
async function waitForDone(form: Locator, text: string): Promise<void> {
  await form.getByRole('status').filter({ hasText: text }).waitFor();
}

/** Applies the audit log's filters and waits for the filtered list. */
async function filter(
  page: Page,
  { action, person, from, to }: { action: string; person: string; from: string; to: string },
): Promise<void> {
  await page.getByLabel('Action', { exact: true }).selectOption(action);
  await page.getByLabel('Person', { exact: true }).selectOption({ label: person });
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((url) => url.searchParams.get('action') === action);
  await pageReady(page);
  await page.waitForFunction(() => document.activeElement?.id === 'audit-results-heading');
}

describe('the audit log', () => {
  it('shows the QI lead’s changes, filtered, with what each changed before and after', async () => {
    const text = `Audit trail check (e2e ${Date.now().toString(36)})`;
    const page = await openPage(`/series/${seriesId}`, { as: DEMO_ANALYST });

    // A note on the latest point.
    const note = page.getByRole('form', { name: 'Add a note' });
    await note.getByLabel('Note').fill(text);
    await note.getByRole('button', { name: 'Add note' }).click();
    await waitForDone(note, 'Note added');

    // Ghost the latest point, then include it again: two changes with a before and an after.
    const ghost = page.getByRole('form', { name: 'Ghost a point, or include it again' });
    const period = await ghost.getByLabel('Point').inputValue();
    await ghost.getByRole('button', { name: 'Ghost this point' }).click();
    await waitForDone(ghost, 'is ghosted');
    await ghost.getByRole('button', { name: 'Include this point again' }).click();
    await waitForDone(ghost, 'is included in the calculations again');

    // From the header to the organisation's audit log.
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Audit log' }).click();
    await navigatedTo(page, AUDIT);
    expect(await page.locator('h1').textContent()).toContain('Audit log');
    await page.locator('.gs-audit-event').first().waitFor();
    await checkPage(page, 'audit log');

    // Only notes by the QI lead today: the new note is there, with its text as the change.
    await filter(page, { action: 'annotation.create', person: DEMO_NAME, from: today(), to: today() });
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBe(today());
    expect(url.searchParams.get('actor')).toMatch(/^[0-9a-f-]{36}$/);
    const events = page.locator('.gs-audit-event');
    const noteEvent = events.filter({ hasText: text });
    await noteEvent.waitFor();
    for (const item of await events.all()) {
      expect(await item.textContent()).toContain(`Who${DEMO_NAME}, signed in`);
      expect(await item.textContent()).toContain('Note added (annotation.create)');
    }
    expect(await noteEvent.getByRole('heading', { level: 3 }).textContent()).toContain(measureName);
    const noteFields = await changedFields(noteEvent);
    expect(noteFields).toContainEqual(['Text', 'nothing', text]);
    expect(noteFields).toContainEqual(['Series ID', 'nothing', seriesId]);
    expect(await noteEvent.textContent()).not.toContain('{"');
    await checkPage(page, 'audit log filtered');

    // The ghosting, newest first: included again (yes → no), then ghosted (no → yes).
    await filter(page, { action: 'observation.ghost', person: DEMO_NAME, from: today(), to: today() });
    const ghostEvents = events.filter({ hasText: period });
    await ghostEvents.first().waitFor();
    expect(await changedFields(ghostEvents.nth(0))).toEqual([['Ghost', 'yes', 'no']]);
    expect(await changedFields(ghostEvents.nth(1))).toEqual([['Ghost', 'no', 'yes']]);
    expect(await ghostEvents.nth(0).getByRole('heading', { level: 3 }).textContent()).toMatch(
      /^Brought back/,
    );
    // The chart the change was made to, one click away.
    expect(
      await ghostEvents
        .nth(0)
        .getByRole('link', { name: /Open the chart/ })
        .getAttribute('href'),
    ).toBe(`/series/${seriesId}`);
    expect(pageErrors(page)).toEqual([]);
  });

  it('tells the demo improver which roles may read the log', async () => {
    const page = await openPage(AUDIT, { as: 'demo.improver@groundswell.invalid' });
    await page.getByText(/You need the role of QI lead, executive or administrator/).waitFor();
    expect(await page.locator('.gs-audit-event').count()).toBe(0);
    expect(
      await page
        .getByRole('navigation', { name: 'Account' })
        .getByRole('link', { name: 'Audit log' })
        .count(),
    ).toBe(0);
    await checkPage(page, 'audit log role needed');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('signed out', () => {
  it('sees “Sign in” instead of the forms on a measure page, and on the audit log', async () => {
    const page = await openPage(`/series/${publicSeriesId}`);
    const link = page.getByRole('link', { name: 'Sign in to add a note or change this chart' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(
      `/sign-in?next=${encodeURIComponent(`/series/${publicSeriesId}`)}`,
    );
    expect(await page.getByRole('form', { name: 'Add a note' }).count()).toBe(0);
    expect(await page.getByLabel('Note', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Set target' }).count()).toBe(0);
    await checkPage(page, 'measure page signed out');

    // The link goes to sign in, and back here afterwards.
    await link.click();
    await navigatedTo(page, '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/series/${publicSeriesId}`);

    await page.goto(new URL(AUDIT, baseUrl()).toString());
    await pageReady(page);
    await page.getByRole('link', { name: 'Sign in to read the audit log' }).waitFor();
    expect(await page.locator('.gs-audit-event').count()).toBe(0);
    await checkPage(page, 'audit log signed out');
    expect(pageErrors(page)).toEqual([]);
  });
});
