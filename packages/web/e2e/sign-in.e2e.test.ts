/**
 * Signing in and out, and personal API tokens, in Chromium against the real server (whose demo
 * data open demo sign-in): a demo user signs in from the sign-in page and is named in the header;
 * the session cookie (`__Host-gs_session`, Secure) survives a reload on plain http://127.0.0.1; they
 * make an API token, see it once, use it, revoke it after confirming, and sign out. A wrong password
 * shows the error summary; a dead set-up link says so. Every new page passes axe-core at phone and
 * desktop widths and is photographed at both.
 *
 * Each run makes its own token (named with the time), so the same database can be used again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  checkAccessibility,
  checkPage,
  navigatedTo,
  openPage,
  pageErrors,
  pageReady,
  PHONE,
} from './harness';

const DEMO_NAME = 'Demo QI lead';

/** The header's account links. */
function account(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('navigation', { name: 'Account' });
}

/** The status of `GET path` with a bearer token. */
async function statusWithToken(path: string, token: string): Promise<number> {
  const response = await fetch(new URL(path, baseUrl()), { headers: { Authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}

/** Whether the page is wider than the window (content that only scrolls sideways). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe('demo sign-in, API tokens and signing out', () => {
  it('signs in as a demo user, makes a token shown once, revokes it and signs out', async () => {
    const page = await openPage('/sign-in', { width: PHONE });
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    const demo = page.getByRole('region', { name: 'Sign in as a demo user' });
    await demo.waitFor();
    expect(await demo.textContent()).toContain('The demo users are not real people');
    await checkPage(page, 'sign-in with demo users');
    expect(await account(page).getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);

    // Demo sign-in: home, with the person named in the header.
    await demo.getByRole('button', { name: `Sign in as ${DEMO_NAME}`, exact: true }).click();
    await navigatedTo(page, '/');
    await account(page).getByText(DEMO_NAME).waitFor();
    expect(await account(page).getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await checkPage(page, 'home signed in');

    // The session sticks: the Secure __Host- cookie was kept on http://127.0.0.1 and sent again.
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === '__Host-gs_session');
    expect(session, `cookies kept: ${cookies.map((c) => c.name).join(', ') || 'none'}`).toBeDefined();
    expect(session?.secure).toBe(true);
    expect(session?.httpOnly).toBe(true);
    await page.reload();
    await pageReady(page);
    await account(page).getByText(DEMO_NAME).waitFor();

    // The tokens page, from the header.
    await account(page).getByRole('link', { name: 'Your API tokens' }).click();
    await navigatedTo(page, '/account/tokens');
    expect(await page.locator('h1').textContent()).toBe('Your API tokens');
    await checkPage(page, 'API tokens');

    // Make a token: shown once, in the inset panel, with a copy button and the warning.
    const name = `e2e token ${new Date().toISOString()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Write', { exact: true }).check();
    await page.getByRole('button', { name: 'Make the token' }).click();
    const panel = page.getByRole('region', { name: `Your new token “${name}”` });
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-token-heading');
    expect(await panel.textContent()).toContain('Copy the token now: it will not be shown again.');
    const token = await panel.getByLabel('Token').inputValue();
    expect(token).toMatch(/^gs_/);
    expect(await panel.getByRole('button', { name: 'Copy the token' }).isVisible()).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    await checkPage(page, 'API token just made');

    // The token works.
    expect(await statusWithToken('/api/v1/auth/tokens', token)).toBe(200);

    // Never shown again: after a reload the list has it by its first characters only.
    await page.reload();
    await pageReady(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain(token.slice(0, 9));
    expect(await page.locator('body').textContent()).not.toContain(token);
    expect(await page.locator('input[value^="gs_"]').count()).toBe(0);

    // Revoke, after confirming.
    await row.getByRole('button', { name: `Revoke “${name}”` }).click();
    const question = page.getByRole('region', { name: `Revoke “${name}”?` });
    await question.waitFor();
    await checkAccessibility(page, 'revoking an API token');
    await question.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `“${name}” has been revoked` })
      .waitFor();
    await row.getByText('Revoked').waitFor();
    expect(await statusWithToken('/api/v1/auth/tokens', token)).toBe(401);

    // Sign out: "Sign in" is back, and the tokens page asks to sign in again.
    await account(page).getByRole('button', { name: 'Sign out' }).click();
    await navigatedTo(page, '/');
    await account(page).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await account(page).getByText(DEMO_NAME).count()).toBe(0);
    await page.goto(new URL('/account/tokens', baseUrl()).toString());
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await pageReady(page);
    expect(new URL(page.url()).search).toBe('?next=%2Faccount%2Ftokens');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('refusals', () => {
  it('shows the error summary, focused, for a wrong password', async () => {
    const page = await openPage('/sign-in');
    await page.getByLabel('Email address', { exact: true }).fill('nobody@example.invalid');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'The email address or password is not right.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).toBe(
      true,
    );
    expect(await page.locator('#sign-in-password').inputValue()).toBe('');
    await checkPage(page, 'sign-in wrong password');
    expect(pageErrors(page)).toEqual([]);
  });

  it('says a set-up link that does not work does not, instead of the form', async () => {
    const page = await openPage('/setup?token=not-a-real-link');
    expect(await page.locator('h1').textContent()).toBe('Set up Groundswell');
    await checkPage(page, 'set-up form');
    await page.getByLabel('Your name', { exact: true }).fill('Ann Admin');
    await page.getByLabel('Email address', { exact: true }).fill('ann.admin@example.invalid');
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: 'Create the administrator account' }).click();
    await page.getByRole('heading', { name: /This set-up link does not work/ }).waitFor();
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);
    await checkPage(page, 'set-up dead link');
    expect(pageErrors(page)).toEqual([]);
  });
});
