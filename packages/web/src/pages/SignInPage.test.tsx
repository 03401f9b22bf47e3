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
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { browser } from '../components/sign-in/sso';
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
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

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

  describe('with your organisation (single sign-on)', () => {
    const PROVIDER = {
      id: '30000000-0000-4000-8000-000000000001',
      name: 'Trust Entra ID',
      organisationName: 'Barking, Havering and Redbridge',
    };

    function continueWith(email: string): void {
      fireEvent.change(screen.getByLabelText('Work email address'), { target: { value: email } });
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    }

    it('finds the provider of the work email’s domain and goes there, to come back to ?next=', async () => {
      fakeApi.on('POST', '/api/v1/auth/sso/lookup', () => ({ provider: PROVIDER }));
      const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined);
      renderPage(<SignInPage />, '/sign-in?next=%2Fmeasures%3Fsearch%3Dfalls', '/sign-in');
      await screen.findByRole('heading', { name: 'Sign in with your organisation' });
      continueWith(' pat.example@trust.nhs.uk ');
      await waitFor(() => {
        expect(go).toHaveBeenCalledWith(
          `/api/v1/auth/sso/${PROVIDER.id}/start?returnTo=%2Fmeasures%3Fsearch%3Dfalls`,
        );
      });
      expect(fakeApi.calls('POST', '/api/v1/auth/sso/lookup')[0]!.body).toEqual({
        email: 'pat.example@trust.nhs.uk',
      });
      expect(
        screen
          .getAllByRole('status')
          .some(
            (status) =>
              status.textContent ===
              'Taking you to Trust Entra ID (Barking, Havering and Redbridge) to sign in.',
          ),
      ).toBe(true);
      // The password form is still there for local accounts.
      expect(screen.getByLabelText('Password')).toBeTruthy();
    });

    it('says to use a password when no provider signs in that domain', async () => {
      fakeApi.on('POST', '/api/v1/auth/sso/lookup', () => ({ provider: null }));
      const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined);
      renderPage(<SignInPage />, '/sign-in', '/sign-in');
      await screen.findByLabelText('Work email address');
      continueWith('someone@elsewhere.example');
      await screen.findByRole('alert');
      expect(summaryLinks()).toEqual([
        {
          text: 'Your organisation does not sign in to Groundswell through its own sign-in service. Sign in with your email address and password below.',
          href: '#sso-email',
        },
      ]);
      expect(go).not.toHaveBeenCalled();
    });

    it('checks the address before asking the server', async () => {
      renderPage(<SignInPage />, '/sign-in', '/sign-in');
      await screen.findByLabelText('Work email address');
      continueWith('');
      await screen.findByRole('alert');
      expect(summaryLinks()).toEqual([{ text: 'Enter your work email address', href: '#sso-email' }]);
      continueWith('not-an-address');
      await waitFor(() => {
        expect(summaryLinks()[0]!.text).toMatch(/in the correct format/);
      });
      expect(screen.getByLabelText('Work email address').getAttribute('aria-describedby')).toBe(
        'sso-email-hint sso-email-error',
      );
      expect(fakeApi.calls('POST', '/api/v1/auth/sso/lookup')).toHaveLength(0);
    });

    it('shows why a sign-in through the organisation was refused (?error=) in the error summary', async () => {
      renderPage(<SignInPage />, '/sign-in?error=sso_no_account', '/sign-in');
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByRole('heading', { level: 2 }).textContent).toBe('There is a problem');
      expect(summaryLinks()).toEqual([
        {
          text: 'You do not have a Groundswell account in this organisation yet. Ask an administrator of your organisation for an invitation.',
          href: '#sso-email',
        },
      ]);
    });

    it('words an unknown error code plainly', async () => {
      renderPage(<SignInPage />, '/sign-in?error=something_new', '/sign-in');
      await screen.findByRole('alert');
      expect(summaryLinks()[0]!.text).toBe('Signing in through your organisation did not work. Try again.');
    });
  });
});
