// @vitest-environment jsdom
import {
  apiError,
  currentUrl,
  fakeApi,
  renderPage,
  SIGNED_IN,
  SIGNED_OUT,
} from '../components/account/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import SignInPage from './SignInPage';

const DEMO_USERS = [
  { email: 'demo.staff@groundswell.invalid', displayName: 'Demo ward nurse (staff)', role: 'staff' },
  { email: 'demo.qilead@groundswell.invalid', displayName: 'Demo QI lead', role: 'qi_lead' },
];

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
  fakeApi.on('GET', '/api/v1/auth/demo-users', () => ({ items: [] }));
});
afterEach(cleanup);

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function signInWith(email: string, password: string): Promise<void> {
  await screen.findByLabelText('Email address');
  fill('Email address', email);
  fill('Password', password);
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** The error summary's messages, each linking to its field. */
function summaryLinks(): { text: string; href: string | null }[] {
  const summary = document.querySelector('.nhsuk-error-summary')!;
  return [...summary.querySelectorAll('a')].map((a) => ({
    text: a.textContent,
    href: a.getAttribute('href'),
  }));
}

describe('SignInPage', () => {
  it('has a labelled email and password field with the right autocomplete', async () => {
    renderPage(<SignInPage />, '/sign-in', '/sign-in');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    const email = await screen.findByLabelText('Email address');
    expect(email.getAttribute('type')).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('username');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(screen.queryByText(/demo user/i)).toBeNull();
  });

  it('lists what is missing in an error summary that takes focus and links to each field', async () => {
    renderPage(<SignInPage />, '/sign-in', '/sign-in');
    await signInWith('', '');
    await waitFor(() => {
      expect(document.activeElement?.classList.contains('nhsuk-error-summary')).toBe(true);
    });
    expect(summaryLinks()).toEqual([
      { text: 'Enter your email address', href: '#sign-in-email' },
      { text: 'Enter your password', href: '#sign-in-password' },
    ]);
    fireEvent.click(screen.getByRole('link', { name: 'Enter your password' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Password/));
    expect(screen.getByLabelText(/Password/).getAttribute('aria-describedby')).toBe('sign-in-password-error');
    expect(fakeApi.calls('POST', '/api/v1/auth/sign-in')).toHaveLength(0);
  });

  it('shows the server’s one message for wrong details, and empties the password', async () => {
    fakeApi.on('POST', '/api/v1/auth/sign-in', () =>
      apiError(401, 'unauthenticated', 'The email address or password is not right.', {
        reason: 'wrong_credentials',
      }),
    );
    renderPage(<SignInPage />, '/sign-in', '/sign-in');
    await signInWith('ann@example.nhs.uk', 'not it');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 2 }).textContent).toBe('There is a problem');
    expect(summaryLinks()).toEqual([
      { text: 'The email address or password is not right.', href: '#sign-in-email' },
    ]);
    expect(screen.getByLabelText<HTMLInputElement>(/Password/).value).toBe('');
    expect(fakeApi.calls('POST', '/api/v1/auth/sign-in')[0]!.body).toEqual({
      email: 'ann@example.nhs.uk',
      password: 'not it',
    });
  });

  it('says until when a locked account is locked', async () => {
    fakeApi.on('POST', '/api/v1/auth/sign-in', () =>
      apiError(
        429,
        'too_many_requests',
        'Too many failed sign-ins: this account is locked until 14:05 UTC. Try again then, or ask an administrator.',
        { reason: 'locked' },
      ),
    );
    renderPage(<SignInPage />, '/sign-in', '/sign-in');
    await signInWith('ann@example.nhs.uk', 'again');
    expect((await screen.findByRole('alert')).textContent).toContain('locked until 14:05 UTC');
  });

  it('goes to the page named by ?next= after signing in', async () => {
    fakeApi.on('POST', '/api/v1/auth/sign-in', () => SIGNED_IN);
    const view = renderPage(<SignInPage />, '/sign-in?next=%2Faccount%2Ftokens', '/sign-in');
    await signInWith('ann@example.nhs.uk', 'correct horse battery');
    await waitFor(() => {
      expect(currentUrl(view)).toBe('/account/tokens');
    });
  });

  it('goes home instead of to another site', async () => {
    fakeApi.on('POST', '/api/v1/auth/sign-in', () => SIGNED_IN);
    const view = renderPage(<SignInPage />, '/sign-in?next=%2F%2Fevil.example%2F', '/sign-in');
    await signInWith('ann@example.nhs.uk', 'correct horse battery');
    await waitFor(() => {
      expect(currentUrl(view)).toBe('/');
    });
  });

  it('says who is signed in when someone already is', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    renderPage(<SignInPage />, '/sign-in?next=/measures', '/sign-in');
    expect((await screen.findByText(/You are signed in as/)).textContent).toBe(
      'You are signed in as Demo QI lead.',
    );
    expect(screen.getByRole('link', { name: 'Continue' }).getAttribute('href')).toBe('/measures');
  });

  describe('where demo sign-in is open', () => {
    beforeEach(() => {
      fakeApi.on('GET', '/api/v1/auth/session', () => ({ ...SIGNED_OUT, demoSignIn: true }));
      fakeApi.on('GET', '/api/v1/auth/demo-users', () => ({ items: DEMO_USERS }));
    });

    it('offers a button per demo user, clearly labelled as demo', async () => {
      renderPage(<SignInPage />, '/sign-in', '/sign-in');
      const section = await screen.findByRole('region', { name: 'Sign in as a demo user' });
      expect(section.textContent).toContain('The demo users are not real people');
      expect(
        within(section)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Sign in as Demo ward nurse (staff)', 'Sign in as Demo QI lead']);
      expect(
        screen.getByRole('heading', { name: 'Sign in with an email address and password' }),
      ).toBeTruthy();
    });

    it('signs in as the demo user chosen and goes on', async () => {
      fakeApi.on('POST', '/api/v1/auth/demo-sign-in', () => SIGNED_IN);
      const view = renderPage(<SignInPage />, '/sign-in?next=%2Fmeasures', '/sign-in');
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in as Demo QI lead' }));
      await waitFor(() => {
        expect(currentUrl(view)).toBe('/measures');
      });
      expect(fakeApi.calls('POST', '/api/v1/auth/demo-sign-in')[0]!.body).toEqual({
        email: 'demo.qilead@groundswell.invalid',
      });
    });

    it('shows why a demo sign-in was refused', async () => {
      fakeApi.on('POST', '/api/v1/auth/demo-sign-in', () =>
        apiError(403, 'forbidden', 'Demo sign-in is closed on this server.'),
      );
      renderPage(<SignInPage />, '/sign-in', '/sign-in');
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in as Demo QI lead' }));
      await screen.findByRole('alert');
      expect(summaryLinks()).toEqual([
        { text: 'Demo sign-in is closed on this server.', href: '#demo-users' },
      ]);
    });
  });
});
