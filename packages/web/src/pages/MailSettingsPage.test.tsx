// @vitest-environment jsdom
import {
  apiError,
  CSRF,
  fakeApi,
  renderPage,
  sessionOf,
  SIGNED_OUT,
  withRole,
} from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { MailSettings, MailSettingsAnswer } from '../components/mail/data';
import MailSettingsPage from './MailSettingsPage';

const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const NHSMAIL: MailSettings = {
  host: 'send.nhs.net',
  port: 587,
  security: 'starttls',
  username: 'groundswell.bhr@nhs.net',
  passwordSet: true,
  passwordReadable: true,
  fromAddress: 'groundswell.bhr@nhs.net',
  fromName: null,
  enabled: true,
  enabledAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  status: { waiting: 2, sent: 41, failed: 1, lastError: '535 5.7.3 Authentication unsuccessful' },
};
const BASE = '/api/v1/organisations/RF4/mail-settings';

let answer: MailSettingsAnswer;

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  answer = { settings: NHSMAIL, canStorePassword: true };
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('administrator')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', BASE, () => answer);
});
afterEach(cleanup);

function show(): void {
  renderPage(<MailSettingsPage />, '/organisations/RF4/mail-settings', '/organisations/:ref/mail-settings');
}

function fill(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function input(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label);
}

/** The PUT answering with the settings as sent (no password shown back), keeping the bodies. */
function acceptSaves(): unknown[] {
  const bodies: unknown[] = [];
  fakeApi.on('PUT', BASE, (request) => {
    bodies.push(request.body);
    const { password, ...body } = request.body as Partial<MailSettings> & { password?: string | null };
    answer = {
      canStorePassword: true,
      settings: {
        ...NHSMAIL,
        ...body,
        passwordSet: password === undefined ? NHSMAIL.passwordSet : password !== null,
        updatedAt: '2026-11-26T10:00:00.000Z',
      },
    };
    return answer;
  });
  return bodies;
}

describe('MailSettingsPage', () => {
  it('shows the saved settings and how email is going, never a password', async () => {
    show();
    expect((await screen.findByLabelText<HTMLInputElement>('Mail server')).value).toBe('send.nhs.net');
    expect(input('Port').value).toBe('587');
    expect(input(/^STARTTLS/).checked).toBe(true);
    expect(input('User name').value).toBe('groundswell.bhr@nhs.net');
    const password = input('Password');
    expect(password.value).toBe('');
    expect(password.type).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    expect(screen.getByText('A password is stored. Leave blank to keep it.')).toBeTruthy();
    expect(input('From address').value).toBe('groundswell.bhr@nhs.net');
    expect(input('From name').value).toBe('');
    expect(screen.getByText(/Leave blank for “Groundswell at Barking, Havering and Redbridge”/)).toBeTruthy();
    expect(input('Email notifications').checked).toBe(true);
    const status = screen.getByRole('region', { name: 'How email is going' });
    const rows = [...status.querySelectorAll('.nhsuk-summary-list__row')].map((row) => [
      row.querySelector('dt')!.textContent,
      row.querySelector('dd')!.textContent,
    ]);
    expect(rows.slice(1)).toEqual([
      ['Mail server', 'send.nhs.net, port 587'],
      ['Waiting to be sent', '2'],
      ['Sent', '41'],
      ['Given up', '1'],
      ['Last error', '535 5.7.3 Authentication unsuccessful'],
    ]);
    expect(rows[0]![1]).toMatch(/^On since/);
    expect(screen.getByText('send.nhs.net', { selector: 'code' })).toBeTruthy();
    expect(screen.queryByText(/GROUNDSWELL_SECRET_KEY/)).toBeNull();
  });

  it('saves without the password when it is left blank, and says so', async () => {
    const bodies = acceptSaves();
    fakeApi.on('GET', '/api/v1/auth/session', () => ({
      ...sessionOf(withRole('administrator')),
      csrfToken: CSRF,
    }));
    show();
    await screen.findByLabelText('Mail server');
    fill('From name', 'QI team');
    fireEvent.click(screen.getByRole('button', { name: 'Save the mail server' }));
    await screen.findByText('The mail server is saved. Notifications are emailed from now on.');
    expect(bodies[0]).toEqual({
      host: 'send.nhs.net',
      port: 587,
      security: 'starttls',
      username: 'groundswell.bhr@nhs.net',
      fromAddress: 'groundswell.bhr@nhs.net',
      fromName: 'QI team',
      enabled: true,
    });
    expect(fakeApi.calls('PUT', BASE)[0]!.headers.get('x-csrf-token')).toBe(CSRF);
  });

  it('sends a new password, or null to remove the stored one', async () => {
    const bodies = acceptSaves();
    show();
    await screen.findByLabelText('Mail server');
    fill('Password', 'n3w secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save the mail server' }));
    await waitFor(() => {
      expect(bodies).toHaveLength(1);
    });
    expect(bodies[0]).toMatchObject({ password: 'n3w secret' });
    await waitFor(() => {
      expect(input('Password').value).toBe('');
    });
    expect(document.body.textContent).not.toContain('n3w secret');

    fireEvent.click(input('Remove the stored password'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the mail server' }));
    await waitFor(() => {
      expect(bodies).toHaveLength(2);
    });
    expect(bodies[1]).toMatchObject({ password: null });
  });

  it('sets up a first mail server: an internal relay with no user name', async () => {
    answer = { settings: null, canStorePassword: false };
    const bodies = acceptSaves();
    show();
    expect(await screen.findByText(/No mail server is set/)).toBeTruthy();
    expect(screen.getByText(/must set/).textContent).toContain('GROUNDSWELL_SECRET_KEY');
    expect(screen.queryByRole('button', { name: 'Send a test email to me' })).toBeNull();
    expect(screen.queryByText('A password is stored. Leave blank to keep it.')).toBeNull();
    fill('Mail server', ' relay.trust.local ');
    fill('Port', '25');
    fireEvent.click(input(/^None/));
    fill('From address', 'groundswell@trust.nhs.uk');
    fireEvent.click(screen.getByRole('button', { name: 'Save the mail server' }));
    await waitFor(() => {
      expect(bodies).toHaveLength(1);
    });
    expect(bodies[0]).toEqual({
      host: 'relay.trust.local',
      port: 25,
      security: 'none',
      username: null,
      fromAddress: 'groundswell@trust.nhs.uk',
      fromName: null,
      enabled: true,
    });
  });

  it('shows the server’s refusal of the host at the field and in the error summary', async () => {
    fakeApi.on('PUT', BASE, () =>
      apiError(400, 'invalid_input', 'host: send.nhs.example could not be found', { field: 'host' }),
    );
    show();
    await screen.findByLabelText('Mail server');
    fill('Mail server', 'send.nhs.example');
    fireEvent.click(screen.getByRole('button', { name: 'Save the mail server' }));
    const alert = await screen.findByRole('alert');
    const links = within(alert).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['host: send.nhs.example could not be found', '#mail-host'],
    ]);
    expect(input('Mail server').getAttribute('aria-describedby')).toBe('mail-host-hint mail-host-error');
    expect(document.getElementById('mail-host-error')!.textContent).toContain('could not be found');
  });

  it('asks for what is missing before sending', async () => {
    answer = { settings: null, canStorePassword: true };
    show();
    await screen.findByText(/No mail server is set/);
    fill('Port', 'abc');
    fireEvent.click(screen.getByRole('button', { name: 'Save the mail server' }));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#mail-host', '#mail-port', '#mail-from-address']);
    expect(fakeApi.calls('PUT', BASE)).toHaveLength(0);
  });

  it('warns when the stored password must be entered again', async () => {
    answer = { settings: { ...NHSMAIL, passwordReadable: false }, canStorePassword: true };
    show();
    expect(await screen.findByText(/The stored password can no longer be read/)).toBeTruthy();
  });

  it('sends a test email and says what happened', async () => {
    fakeApi.on('POST', `${BASE}/test`, () => ({ sent: true, to: 'demo.admin@nhs.net', error: null }));
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Send a test email to me' }));
    expect(await screen.findByText(/A test email was sent to demo\.admin@nhs\.net/)).toBeTruthy();
    cleanup();
    fakeApi.on('POST', `${BASE}/test`, () => ({
      sent: false,
      to: 'demo.admin@nhs.net',
      error: '535 5.7.3 Authentication unsuccessful',
    }));
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Send a test email to me' }));
    expect((await screen.findByText(/was not sent/)).textContent).toBe(
      'The test email to demo.admin@nhs.net was not sent. The mail server answered: 535 5.7.3 Authentication unsuccessful',
    );
  });

  it('removes the mail server after asking', async () => {
    fakeApi.on('DELETE', BASE, () => {
      answer = { settings: null, canStorePassword: true };
      return new Response(null, { status: 204 });
    });
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the mail server' }));
    expect(fakeApi.calls('DELETE', BASE)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the mail server' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove the mail server' }));
    await screen.findByText('The mail server is removed. Notifications are shown in Groundswell only.');
    expect(await screen.findByText(/No mail server is set/)).toBeTruthy();
    expect(fakeApi.calls('DELETE', BASE)).toHaveLength(1);
    expect(input('Mail server').value).toBe('');
  });

  it('tells someone without the role what it needs, and someone signed out to sign in', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('qi_lead')));
    show();
    expect((await screen.findByText(/You need the role of administrator/)).textContent).toContain(
      'to set the mail server',
    );
    expect(fakeApi.calls('GET', BASE)).toHaveLength(0);
    cleanup();
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    show();
    expect(await screen.findByRole('link', { name: 'Sign in to set the mail server' })).toBeTruthy();
    expect(fakeApi.calls('GET', BASE)).toHaveLength(0);
  });
});
