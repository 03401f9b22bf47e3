// @vitest-environment jsdom
import { apiError, currentUrl, fakeApi, renderPage, SIGNED_IN } from '../components/account/test-support';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import SetupPage from './SetupPage';

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
});
afterEach(cleanup);

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function submit(name: string, email: string, password: string): void {
  fill('Your name', name);
  fill('Email address', email);
  fill('Password', password);
  fireEvent.click(screen.getByRole('button', { name: 'Create the administrator account' }));
}

function summaryLinks(): { text: string; href: string | null }[] {
  const summary = document.querySelector('.nhsuk-error-summary')!;
  return [...summary.querySelectorAll('a')].map((a) => ({
    text: a.textContent,
    href: a.getAttribute('href'),
  }));
}

describe('SetupPage', () => {
  it('explains the 12-character rule as the password’s hint', () => {
    renderPage(<SetupPage />, '/setup?token=secret', '/setup');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    const hint = document.getElementById(password.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toMatch(/^At least 12 characters\./);
  });

  it('checks the fields before sending, linking each problem to its field', async () => {
    renderPage(<SetupPage />, '/setup?token=secret', '/setup');
    submit('', 'not an email', 'short');
    await waitFor(() => {
      expect(document.activeElement?.classList.contains('nhsuk-error-summary')).toBe(true);
    });
    expect(summaryLinks()).toEqual([
      { text: 'Enter your name', href: '#setup-name' },
      {
        text: 'Enter an email address in the correct format, like name@example.nhs.uk',
        href: '#setup-email',
      },
      { text: 'The password must be at least 12 characters', href: '#setup-password' },
    ]);
    expect(fakeApi.calls('POST', '/api/v1/auth/setup')).toHaveLength(0);
  });

  it('creates the administrator with the link’s token, signs them in and goes home', async () => {
    fakeApi.on('POST', '/api/v1/auth/setup', () => SIGNED_IN);
    const view = renderPage(<SetupPage />, '/setup?token=secret', '/setup');
    submit(' Ann Admin ', 'ann@example.nhs.uk', 'correct horse battery');
    await waitFor(() => {
      expect(currentUrl(view)).toBe('/');
    });
    expect(fakeApi.calls('POST', '/api/v1/auth/setup')[0]!.body).toEqual({
      token: 'secret',
      displayName: 'Ann Admin',
      email: 'ann@example.nhs.uk',
      password: 'correct horse battery',
    });
  });

  it('puts the server’s problem with a field on that field', async () => {
    fakeApi.on('POST', '/api/v1/auth/setup', () =>
      apiError(409, 'conflict', 'There is already an account for ann@example.nhs.uk.', { field: 'email' }),
    );
    renderPage(<SetupPage />, '/setup?token=secret', '/setup');
    submit('Ann', 'ann@example.nhs.uk', 'correct horse battery');
    await screen.findByRole('alert');
    expect(summaryLinks()).toEqual([
      { text: 'There is already an account for ann@example.nhs.uk.', href: '#setup-email' },
    ]);
  });

  it('says clearly when the link no longer works, instead of the form', async () => {
    fakeApi.on('POST', '/api/v1/auth/setup', () =>
      apiError(
        403,
        'forbidden',
        'This set-up link is not valid: it has been used, has expired or was replaced. Restart the server for a new one.',
        { field: 'token', reason: 'invalid_link' },
      ),
    );
    renderPage(<SetupPage />, '/setup?token=used', '/setup');
    submit('Ann', 'ann@example.nhs.uk', 'correct horse battery');
    const heading = await screen.findByRole('heading', { name: /This set-up link does not work/ });
    expect(heading.parentElement?.textContent).toContain('it has been used, has expired or was replaced');
    expect(document.activeElement).toBe(heading.parentElement);
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('link', { name: 'sign in' }).getAttribute('href')).toBe('/sign-in');
  });

  it('says the address is incomplete when it has no token', () => {
    renderPage(<SetupPage />, '/setup', '/setup');
    expect(screen.getByRole('heading', { name: /This set-up link does not work/ })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
