// @vitest-environment jsdom
import {
  apiError,
  CSRF,
  currentUrl,
  fakeApi,
  json,
  renderPage,
  sessionOf,
  SIGNED_OUT,
  USER,
} from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import InvitationPage from './InvitationPage';

const TOKEN = 'the-secret-of-the-link';
const PATH = `/api/v1/invitations/${TOKEN}`;
const NEW_PERSON = {
  organisationName: 'Barking, Havering and Redbridge',
  email: 'new.person@example.nhs.uk',
  role: 'qi_lead',
  existingAccount: false,
};
const JOINED = {
  ...sessionOf({
    ...USER,
    email: 'new.person@example.nhs.uk',
    displayName: 'New Person',
    demo: false,
  }),
  organisation: {
    id: '00000000-0000-4000-8000-0000000000f4',
    odsCode: 'RF4',
    name: 'Barking, Havering and Redbridge',
  },
};

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
  fakeApi.on('GET', PATH, () => NEW_PERSON);
});
afterEach(() => {
  cleanup();
});

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<InvitationPage />, `/invitations/${TOKEN}`, '/invitations/:token');

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('InvitationPage', () => {
  it('says what the invitation is for, checks the form, and signs the new person in', async () => {
    fakeApi.on('POST', `${PATH}/accept`, () => JOINED);
    const view = render();
    expect(
      await screen.findByRole('heading', { level: 1, name: /Join Barking, Havering and Redbridge/ }),
    ).toBeTruthy();
    expect(screen.getByText(/as a QI lead/).textContent).toContain('new.person@example.nhs.uk');
    fill('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Join and sign in' }));
    await screen.findByText('There is a problem');
    expect(
      [...document.querySelectorAll('.nhsuk-error-summary a')].map((a) => [
        a.textContent,
        a.getAttribute('href'),
      ]),
    ).toEqual([
      ['Enter your name', '#invitation-name'],
      ['The password must be at least 12 characters', '#invitation-password'],
    ]);
    fill('Your name', 'New Person');
    fill('Password', 'a long enough new password');
    fill('Password again', 'a long enough new passwort');
    fireEvent.click(screen.getByRole('button', { name: 'Join and sign in' }));
    await screen.findByRole('link', { name: 'The passwords do not match: type it again' });
    expect(fakeApi.calls('POST', `${PATH}/accept`)).toHaveLength(0);

    fill('Password again', 'a long enough new password');
    fireEvent.click(screen.getByRole('button', { name: 'Join and sign in' }));
    await waitFor(() => {
      expect(currentUrl(view)).toBe('/organisations/RF4');
    });
    expect(fakeApi.calls('POST', `${PATH}/accept`)[0]!.body).toEqual({
      displayName: 'New Person',
      password: 'a long enough new password',
    });
  });

  it('puts the server’s password problem on the password field', async () => {
    fakeApi.on('POST', `${PATH}/accept`, () =>
      apiError(400, 'invalid_input', 'The password must not be your email address.', { field: 'password' }),
    );
    render();
    await screen.findByLabelText('Your name');
    fill('Your name', 'New Person');
    fill('Password', 'new.person@example.nhs.uk');
    fill('Password again', 'new.person@example.nhs.uk');
    fireEvent.click(screen.getByRole('button', { name: 'Join and sign in' }));
    const link = await screen.findByRole('link', { name: 'The password must not be your email address.' });
    expect(link.getAttribute('href')).toBe('#invitation-password');
  });

  it('says a used, expired or withdrawn link does not work', async () => {
    fakeApi.on('GET', PATH, () => apiError(404, 'not_found', 'This invitation link is not valid.'));
    render();
    expect(await screen.findByText('This invitation link does not work')).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('asks someone with an account to sign in first, then accepts with their session', async () => {
    fakeApi.on('GET', PATH, () => ({ ...NEW_PERSON, email: USER.email, existingAccount: true }));
    render();
    const signIn = await screen.findByRole('link', { name: 'Sign in first' });
    expect(signIn.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(`/invitations/${TOKEN}`)}`);
    expect(screen.queryByLabelText('Password')).toBeNull();
    cleanup();

    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf());
    fakeApi.on('POST', `${PATH}/accept`, () =>
      json(200, { ...sessionOf(), organisation: JOINED.organisation }),
    );
    const again = render();
    fireEvent.click(await screen.findByRole('button', { name: 'Join Barking, Havering and Redbridge' }));
    await waitFor(() => {
      expect(currentUrl(again)).toBe('/organisations/RF4');
    });
    const call = fakeApi.calls('POST', `${PATH}/accept`)[0]!;
    expect(call.body).toEqual({});
    expect(call.headers.get('X-CSRF-Token')).toBe(CSRF);
  });

  it('tells someone signed in as another person to sign in as the invited one', async () => {
    fakeApi.on('GET', PATH, () => ({ ...NEW_PERSON, existingAccount: true }));
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf());
    render();
    expect((await screen.findByText(/but this invitation is for/)).textContent).toContain(
      'sign in as new.person@example.nhs.uk',
    );
    expect(screen.queryByRole('button', { name: /Join/ })).toBeNull();
  });
});
