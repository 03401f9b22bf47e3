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
import type { IdentityProvider } from '../components/sign-in/identity-providers';
import IdentityProvidersPage from './IdentityProvidersPage';

const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const ENTRA: IdentityProvider = {
  id: '30000000-0000-4000-8000-000000000001',
  organisationId: ORG.id,
  name: 'Trust Entra ID',
  issuer: 'https://login.microsoftonline.com/tenant/v2.0',
  clientId: 'groundswell-app',
  clientSecretSet: true,
  emailDomains: ['bhrhospitals.nhs.uk'],
  defaultRole: null,
  enabled: true,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
};
const BASE = '/api/v1/organisations/RF4/identity-providers';

let providers: IdentityProvider[];

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  providers = [ENTRA];
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('administrator')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', BASE, () => ({ items: providers }));
});
afterEach(cleanup);

function show(): void {
  renderPage(
    <IdentityProvidersPage />,
    '/organisations/RF4/identity-providers',
    '/organisations/:ref/identity-providers',
  );
}

function fill(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** A button of the providers' table (queried within it: role queries over the whole page are slow). */
async function tableButton(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table', { name: 'Identity providers' }, { timeout: 5000 });
  return within(table).findByRole('button', { name }, { timeout: 5000 });
}

function summaryLinks(): { text: string; href: string | null }[] {
  const summary = document.querySelector('.nhsuk-error-summary')!;
  return [...summary.querySelectorAll('a')].map((a) => ({
    text: a.textContent,
    href: a.getAttribute('href'),
  }));
}

describe('IdentityProvidersPage', () => {
  it('lists the providers, never a secret, with the callback address to register', async () => {
    show();
    const table = await screen.findByRole('table', { name: 'Identity providers' });
    const row = within(table).getByRole('row', { name: /Trust Entra ID/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'https://login.microsoftonline.com/tenant/v2.0',
      'bhrhospitals.nhs.uk',
      'Invited people and members only',
      'Stored',
      'Enabled',
      'Change Trust Entra ID Disable Trust Entra ID',
    ]);
    expect(screen.getByText('http://localhost:3000/api/v1/auth/sso/callback')).toBeTruthy();
  });

  it('adds a provider: domains one a line, the secret sent once, the role of a first sign-in', async () => {
    let sent: unknown;
    fakeApi.on('POST', BASE, (request) => {
      sent = request.body;
      const added = { ...ENTRA, id: '30000000-0000-4000-8000-000000000002', name: 'NHSmail', enabled: true };
      providers = [...providers, added];
      return new Response(JSON.stringify(added), {
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    fakeApi.on('GET', '/api/v1/auth/session', () => ({
      ...sessionOf(withRole('administrator')),
      csrfToken: CSRF,
    }));
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Add an identity provider' }));
    fill('Name', 'NHSmail');
    fill('Issuer', 'https://login.example.nhs.uk/realms/nhs');
    fill('Client ID', 'gs');
    fill('Client secret', 's3cret value');
    fill('Email domains', 'Trust.NHS.uk\n nhs.example.uk ,\n');
    fireEvent.change(screen.getByLabelText('Role at a first sign-in'), { target: { value: 'staff' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the provider' }));
    await screen.findByText('NHSmail has been added.');
    expect(sent).toEqual({
      name: 'NHSmail',
      issuer: 'https://login.example.nhs.uk/realms/nhs',
      clientId: 'gs',
      clientSecret: 's3cret value',
      emailDomains: ['Trust.NHS.uk', 'nhs.example.uk'],
      defaultRole: 'staff',
      enabled: true,
    });
    expect(fakeApi.calls('POST', BASE)[0]!.headers.get('x-csrf-token')).toBe(CSRF);
    // The form is gone and the secret appears nowhere on the page.
    expect(screen.queryByLabelText('Client secret')).toBeNull();
    expect(document.body.textContent).not.toContain('s3cret value');
  });

  it('shows the server’s refusal of the issuer in the error summary, linked to the field', async () => {
    fakeApi.on('POST', BASE, () =>
      apiError(
        400,
        'invalid_input',
        'issuer: could not read the OpenID configuration at https://login.example.nhs.uk/.well-known/openid-configuration (fetch failed). Check the issuer address.',
        { field: 'issuer' },
      ),
    );
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Add an identity provider' }));
    fill('Name', 'Broken');
    fill('Issuer', 'https://login.example.nhs.uk');
    fill('Client ID', 'gs');
    fireEvent.click(screen.getByRole('button', { name: 'Add the provider' }));
    await screen.findByRole('alert');
    expect(summaryLinks()).toEqual([
      {
        text: expect.stringMatching(/^issuer: could not read the OpenID configuration/) as string,
        href: '#idp-issuer',
      },
    ]);
    expect(screen.getByLabelText('Issuer').getAttribute('aria-describedby')).toBe(
      'idp-issuer-hint idp-issuer-error',
    );
  });

  it('asks for what is missing before sending', async () => {
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Add an identity provider' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add the provider' }));
    await screen.findByRole('alert');
    expect(summaryLinks().map((link) => link.href)).toEqual(['#idp-name', '#idp-issuer', '#idp-client-id']);
    expect(fakeApi.calls('POST', BASE)).toHaveLength(0);
  });

  it('changes a provider keeping its secret unless a new one is given, or removes it', async () => {
    const bodies: unknown[] = [];
    fakeApi.on('PATCH', `${BASE}/:id`, (request) => {
      bodies.push(request.body);
      return { ...ENTRA, name: 'Entra' };
    });
    show();
    fireEvent.click(await tableButton('Change Trust Entra ID'));
    expect(screen.getByLabelText<HTMLInputElement>('Client secret').value).toBe('');
    expect(screen.getByText(/A secret is stored \(it is never shown\)/)).toBeTruthy();
    fill('Name', 'Entra');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Entra has been saved.');
    expect(bodies[0]).toEqual({
      name: 'Entra',
      issuer: ENTRA.issuer,
      clientId: ENTRA.clientId,
      emailDomains: ENTRA.emailDomains,
      defaultRole: null,
      enabled: true,
    });
    fireEvent.click(await tableButton('Change Trust Entra ID'));
    fireEvent.click(screen.getByLabelText('Remove the stored secret (a public client)'));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => {
      expect(bodies).toHaveLength(2);
    });
    expect(bodies[1]).toMatchObject({ clientSecret: null });
  });

  it('disables and enables a provider', async () => {
    fakeApi.on('PATCH', `${BASE}/:id`, (request) => {
      const enabled = (request.body as { enabled: boolean }).enabled;
      providers = [{ ...ENTRA, enabled }];
      return providers[0];
    });
    show();
    fireEvent.click(await tableButton('Disable Trust Entra ID'));
    await screen.findByText('Trust Entra ID is disabled.');
    expect(fakeApi.calls('PATCH', `${BASE}/${ENTRA.id}`)[0]!.body).toEqual({ enabled: false });
    expect(await tableButton('Enable Trust Entra ID')).toBeTruthy();
  });

  it('tells someone without the role what it needs, and someone signed out to sign in', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('qi_lead')));
    show();
    expect((await screen.findByText(/You need the role of administrator/)).textContent).toContain(
      'to manage single sign-on',
    );
    expect(fakeApi.calls('GET', BASE)).toHaveLength(0);
    cleanup();
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    show();
    expect(await screen.findByRole('link', { name: 'Sign in to manage single sign-on' })).toBeTruthy();
  });
});
