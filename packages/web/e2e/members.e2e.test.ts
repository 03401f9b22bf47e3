/**
 * Members and invitations, in Chromium against a real server: the demo administrator invites
 * someone from the members page (the link is shown once), the invitee opens the link in a fresh
 * browser, sets a password, is signed in and sees the organisation; the administrator changes
 * their role, then removes them, which signs them out. Every page passes axe-core.
 *
 * The invitee's account is a real one, and the first real account closes demo sign-in for good
 * (docs/security.md): so this file runs its own server, with its own demo data, and leaves the
 * shared one as the other e2e files need it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { webDir } from '../../../scripts/vitest-global-setup';
import { checkAccessibility, navigatedTo, pageReady } from './harness';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ADMIN = 'demo.admin@groundswell.invalid';
const TRUST = 'RF4';
/** Loading the demo data takes about 20 s alone, much longer on a busy machine. */
const READY_TIMEOUT_MS = 300_000;

let server: { url: string; stop: () => Promise<void> } | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
/** Uncaught errors each page's scripts threw. */
const thrown = new Map<Page, string[]>();

/** Starts `groundswell serve` on a fresh data folder (demo data loaded) and waits until it is ready. */
async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'groundswell-e2e-members-'));
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
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`));
    }, READY_TIMEOUT_MS);
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = /Groundswell ready at (http:\/\/[^\s"]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before it was ready:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  const context = inject('e2e');
  if (!context.ok) throw new Error(context.problem);
  [server, browser] = await Promise.all([startServer(), chromium.connect(context.wsEndpoint)]);
}, READY_TIMEOUT_MS + 30_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
}, 60_000);

/** A page of this file's server in a new browser context (signed in as a demo user if `as`). */
async function open(path: string, as?: string): Promise<Page> {
  const base = server!.url;
  const context = await browser!.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  thrown.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  if (as !== undefined) {
    const signedIn = await context.request.post(new URL('/api/v1/auth/demo-sign-in', base).toString(), {
      data: { email: as },
    });
    if (!signedIn.ok()) throw new Error(`demo sign-in as ${as} failed: ${signedIn.status()}`);
  }
  await page.goto(new URL(path, base).toString());
  await pageReady(page);
  return page;
}

/** Who the page's browser is signed in as, by the API (null: nobody), with their roles. */
async function sessionOf(page: Page): Promise<{ email: string; roles: string[] } | null> {
  const response = await page.context().request.get(new URL('/api/v1/auth/session', server!.url).toString());
  const body = (await response.json()) as {
    user: { email: string; memberships: { odsCode: string; role: string }[] } | null;
  };
  return body.user === null
    ? null
    : { email: body.user.email, roles: body.user.memberships.map((m) => `${m.odsCode}:${m.role}`) };
}

describe('members and invitations', () => {
  it('the administrator invites someone, who joins with a password; then changes their role and removes them', async () => {
    // The administrator finds the members page from the organisation's page.
    const admin = await open(`/organisations/${TRUST}`, ADMIN);
    await admin.getByRole('link', { name: 'Members and invitations' }).click();
    await navigatedTo(admin, `/organisations/${TRUST}/members`);
    expect(await admin.locator('h1').textContent()).toContain('Members');
    await admin
      .getByRole('cell', { name: /Demo ward nurse/ })
      .first()
      .waitFor();
    await checkAccessibility(admin, 'members page');

    // Invite: the link is shown once, with a copy button and the words that say so.
    const email = `new.nurse.${Date.now()}@example.nhs.uk`;
    const invite = admin.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email address').fill(email);
    await invite.getByLabel('Role').selectOption('staff');
    await invite.getByRole('button', { name: 'Make the invitation link' }).click();
    const panel = admin.getByRole('region', { name: `Invitation link for ${email}` });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('it is shown only once');
    expect(await panel.textContent()).toContain('Groundswell cannot send email yet');
    expect(await panel.getByRole('button', { name: 'Copy the link' }).isVisible()).toBe(true);
    const link = await panel.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await admin.getByRole('cell', { name: email }).first().waitFor();
    await checkAccessibility(admin, 'members page with a new invitation');

    // The invitee, in a fresh browser: what the invitation is for, then a password.
    const invitee = await open(new URL(link).pathname);
    expect(await invitee.locator('h1').textContent()).toContain('Join');
    expect(await invitee.locator('main').textContent()).toContain(email);
    await checkAccessibility(invitee, 'invitation page');
    await invitee.getByLabel('Your name', { exact: true }).fill('Nina New');
    await invitee.getByLabel('Password', { exact: true }).fill('a long enough new password');
    await invitee.getByLabel('Password again', { exact: true }).fill('a long enough new passwort');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await invitee.getByRole('link', { name: 'The passwords do not match: type it again' }).waitFor();
    await checkAccessibility(invitee, 'invitation page with a problem');
    await invitee.getByLabel('Password again', { exact: true }).fill('a long enough new password');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await navigatedTo(invitee, `/organisations/${TRUST}`);
    await invitee.getByRole('navigation', { name: 'Account' }).getByText('Nina New').waitFor();
    expect(await sessionOf(invitee)).toEqual({ email, roles: [`${TRUST}:staff`] });
    // Not an administrator: no link to the members page.
    expect(await invitee.getByRole('link', { name: 'Members and invitations' }).count()).toBe(0);
    // The link worked once.
    const used = await open(new URL(link).pathname);
    await used.getByText('This invitation link does not work').waitFor();

    // The administrator makes them an improver…
    await admin.reload();
    await pageReady(admin);
    await admin.getByRole('button', { name: 'Change role (Nina New)' }).click();
    const change = admin.getByRole('form', { name: 'Change the role of Nina New' });
    await change.getByLabel('Role').selectOption('improver');
    await change.getByRole('button', { name: 'Save the role' }).click();
    await admin.getByRole('status').filter({ hasText: 'Nina New is now an improver.' }).waitFor();
    expect(await sessionOf(invitee)).toEqual({ email, roles: [`${TRUST}:improver`] });

    // …then removes them, after confirming: their only organisation, so they are signed out.
    await admin.getByRole('button', { name: 'Remove (Nina New)' }).click();
    const question = admin.getByRole('region', { name: 'Remove Nina New?' });
    await question.waitFor();
    await checkAccessibility(admin, 'removing a member');
    await question.getByRole('button', { name: 'Yes, remove them' }).click();
    await admin.getByRole('status').filter({ hasText: 'Nina New has been removed.' }).waitFor();
    expect(await admin.getByRole('cell', { name: /Nina New/ }).count()).toBe(0);
    expect(await sessionOf(invitee)).toBeNull();
    expect(thrown.get(admin)).toEqual([]);
    expect(thrown.get(invitee)).toEqual([]);
  });
});
