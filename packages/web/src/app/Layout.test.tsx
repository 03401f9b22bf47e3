// @vitest-environment jsdom
import {
  apiError,
  CSRF,
  currentUrl,
  fakeApi,
  renderPage,
  SIGNED_IN,
  SIGNED_OUT,
} from '../components/account/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import { Layout } from './Layout';

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
});
afterEach(cleanup);

function account(): HTMLElement {
  return screen.getByRole('navigation', { name: 'Account' });
}

describe('the header’s account links', () => {
  it('offer to sign in, coming back to the page afterwards, when nobody is signed in', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    renderPage(<h1>Measures</h1>, '/measures?q=falls', '/measures', { layout: <Layout /> });
    const link = await within(await screen.findByRole('navigation', { name: 'Account' })).findByRole('link', {
      name: 'Sign in',
    });
    expect(link.getAttribute('href')).toBe('/sign-in?next=%2Fmeasures%3Fq%3Dfalls');
    expect(within(account()).queryByRole('button')).toBeNull();
  });

  it('show nothing while the session loads (no flash of “Sign in”)', () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => new Promise(() => {}));
    renderPage(<h1>Measures</h1>, '/measures', '/measures', { layout: <Layout /> });
    expect(screen.queryByRole('navigation', { name: 'Account' })).toBeNull();
  });

  it('name the person signed in, link to their API tokens and offer to sign out', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    renderPage(<h1>Measures</h1>, '/measures', '/measures', { layout: <Layout /> });
    const nav = await screen.findByRole('navigation', { name: 'Account' });
    await within(nav).findByText('Demo QI lead');
    expect(nav.textContent).toContain('Signed in as Demo QI lead');
    expect(within(nav).getByRole('link', { name: 'Your API tokens' }).getAttribute('href')).toBe(
      '/account/tokens',
    );
    expect(within(nav).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Sign in' })).toBeNull();
  });

  it('sign out with the CSRF token, then show “Sign in” on the home page with focus on the main region', async () => {
    let signedIn = true;
    fakeApi.on('GET', '/api/v1/auth/session', () => (signedIn ? SIGNED_IN : SIGNED_OUT));
    fakeApi.on('POST', '/api/v1/auth/sign-out', () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    });
    const view = renderPage(<h1>Measures</h1>, '/measures', '/measures', { layout: <Layout /> });
    fireEvent.click(
      await within(await screen.findByRole('navigation', { name: 'Account' })).findByRole('button', {
        name: 'Sign out',
      }),
    );
    await within(account()).findByRole('link', { name: 'Sign in' });
    expect(fakeApi.calls('POST', '/api/v1/auth/sign-out')[0]!.headers.get('X-CSRF-Token')).toBe(CSRF);
    await waitFor(() => {
      expect(currentUrl(view)).toBe('/');
    });
    await waitFor(() => {
      expect(document.activeElement?.id).toBe('maincontent');
    });
    expect(screen.queryByText('Demo QI lead')).toBeNull();
  });

  it('say so when signing out failed', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    fakeApi.on('POST', '/api/v1/auth/sign-out', () => apiError(503, 'unavailable', 'The database is busy.'));
    renderPage(<h1>Measures</h1>, '/measures', '/measures', { layout: <Layout /> });
    fireEvent.click(
      await within(await screen.findByRole('navigation', { name: 'Account' })).findByRole('button', {
        name: 'Sign out',
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Could not sign out: The database is busy.');
  });
});
