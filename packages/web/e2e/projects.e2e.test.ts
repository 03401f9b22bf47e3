/**
 * QI projects in Chromium against a real server (issue 7).
 *
 * 1. A nurse at phone width (375 × 812), the demo staff member of RF4, finds the projects from her
 *    organisation's page, starts a project on a ward, builds a small driver diagram (a primary
 *    driver, a secondary driver linked to it with the checkboxes, a change idea linked from the
 *    secondary driver as it is added), links one of the ward's measures, records two PDSA cycles
 *    starting in two of the series' periods, and sees both marked on the project's chart.
 * 2. A finished project is published to the library (set up through the API as RF4's demo QI
 *    lead); then someone of another organisation searches the library, opens it and copies it to
 *    their organisation. Another organisation's member is a real account (made through the first
 *    run's set-up link and an invitation), and the first real account closes demo sign-in for
 *    good: so this journey runs on a server of its own, as members.e2e.test.ts does.
 *
 * Every new page passes axe-core. Each run names its project with the time, so the shared
 * database can be used again.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { webDir } from '../../../scripts/vitest-global-setup';
import {
  api,
  checkAccessibility,
  checkPage,
  data,
  navigatedTo,
  openPage,
  pageErrors,
  pageReady,
} from './harness';

const STAFF = 'demo.staff@groundswell.invalid';
const QI_LEAD = 'demo.qilead@groundswell.invalid';
const TRUST = 'RF4';
const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Loading the demo data takes about 20 s alone, much longer on a busy machine. */
const READY_TIMEOUT_MS = 300_000;

/** Whether the page is wider than the window (content that only scrolls sideways). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The id of the project whose page is open. */
function projectIdOf(page: Page): string {
  const match = /\/projects\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  if (match === null) throw new Error(`not a project page: ${page.url()}`);
  return match[1]!;
}

/** A ward of RF4 with at least one series of 10 points or more that staff may read. */
async function wardWithSeries(): Promise<{ id: string; name: string }> {
  const units = await data(
    api().GET('/api/v1/organisations/{ref}/units', { params: { path: { ref: TRUST } } }),
  );
  const wards = units.items.flatMap(function flat(node): { id: string; name: string; kind: string }[] {
    return [node, ...node.children.flatMap(flat)];
  });
  for (const ward of wards.filter((u) => u.kind === 'ward')) {
    const board = await data(
      api().GET('/api/v1/organisations/{ref}/dashboard', {
        params: { path: { ref: TRUST }, query: { unit: ward.id } },
      }),
    );
    if (board.series.some((s) => s.pointCount >= 10 && s.measure.visibility !== 'private'))
      return { id: ward.id, name: ward.name };
  }
  throw new Error('RF4 has no ward with a series of 10 points');
}

describe('QI projects', () => {
  it('a nurse at phone width starts a project on her ward, builds a driver diagram, records two PDSA cycles and sees them on the chart', async () => {
    const ward = await wardWithSeries();
    const page = await openPage(`/organisations/${TRUST}`, { width: 375, as: STAFF });
    await page.setViewportSize({ width: 375, height: 812 });

    // From the organisation's page to its projects, then "Start a project".
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await navigatedTo(page, `/organisations/${TRUST}/projects`);
    expect(await page.locator('h1').textContent()).toContain('QI projects');
    await page.getByRole('region', { name: 'By stage' }).waitFor();
    await checkAccessibility(page, 'projects portfolio at 375 px');
    await page.getByRole('link', { name: 'Start a project' }).click();
    await navigatedTo(page, `/organisations/${TRUST}/projects/new`);
    await checkAccessibility(page, 'start a project at 375 px');

    const title = `Fewer falls at night ${new Date().toISOString()}`;
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Unit', { exact: true }).selectOption(ward.id);
    await page.getByLabel('The problem', { exact: true }).fill('Falls at night have doubled since spring.');
    await page.getByLabel('What will improve', { exact: true }).fill('Reduce falls at night');
    await page.getByLabel('By how much', { exact: true }).fill('by 30%');
    await page.getByLabel('By when', { exact: true }).fill('2027-03-31');
    await page.getByRole('button', { name: 'Start the project' }).click();
    await page.waitForURL((url) => /^\/projects\/[0-9a-f-]{36}$/.test(url.pathname));
    await pageReady(page);
    expect(pageErrors(page)).toEqual([]);
    const id = projectIdOf(page);
    expect(await page.locator('h1').textContent()).toContain(title);
    await page.getByText('Reduce falls at night by 30% by 31 March 2027').first().waitFor();
    expect(await page.locator('main').textContent()).toContain('Demo ward nurse (staff) (lead)');

    // The driver diagram: a primary driver, then a secondary driver linked to it with the checkboxes.
    const primary = page.getByRole('region', { name: 'Primary drivers' });
    await primary.getByLabel('New primary driver').fill('Safe staffing at night');
    await primary.getByRole('button', { name: 'Add the primary driver' }).click();
    await primary.getByText('Safe staffing at night', { exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Added the primary driver “Safe staffing at night”.' })
      .waitFor({ state: 'attached' });

    const secondary = page.getByRole('region', { name: 'Secondary drivers' });
    await secondary.getByLabel('New secondary driver').fill('Falls risk at every handover');
    await secondary.getByRole('button', { name: 'Add the secondary driver' }).click();
    await secondary.getByText('Falls risk at every handover', { exact: true }).waitFor();
    await primary.getByRole('button', { name: 'Links: Safe staffing at night' }).click();
    await primary
      .getByRole('group', { name: 'Link “Safe staffing at night” to secondary drivers' })
      .getByLabel('Falls risk at every handover')
      .check();
    await secondary.getByText('From: Safe staffing at night').waitFor();

    // A change idea, linked from the secondary driver as it is added.
    const ideas = page.getByRole('region', { name: 'Change ideas' });
    await ideas.getByLabel('New change idea').fill('Safety huddle at 22:00');
    await ideas.getByLabel('Linked from (optional)').selectOption({ label: 'Falls risk at every handover' });
    await ideas.getByRole('button', { name: 'Add the change idea' }).click();
    await ideas.getByText('From: Falls risk at every handover').waitFor();
    const diagram = await data(
      api().GET('/api/v1/projects/{id}/driver-diagram', { params: { path: { id } } }),
    );
    expect(diagram.links).toHaveLength(2);
    expect(diagram.columns.change_idea.map((n) => n.text)).toEqual(['Safety huddle at 22:00']);
    await checkAccessibility(page, 'project with a driver diagram at 375 px');

    // The same diagram drawn by the server: the picture on the page, and the SVG file to download.
    await page.getByText('See the driver diagram as a picture').click();
    const picture = page.locator('.gs-diagram-picture img');
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBeGreaterThan(0);
    const download = page.getByRole('link', { name: 'Download the driver diagram (SVG)' });
    const svg = await page.request.get(
      new URL((await download.getAttribute('href'))!, page.url()).toString(),
    );
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(svg.headers()['content-disposition']).toContain('attachment');
    expect(await svg.text()).toContain('huddle');
    await page.getByText('See the driver diagram as a picture').click();

    // A measure of the ward, as the outcome.
    await page.getByLabel('Measure', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel(/^Outcome:/).check();
    await page.getByRole('button', { name: 'Link the measure' }).click();
    const measures = page.getByRole('region', { name: 'Measures', exact: true });
    await measures.getByText('Outcome:', { exact: true }).waitFor();
    const story = await data(api().GET('/api/v1/projects/{id}', { params: { path: { id } } }));
    expect(story.measures).toHaveLength(1);
    expect(story.measures[0]!.unitId).toBe(ward.id);
    const analysis = await data(
      api().GET('/api/v1/series/{id}/analysis', { params: { path: { id: story.measures[0]!.seriesId } } }),
    );
    const periods = analysis.analysis.points.map((p) => String(p.period));
    const measureName = analysis.measure.name;
    const starts = [periods.at(-4)!, periods.at(-2)!];

    // Two PDSA cycles of the change idea, starting in two of the series' periods.
    const cycles = page.getByRole('region', { name: 'PDSA cycles' });
    for (const [k, start] of starts.entries()) {
      await cycles.getByRole('button', { name: 'Record a PDSA cycle: Safety huddle at 22:00' }).click();
      const form = cycles.getByRole('form', { name: 'Record a PDSA cycle for “Safety huddle at 22:00”' });
      await form.getByLabel('Title', { exact: true }).fill(`Huddle test ${k + 1}`);
      await form.getByLabel('Plan', { exact: true }).fill('Huddle at 22:00 for a week on nights.');
      await form.getByLabel('Prediction', { exact: true }).fill('No falls that week.');
      await form.getByLabel('Started on', { exact: true }).fill(start);
      await form.getByRole('button', { name: 'Record the cycle' }).click();
      await cycles.getByRole('heading', { name: `PDSA ${k + 1}: Huddle test ${k + 1}` }).waitFor();
    }

    // Both cycles are marked on the chart of the measure, on the points of their periods.
    const chart = page.getByRole('region', { name: new RegExp(measureName.replace(/[()]/g, '.')) });
    await chart.locator('svg .annotation').nth(1).waitFor({ state: 'attached' });
    const badges = await chart.locator('svg .annotation title').allTextContents();
    expect(badges.filter((b) => b.includes('PDSA 1: Huddle test 1'))).toHaveLength(1);
    expect(badges.filter((b) => b.includes('PDSA 2: Huddle test 2'))).toHaveLength(1);
    const charts = await data(api().GET('/api/v1/projects/{id}/charts', { params: { path: { id } } }));
    const marks = charts.items[0]!.annotations.filter((a) => a.source === 'pdsa');
    expect(marks.map((m) => m.index)).toEqual([periods.length - 4, periods.length - 2]);
    expect(await overflowsSideways(page)).toBe(false);
    await checkPage(page, 'project with PDSA cycles on the chart');

    // The portfolio lists it, at its ward.
    await page.getByRole('link', { name: 'QI projects' }).first().click();
    await navigatedTo(page, `/organisations/${TRUST}/projects`);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain(ward.name);
    expect(pageErrors(page)).toEqual([]);
  }, 300_000);
});

/** A server of this file's own, with its demo data, and the first run's set-up link. */
interface OwnServer {
  readonly url: string;
  readonly setupToken: string;
  stop(): Promise<void>;
}

async function startOwnServer(): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'groundswell-e2e-projects-'));
  const child: ChildProcess = spawn(process.execPath, [join(root, 'packages/cli/dist/bin.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      GROUNDSWELL_DATA_DIR: dataDir,
      GROUNDSWELL_WEB_DIR: webDir(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      resolve();
    }),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const found = await new Promise<{ url: string; setupToken: string }>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`the server was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`));
      }, READY_TIMEOUT_MS);
      const collect = (chunk: Buffer): void => {
        output = (output + chunk.toString()).slice(-20_000);
        const ready = /Groundswell ready at (http:\/\/[^\s"]+)/.exec(output);
        const setup = /setup\?token=([A-Za-z0-9_-]+)/.exec(output);
        if (ready && setup) {
          clearTimeout(timer);
          resolve({ url: ready[1]!, setupToken: setup[1]! });
        }
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the server exited before it was ready:\n${output}`));
      });
    });
    return { ...found, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Sends a change as the session of `request` (its cookie), with its CSRF token; fails unless 2xx. */
async function send(
  request: APIRequestContext,
  base: string,
  csrf: string,
  method: 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await request.fetch(new URL(path, base).toString(), {
    method,
    headers: { 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

let own: OwnServer | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await own?.stop();
}, 60_000);

describe('the library of published projects', () => {
  it(
    'a finished project is published; someone of another organisation finds it, opens it and copies it',
    async () => {
      const context = inject('e2e');
      if (!context.ok) throw new Error(context.problem);
      [own, browser] = await Promise.all([startOwnServer(), chromium.connect(context.wsEndpoint)]);
      const base = own.url;
      const newContext = (): ReturnType<Browser['newContext']> =>
        browser!.newContext({
          viewport: { width: 1280, height: 900 },
          locale: 'en-GB',
          timezoneId: 'Europe/London',
          reducedMotion: 'reduce',
        });

      // RF4's demo QI lead finishes and publishes a project (through the API, while demo sign-in is open).
      const lead = await newContext();
      const signedIn = await lead.request.post(new URL('/api/v1/auth/demo-sign-in', base).toString(), {
        data: { email: QI_LEAD },
      });
      expect(signedIn.ok()).toBe(true);
      const csrf = ((await signedIn.json()) as { csrfToken: string }).csrfToken;
      const project = await send(
        lead.request,
        base,
        csrf,
        'POST',
        `/api/v1/organisations/${TRUST}/projects`,
        {
          title: 'Discharge before noon on the medical wards',
          problem: 'Patients waited for discharge letters until late afternoon, and A&E waited for beds.',
          aimWhat: 'Discharge patients before noon',
          aimHowMuch: 'half of them',
          aimByWhen: '2026-06-30',
          topics: ['discharge', 'patient flow'],
        },
      );
      const pid = project.id as string;
      const primary = await send(lead.request, base, csrf, 'POST', `/api/v1/projects/${pid}/driver-nodes`, {
        kind: 'primary',
        text: 'Plan discharge from admission',
      });
      const secondary = await send(lead.request, base, csrf, 'POST', `/api/v1/projects/${pid}/driver-nodes`, {
        kind: 'secondary',
        text: 'Expected date of discharge on the board',
        linkFrom: primary.id,
      });
      const idea = await send(lead.request, base, csrf, 'POST', `/api/v1/projects/${pid}/driver-nodes`, {
        kind: 'change_idea',
        text: 'Discharge letters written the day before',
        linkFrom: secondary.id,
      });
      await send(
        lead.request,
        base,
        csrf,
        'POST',
        `/api/v1/projects/${pid}/change-ideas/${String(idea.id)}/cycles`,
        {
          title: 'Letters the day before on one ward',
          prediction: 'Half of discharges before noon',
          startedOn: '2025-03-03',
          study: 'Four in ten before noon, up from one in ten.',
          decision: 'adopt',
          endedOn: '2025-03-31',
        },
      );
      await send(lead.request, base, csrf, 'PATCH', `/api/v1/projects/${pid}`, {
        stage: 'complete',
        lessons: 'Writing the discharge letter the day before mattered more than any other change.',
      });
      await send(lead.request, base, csrf, 'POST', `/api/v1/projects/${pid}/publish`);

      // The first real account (closing demo sign-in on this server): a platform administrator,
      // who invites a nurse to another organisation of the demo data.
      const adminContext = await newContext();
      const setup = await adminContext.request.post(new URL('/api/v1/auth/setup', base).toString(), {
        data: {
          token: own.setupToken,
          email: 'platform.admin@example.nhs.uk',
          displayName: 'Platform administrator',
          password: 'a long enough admin password',
        },
      });
      if (!setup.ok()) throw new Error(`setup: ${setup.status()} ${await setup.text()}`);
      const adminCsrf = ((await setup.json()) as { csrfToken: string }).csrfToken;
      const list = await adminContext.request.get(new URL('/api/v1/organisations?limit=50', base).toString());
      const organisations = (
        (await list.json()) as { items: { odsCode: string; name: string; kind: string }[] }
      ).items;
      const other = organisations.find((o) => o.odsCode !== TRUST && o.kind === 'provider');
      if (other === undefined) throw new Error('the demo data have no other provider');
      const invitation = await send(
        adminContext.request,
        base,
        adminCsrf,
        'POST',
        `/api/v1/organisations/${other.odsCode}/invitations`,
        { email: 'nurse.elsewhere@example.nhs.uk', role: 'staff' },
      );
      const token = String(invitation.path).split('/').at(-1)!;

      // The nurse joins the other organisation, and searches the library.
      const nurse = await newContext();
      const accepted = await nurse.request.post(
        new URL(`/api/v1/invitations/${token}/accept`, base).toString(),
        {
          data: { displayName: 'Nurse Elsewhere', password: 'a long enough nurse password' },
        },
      );
      if (!accepted.ok()) throw new Error(`accepting: ${accepted.status()} ${await accepted.text()}`);
      const page = await nurse.newPage();
      const thrown: string[] = [];
      page.on('pageerror', (error) => thrown.push(error.stack ?? error.message));
      await page.goto(new URL('/', base).toString());
      await pageReady(page);
      await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Library' }).click();
      await navigatedTo(page, '/library');
      await page.getByLabel('Words to search for').fill('discharge letters');
      await page.getByLabel('Topic').fill('discharge');
      await page.getByRole('button', { name: 'Search' }).click();
      const result = page.getByRole('link', { name: 'Discharge before noon on the medical wards' });
      await result.waitFor();
      const card = page.getByRole('listitem').filter({ has: result });
      expect(await card.textContent()).toContain('Writing the discharge letter the day before');
      expect(await card.textContent()).toContain(
        'Discharge patients before noon half of them by 30 June 2026',
      );
      await checkAccessibility(page, 'library with a search');

      // Nothing matches another topic.
      await page.getByLabel('Topic').fill('sepsis');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText(/No published projects match/).waitFor();
      await page.getByLabel('Topic').fill('discharge');
      await page.getByRole('button', { name: 'Search' }).click();

      // The published project, read-only for her, with its story; she copies it.
      await result.click();
      await navigatedTo(page, `/projects/${pid}`);
      expect(await page.locator('h1').textContent()).toContain('Discharge before noon on the medical wards');
      await page
        .getByRole('heading', { name: 'PDSA 1: Letters the day before on one ward (adopt)' })
        .waitFor();
      expect(await page.getByRole('button', { name: /Move up/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Record a PDSA cycle/ }).count()).toBe(0);
      await checkPage(page, 'published project read by another organisation');
      const copy = page.getByRole('form', { name: 'Copy to my organisation' });
      expect(await copy.textContent()).toContain(`in ${other.name}`);
      await copy.getByRole('button', { name: 'Copy to my organisation' }).click();
      await page.waitForURL(
        (url) => /^\/projects\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(pid),
      );
      await pageReady(page);
      expect(await page.locator('h1').textContent()).toContain('Discharge before noon on the medical wards');
      expect(await page.locator('h1').textContent()).toContain(other.name);
      await page
        .getByRole('region', { name: 'Change ideas' })
        .getByText('Discharge letters written the day before', { exact: true })
        .waitFor();
      // She leads the copy: she may record cycles on it.
      await page
        .getByRole('button', { name: 'Record a PDSA cycle: Discharge letters written the day before' })
        .waitFor();
      await checkAccessibility(page, 'copied project');
      expect(thrown).toEqual([]);
    },
    READY_TIMEOUT_MS + 180_000,
  );
});

describe('managing a project from its page', () => {
  it('a nurse who leads a project, at phone width, manages its team, creates a measure for it, changes who may see it and deletes a PDSA cycle', async () => {
    // Set up through the API as RF4's demo QI lead: a project with a change idea and one cycle, the nurse its lead.
    const nurse = (
      await data(
        api().GET('/api/v1/organisations/{ref}/people', {
          params: { path: { ref: TRUST }, query: { q: 'Demo ward nurse' } },
        }),
      )
    ).items[0]!;
    expect(nurse.name).toBe('Demo ward nurse (staff)');
    expect(nurse).not.toHaveProperty('email');
    const title = `Team and measures ${new Date().toISOString()}`;
    const project = await data(
      api().POST('/api/v1/organisations/{ref}/projects', {
        params: { path: { ref: TRUST } },
        body: { title, aimWhat: 'Fewer falls at night' },
      }),
    );
    const id = project.id;
    await data(
      api().POST('/api/v1/projects/{id}/team', {
        params: { path: { id } },
        body: { userId: nurse.id, role: 'lead' },
      }),
    );
    const idea = await data(
      api().POST('/api/v1/projects/{id}/driver-nodes', {
        params: { path: { id } },
        body: { kind: 'change_idea', text: 'Night huddle' },
      }),
    );
    await data(
      api().POST('/api/v1/projects/{id}/change-ideas/{nodeId}/cycles', {
        params: { path: { id, nodeId: idea.id } },
        body: { title: 'First night huddle', startedOn: '2026-10-01' },
      }),
    );

    const page = await openPage(`/projects/${id}`, { width: 375, as: STAFF });
    await page.setViewportSize({ width: 375, height: 812 });
    const team = page.getByRole('region', { name: 'Team', exact: true });

    // The people picker: find the demo analyst by name and add them as a member.
    const add = team.getByRole('form', { name: 'Add someone to the team' });
    await add.getByLabel('Find a person by name').fill('analyst');
    await add
      .getByLabel('Person', { exact: true })
      .locator('option', { hasText: 'Demo analyst (improver)' })
      .waitFor({ state: 'attached' });
    await add.getByLabel('Person', { exact: true }).selectOption({ label: 'Demo analyst (improver)' });
    await add.getByLabel('Their part').selectOption('member');
    await add.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByText('Added Demo analyst (improver) to the team as member.').waitFor();
    await checkAccessibility(page, 'project team at 375 px');

    // Change their part, then remove them.
    const analyst = team.getByRole('form', { name: 'Demo analyst (improver)’s part' });
    await analyst.getByLabel('Demo analyst (improver)', { exact: true }).selectOption('coach');
    await analyst.getByRole('button', { name: 'Change the part of Demo analyst (improver)' }).click();
    await page.getByText('Demo analyst (improver) is now coach of the project.').waitFor();
    await analyst.getByText('Now: coach').waitFor();
    await analyst.getByRole('button', { name: 'Remove Demo analyst (improver) from the team' }).click();
    await page.getByText('Demo analyst (improver) is no longer in the team.').waitFor();
    await analyst.waitFor({ state: 'detached' });

    // The QI lead steps out; the nurse is then the last lead, and may not stop being one.
    await team.getByRole('button', { name: 'Remove Demo QI lead from the team' }).click();
    await page.getByText('Demo QI lead is no longer in the team.').waitFor();
    await team.getByRole('form', { name: 'Demo QI lead’s part' }).waitFor({ state: 'detached' });
    const own = team.getByRole('form', { name: 'Demo ward nurse (staff)’s part' });
    await own.getByLabel('Demo ward nurse (staff)', { exact: true }).selectOption('member');
    await own.getByRole('button', { name: 'Change the part of Demo ward nurse (staff)' }).click();
    await team.getByText(/a project needs a lead/i).waitFor();
    const after = await data(api().GET('/api/v1/projects/{id}', { params: { path: { id } } }));
    expect(after.team.map((m) => [m.displayName, m.role])).toEqual([['Demo ward nurse (staff)', 'lead']]);

    // A measure made for the project, linked as its outcome measure.
    const create = page.getByRole('form', { name: 'Create a measure for the project' });
    await create.getByLabel('What is measured').fill(`Falls at night (${title})`);
    await create.getByLabel('What kind of number').selectOption('count');
    await create.getByLabel('Which way is better').selectOption('decrease');
    await create.getByLabel('How often').selectOption('week');
    await create.getByLabel('What it shows').selectOption('outcome');
    await create.getByRole('button', { name: 'Create the measure' }).click();
    await page.getByText(`Created Falls at night (${title}) as outcome measure`).waitFor();
    await page
      .getByRole('region', { name: 'Measures', exact: true })
      .getByRole('link', { name: `Falls at night (${title})` })
      .waitFor();
    await checkAccessibility(page, 'project measure created at 375 px');

    // Who may see it.
    const visibility = page.getByRole('form', { name: 'Who may see the project' });
    await visibility.getByLabel('Private').check();
    await visibility.getByRole('button', { name: 'Save who may see it' }).click();
    await page.getByText('The project is now private.').waitFor();
    expect((await data(api().GET('/api/v1/projects/{id}', { params: { path: { id } } }))).visibility).toBe(
      'private',
    );

    // Deleting a PDSA cycle asks first.
    await page.getByRole('button', { name: 'Delete PDSA 1: First night huddle' }).click();
    await page.getByRole('heading', { name: 'Delete PDSA 1: First night huddle?' }).waitFor();
    await checkAccessibility(page, 'delete a PDSA cycle at 375 px');
    await page.getByRole('button', { name: 'Yes, delete the cycle' }).click();
    await page.getByText('Deleted the PDSA cycle “First night huddle”').waitFor();
    expect((await data(api().GET('/api/v1/projects/{id}', { params: { path: { id } } }))).cycles).toEqual([]);

    expect(await overflowsSideways(page)).toBe(false);
    await checkPage(page, 'project managed by its lead');
    expect(pageErrors(page)).toEqual([]);
  }, 300_000);
});
