/**
 * What every e2e file uses: pages of the one Groundswell server under test in the one shared
 * Chromium (both started by global-setup.ts), the API of that server, axe-core checks and
 * screenshots.
 *
 * Importing this module registers two hooks in the importing file: after each test the pages it
 * opened are closed; after the file, its connection to the browser.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import createClient from 'openapi-fetch';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Cookie, Page, Route } from 'playwright-core';
import { afterAll, afterEach, inject } from 'vitest';
import type { paths } from '../src/api/schema';
import './context';

export { data } from '../src/api/client';

/** The widths every page is checked and photographed at: a small phone and a desktop. */
export const PHONE = 360;
export const DESKTOP = 1280;
export const WIDTHS = [PHONE, DESKTOP] as const;

/** Where screenshots go (gitignored; kept as test artefacts by CI). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** The server's address, or the reason there is none (Chromium missing) as this test's failure. */
export function baseUrl(): string {
  const context = inject('e2e');
  if (!context.ok) throw new Error(context.problem);
  return context.baseUrl;
}

/**
 * The demo user the journeys act as: the demo QI lead, who reads the demo trust's internal and
 * private measures, annotates, analyses and imports (the public sees only public measures).
 */
export const DEMO_ANALYST = 'demo.qilead@groundswell.invalid';

let analystToken: Promise<string> | undefined;

/** A read-write API token of DEMO_ANALYST, made once per file (demo sign-in, then POST /auth/tokens). */
function demoAnalystToken(): Promise<string> {
  analystToken ??= (async () => {
    const base = baseUrl();
    const signIn = await fetch(new URL('/api/v1/auth/demo-sign-in', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ANALYST }),
    });
    if (!signIn.ok) throw new Error(`demo sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const made = await fetch(new URL('/api/v1/auth/tokens', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'e2e tests', scopes: ['read', 'write'] }),
    });
    if (made.status !== 201)
      throw new Error(`making an API token failed: ${made.status} ${await made.text()}`);
    return ((await made.json()) as { token: string }).token;
  })();
  return analystToken;
}

/** A typed client of the server's API (`data(api().GET('/api/v1/…'))`), as DEMO_ANALYST. */
export function api(): ReturnType<typeof createClient<paths>> {
  const client = createClient<paths>({ baseUrl: baseUrl() });
  client.use({
    async onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${await demoAnalystToken()}`);
      return request;
    },
  });
  return client;
}

let browser: Promise<Browser> | undefined;
const contexts = new Set<BrowserContext>();
const errors = new WeakMap<Page, string[]>();

function connect(): Promise<Browser> {
  const context = inject('e2e');
  if (!context.ok) return Promise.reject(new Error(context.problem));
  browser ??= chromium.connect(context.wsEndpoint);
  return browser;
}

afterEach(async () => {
  const open = [...contexts];
  contexts.clear();
  await Promise.all(open.map((context) => context.close()));
});

afterAll(async () => {
  const connected = browser;
  browser = undefined;
  if (connected) await (await connected).close();
});

/** A page's height at `width`: a phone's or a laptop's screen (screenshots take the whole page). */
const heightAt = (width: number): number => (width < 600 ? 740 : 900);

/** Each demo user's session cookies, reused by later pages of this test file while still signed in. */
const demoSessions = new Map<string, Cookie[]>();

/**
 * Signs `context` in as the demo user `email`: with the session an earlier page of this file made,
 * while the server still knows it, else with a new demo sign-in (the server allows 10 a minute for
 * one address and account).
 */
async function signInDemo(context: BrowserContext, email: string): Promise<void> {
  const cached = demoSessions.get(email);
  if (cached !== undefined) {
    await context.addCookies(cached);
    const session = await context.request.get(new URL('/api/v1/auth/session', baseUrl()).toString());
    const user = session.ok() ? ((await session.json()) as { user: { email: string } | null }).user : null;
    if (user?.email === email) return;
    await context.clearCookies();
  }
  // The context's request client shares its cookies: the page starts signed in.
  const signedIn = await context.request.post(new URL('/api/v1/auth/demo-sign-in', baseUrl()).toString(), {
    data: { email },
  });
  if (!signedIn.ok())
    throw new Error(`demo sign-in as ${email} failed: ${signedIn.status()} ${await signedIn.text()}`);
  demoSessions.set(email, await context.cookies());
}

/**
 * Opens `path` (`/organisations/RF4`) in a new browser context `width` pixels wide, and waits until
 * the page is ready (see `pageReady`).
 */
export async function openPage(
  path: string,
  { width = DESKTOP, as }: { width?: number; /** A demo user's email: signed in first. */ as?: string } = {},
): Promise<Page> {
  const url = new URL(path, baseUrl()).toString();
  const context = await (
    await connect()
  ).newContext({
    viewport: { width, height: heightAt(width) },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  contexts.add(context);
  const page = await context.newPage();
  const thrown: string[] = [];
  errors.set(page, thrown);
  page.on('pageerror', (error) => thrown.push(error.stack ?? error.message));
  if (as !== undefined) await signInDemo(context, as);
  await page.goto(url);
  await pageReady(page);
  return page;
}

/** Uncaught errors the page's scripts threw since it was opened. */
export function pageErrors(page: Page): readonly string[] {
  return errors.get(page) ?? [];
}

/**
 * Waits until the page shows its h1 and no "Loading …" status is left (every page shows
 * components/QueryState's `Loading` while its data load). After a click that navigates, call it again.
 */
export async function pageReady(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[role="status"]')].some((element) =>
        /^\s*Loading\b/.test(element.textContent),
      ),
  );
}

/**
 * Waits for a navigation inside the app (a link followed) to `pathname` to finish: the address,
 * then the layout moving focus to the main region (it does after every navigation, in the same
 * render as the new page), then `pageReady`.
 */
export async function navigatedTo(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
  await page
    .waitForFunction(() => document.activeElement?.id === 'maincontent', undefined, { timeout: 10_000 })
    .catch(() => {
      throw new Error(
        `after the navigation to ${pathname}, focus did not move to the main region (#maincontent)`,
      );
    });
  await pageReady(page);
}

/**
 * Holds the page's `method` requests to URLs matching `url` (a glob or a regular expression, as
 * `page.route` takes) until the returned function is called, which lets them all through and stops
 * holding. While they are held the page keeps showing what it showed: a state that would
 * otherwise pass in a moment (a job's progress between two polls) can be checked and photographed.
 */
export async function holdRequests(
  page: Page,
  url: string | RegExp,
  method = 'GET',
): Promise<() => Promise<void>> {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (route: Route): Promise<void> => {
    if (route.request().method() === method) await released;
    await route.fallback();
  };
  await page.route(url, handler);
  return async () => {
    release();
    await page.unroute(url, handler);
  };
}

/** Waits for the next two frames (after a resize, so that layout and resize observers have run). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          requestAnimationFrame(() => {
            resolve();
          });
        });
      }),
  );
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** How many elements of one rule a failure lists (the rest are counted). */
const LISTED_NODES = 8;

function describeViolation(violation: Violation): string {
  const nodes = violation.nodes.slice(0, LISTED_NODES).map((node) => {
    const target = node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' ');
    return `    at ${target}`;
  });
  const more = violation.nodes.length - LISTED_NODES;
  if (more > 0) nodes.push(`    and ${more} more`);
  const help = violation.helpUrl.split('?')[0];
  return [
    `  - ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} (${help})`,
    ...nodes,
  ].join('\n');
}

/** The serious and critical violations of an axe-core result. */
function seriousViolations(results: AxeResults): Violation[] {
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function failure(name: string, violations: readonly Violation[]): Error {
  return new Error(
    `${name}: ${violations.length} serious or critical accessibility ${violations.length === 1 ? 'problem' : 'problems'} (axe-core):\n` +
      violations.map(describeViolation).join('\n'),
  );
}

/**
 * Runs axe-core (every rule) on the page as it is now, and fails listing each serious or critical
 * violation (rule, impact, elements, help). Minor and moderate findings are returned, not failed.
 */
export async function checkAccessibility(page: Page, name: string): Promise<AxeResults> {
  // Only violations are reported in full (passes and incomplete results are cut to one element each: faster).
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const serious = seriousViolations(results);
  if (serious.length > 0) throw failure(name, serious);
  return results;
}

const fileName = (name: string, width: number): string =>
  `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${width}px.png`;

/** Resizes the page to `width` and waits for it to lay out again. */
async function resize(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: heightAt(width) });
  await settle(page);
}

/** Saves a whole-page PNG of the page as it is now, named after `name` and its width. */
async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${fileName(name, page.viewportSize()?.width ?? 0)}`;
  // Cards off screen are drawn only when scrolled to (content-visibility: auto); a whole-page
  // picture must show them all.
  // (Set through the CSSOM: the Content-Security-Policy forbids adding a <style>.)
  await page.evaluate(() => {
    for (const card of document.querySelectorAll<HTMLElement>('.gs-card')) {
      card.style.setProperty('content-visibility', 'visible');
    }
  });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** Runs `each` with the page resized to the phone width, then the desktop width; then restores its width. */
async function atEachWidth(page: Page, each: (width: number) => Promise<void>): Promise<void> {
  const before = page.viewportSize();
  for (const width of WIDTHS) {
    await resize(page, width);
    await each(width);
  }
  if (before) await resize(page, before.width);
}

/** Saves whole-page PNGs of the page at phone (360 px) and desktop (1280 px) widths in e2e/artifacts. */
export async function screenshot(page: Page, name: string): Promise<string[]> {
  const files: string[] = [];
  await atEachWidth(page, async () => {
    files.push(await shoot(page, name));
  });
  return files;
}

/**
 * The checks every page gets, at phone and at desktop width: axe-core (failing on serious or
 * critical violations at either width, all listed together) and a whole-page screenshot.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const problems: Error[] = [];
  await atEachWidth(page, async (width) => {
    await checkAccessibility(page, `${name} at ${width} px`).catch((error: unknown) => {
      problems.push(error as Error);
    });
    await shoot(page, name);
  });
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n\n'));
}
