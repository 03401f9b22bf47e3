// @vitest-environment jsdom
import {
  apiError,
  CSRF,
  currentUrl,
  fakeApi,
  json,
  renderPage,
  SIGNED_IN,
  SIGNED_OUT,
} from '../components/account/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Token } from '../components/account/tokens';
import TokensPage from './TokensPage';

const ACTIVE: Token = {
  id: '30000000-0000-4000-8000-000000000001',
  name: 'Nightly falls extract',
  prefix: 'gs_abc123',
  scopes: ['read', 'write'],
  createdAt: '2026-11-01T09:30:00.000Z',
  lastUsedAt: '2026-11-25T02:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
};
const REVOKED: Token = {
  ...ACTIVE,
  id: '30000000-0000-4000-8000-000000000002',
  name: 'Old dashboard feed',
  prefix: 'gs_def456',
  scopes: ['read'],
  lastUsedAt: null,
  revokedAt: '2026-11-20T10:00:00.000Z',
};
const SECRET = 'gs_abc999_the_whole_secret_token_value';

let tokens: Token[];

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  tokens = [ACTIVE, REVOKED];
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('GET', '/api/v1/auth/tokens', () => ({ items: tokens }));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function fill(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function summaryLinks(): { text: string; href: string | null }[] {
  const summary = document.querySelector('.nhsuk-error-summary')!;
  return [...summary.querySelectorAll('a')].map((a) => ({
    text: a.textContent,
    href: a.getAttribute('href'),
  }));
}

async function table(): Promise<HTMLElement> {
  return screen.findByRole('table');
}

describe('TokensPage', () => {
  it('sends someone signed out to sign in, coming back here', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    const view = renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    await screen.findByText('Sign-in page');
    expect(currentUrl(view)).toBe('/sign-in?next=%2Faccount%2Ftokens');
    expect(fakeApi.calls('GET', '/api/v1/auth/tokens')).toHaveLength(0);
  });

  it('lists the tokens: name, first characters, scopes, dates and whether each works', async () => {
    renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your API tokens');
    const rows = within(await table()).getAllByRole('row');
    const headings = within(rows[0]!)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headings).toEqual([
      'Name',
      'Starts with',
      'May',
      'Made',
      'Last used',
      'Expires',
      'Status',
      'Action',
    ]);
    const cells = (row: HTMLElement): string[] =>
      [...row.querySelectorAll('th, td')].map(
        (cell) => cell.querySelector(':scope > span:last-child')?.textContent ?? '',
      );
    expect(cells(rows[1]!)).toEqual([
      'Nightly falls extract',
      'gs_abc123…',
      'Read, write',
      '1 Nov 2026, 09:30',
      '25 Nov 2026, 02:00',
      'Never',
      'Active',
      'Revoke “Nightly falls extract”',
    ]);
    expect(cells(rows[2]!).slice(4)).toEqual(['Never', 'Never', 'Revoked 20 Nov 2026, 10:00', 'None']);
  });

  it('says when there are no tokens yet', async () => {
    tokens = [];
    renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    expect(await screen.findByText('You have no API tokens yet.')).toBeTruthy();
  });

  it('checks the new token’s fields, linking each problem to its field', async () => {
    renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    await table();
    fireEvent.click(screen.getByLabelText('Read'));
    fill('Day', '31');
    fill('Month', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Make the token' }));
    await waitFor(() => {
      expect(document.activeElement?.classList.contains('nhsuk-error-summary')).toBe(true);
    });
    expect(summaryLinks()).toEqual([
      { text: 'Enter a name for the token', href: '#token-name' },
      { text: 'Select what the token may do', href: '#token-scope-read' },
      { text: 'The expiry date must include a year', href: '#token-expiry-year' },
    ]);
    expect(fakeApi.calls('POST', '/api/v1/auth/tokens')).toHaveLength(0);
  });

  it('makes a token with the CSRF token and shows it once, with a copy button and a warning', async () => {
    fakeApi.on('POST', '/api/v1/auth/tokens', (request) => {
      const body = request.body as { name: string; scopes: Token['scopes']; expiresAt?: string };
      const made: Token = {
        ...ACTIVE,
        id: '30000000-0000-4000-8000-000000000003',
        name: body.name,
        prefix: 'gs_abc999',
        scopes: body.scopes,
        expiresAt: body.expiresAt ?? null,
        lastUsedAt: null,
      };
      tokens = [made, ...tokens];
      return json(201, { ...made, token: SECRET });
    });
    const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    await table();
    fill('Name', 'Weekly export');
    fireEvent.click(screen.getByLabelText('Write'));
    fill('Day', '31');
    fill('Month', '12');
    fill('Year', '2099');
    fireEvent.click(screen.getByRole('button', { name: 'Make the token' }));

    const heading = await screen.findByRole('heading', { name: 'Your new token “Weekly export”' });
    await waitFor(() => {
      expect(document.activeElement).toBe(heading);
    });
    const call = fakeApi.calls('POST', '/api/v1/auth/tokens')[0]!;
    expect(call.headers.get('X-CSRF-Token')).toBe(CSRF);
    const body = call.body as { name: string; scopes: string[]; expiresAt: string };
    expect(body.name).toBe('Weekly export');
    expect(body.scopes).toEqual(['read', 'write']);
    expect(new Date(body.expiresAt).getFullYear()).toBe(2099);

    const panel = heading.closest('section')!;
    expect(panel.classList.contains('nhsuk-inset-text')).toBe(true);
    expect(panel.textContent).toContain('Copy the token now: it will not be shown again.');
    expect(within(panel).getByLabelText<HTMLInputElement>('Token').value).toBe(SECRET);
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy the token' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    await waitFor(() => {
      expect(within(panel).getByRole('status').textContent).toBe('Token copied.');
    });
    // The list shows the new token by its first characters only.
    await within(await table()).findByText('Weekly export');
    expect((await table()).textContent).not.toContain(SECRET);
    // The form is empty again, ready for another.
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('');
  });

  it('puts the server’s problem with the expiry date on the date', async () => {
    fakeApi.on('POST', '/api/v1/auth/tokens', () =>
      apiError(400, 'invalid_input', 'The expiry date must be in the future.', { field: 'expiresAt' }),
    );
    renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    await table();
    fill('Name', 'Weekly export');
    fireEvent.click(screen.getByRole('button', { name: 'Make the token' }));
    await screen.findByRole('alert');
    expect(summaryLinks()).toEqual([
      { text: 'The expiry date must be in the future.', href: '#token-expiry-day' },
    ]);
  });

  it('asks before revoking; “No” keeps it and hands focus back to its button', async () => {
    renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    fireEvent.click(
      await within(await table()).findByRole('button', { name: 'Revoke “Nightly falls extract”' }),
    );
    const question = screen.getByRole('heading', { name: /Revoke “Nightly falls extract”\?/ });
    expect(document.activeElement).toBe(question);
    expect(question.closest('section')!.textContent).toContain('will stop working at once');
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(screen.queryByRole('heading', { name: /Revoke “Nightly/ })).toBeNull();
    await waitFor(() => {
      expect(document.activeElement?.id).toBe(`revoke-${ACTIVE.id}`);
    });
    expect(fakeApi.calls('DELETE', `/api/v1/auth/tokens/${ACTIVE.id}`)).toHaveLength(0);
  });

  it('revokes after “Yes”, with the CSRF token, and says so', async () => {
    fakeApi.on('DELETE', '/api/v1/auth/tokens/:id', () => {
      const revoked = { ...ACTIVE, revokedAt: '2026-11-26T08:00:00.000Z' };
      tokens = [revoked, REVOKED];
      return revoked;
    });
    renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    fireEvent.click(
      await within(await table()).findByRole('button', { name: 'Revoke “Nightly falls extract”' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke it' }));
    await screen.findByText('“Nightly falls extract” has been revoked: it no longer works.');
    expect(fakeApi.calls('DELETE', `/api/v1/auth/tokens/${ACTIVE.id}`)[0]!.headers.get('X-CSRF-Token')).toBe(
      CSRF,
    );
    expect(document.activeElement?.textContent).toBe('Your tokens');
    await waitFor(() => {
      expect(within(screen.getByRole('table')).queryAllByRole('button')).toHaveLength(0);
    });
  });

  it('signs out everywhere after asking, saying API tokens are not affected, and goes home signed out', async () => {
    let signedIn = true;
    fakeApi.on('GET', '/api/v1/auth/session', () => (signedIn ? SIGNED_IN : SIGNED_OUT));
    fakeApi.on('POST', '/api/v1/auth/sign-out-everywhere', () => {
      signedIn = false;
      return { ended: 3 };
    });
    const view = renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    await table();
    const section = screen.getByRole('region', { name: 'Sign out everywhere' });
    expect(section.textContent).toContain('on every device and browser, including this one');
    expect(section.textContent).toContain('Your API tokens are not affected.');

    // Asked first; "No" changes nothing and hands focus back.
    fireEvent.click(within(section).getByRole('button', { name: 'Sign out everywhere…' }));
    const question = within(section).getByRole('heading', { name: /Sign out on every device\?/ });
    expect(document.activeElement).toBe(question);
    fireEvent.click(within(section).getByRole('button', { name: 'No, stay signed in' }));
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('Sign out everywhere…');
    });
    expect(fakeApi.calls('POST', '/api/v1/auth/sign-out-everywhere')).toHaveLength(0);

    fireEvent.click(within(section).getByRole('button', { name: 'Sign out everywhere…' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Yes, sign out everywhere' }));
    await screen.findByRole('heading', { name: 'Home' });
    expect(currentUrl(view)).toBe('/');
    const call = fakeApi.calls('POST', '/api/v1/auth/sign-out-everywhere')[0]!;
    expect(call.headers.get('X-CSRF-Token')).toBe(CSRF);
    expect(view.client.getQueryData(['session'])).toEqual(SIGNED_OUT);
    // No token was revoked.
    expect(fakeApi.received.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('says so, and stays, when signing out everywhere fails', async () => {
    fakeApi.on('POST', '/api/v1/auth/sign-out-everywhere', () =>
      apiError(403, 'forbidden', 'The CSRF token is missing or wrong: reload the page and try again.'),
    );
    const view = renderPage(<TokensPage />, '/account/tokens', '/account/tokens');
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not sign out everywhere');
    expect(alert.textContent).toContain('reload the page');
    expect(currentUrl(view)).toBe('/account/tokens');
  });
});
