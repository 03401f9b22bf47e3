// @vitest-environment jsdom
/**
 * The public page settings: anyone sees the current settings and the link to the public page;
 * an executive saves a new introduction and licence (the request's body is what was typed and
 * chosen); someone without the role is told which role it needs; the server's refusal of a field
 * is shown on that field.
 */
import { apiError, fakeApi, renderPage, sessionOf, SIGNED_IN, withRole } from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { PublicProfile } from '../components/public/data';
import PublicProfilePage from './PublicProfilePage';

const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};

let profile: PublicProfile;

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  profile = {
    organisationId: ORG.id,
    introduction: 'We publish our waiting times.',
    licence: 'OGL-UK-3.0',
    licenceName: 'Open Government Licence v3.0',
    licenceUrl: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    publicPath: '/public/RF4',
    updatedAt: null,
  };
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('executive')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/public-profile', () => profile);
});
afterEach(() => {
  cleanup();
});

const render = (): ReturnType<typeof renderPage> =>
  renderPage(
    <PublicProfilePage />,
    '/organisations/RF4/public-profile',
    '/organisations/:ref/public-profile',
  );

describe('PublicProfilePage', () => {
  it('shows the settings and the public page to someone who may not change them, and the role needed', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    render();
    expect((await screen.findByRole('link', { name: 'See the public page' })).getAttribute('href')).toBe(
      '/public/RF4',
    );
    expect(screen.getByText('We publish our waiting times.')).toBeTruthy();
    expect(
      (await screen.findByText(/You need the role of executive or administrator/)).textContent,
    ).toContain('change the public page');
    expect(screen.queryByRole('button', { name: 'Save the public page settings' })).toBeNull();
  });

  it('saves the introduction and the licence an executive chose', async () => {
    fakeApi.on('PUT', '/api/v1/organisations/RF4/public-profile', (request) => {
      const body = request.body as { introduction: string; licence: PublicProfile['licence'] };
      profile = {
        ...profile,
        ...body,
        licenceName: 'Creative Commons Zero (public domain)',
        updatedAt: '2026-11-26T12:00:00.000Z',
      };
      return profile;
    });
    render();
    const field = await screen.findByLabelText('Introduction');
    fireEvent.change(field, { target: { value: 'Our results, every month.' } });
    fireEvent.click(screen.getByLabelText('Creative Commons Zero (public domain)'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the public page settings' }));
    await screen.findByText(/The public page settings are saved/);
    expect(fakeApi.calls('PUT', '/api/v1/organisations/RF4/public-profile')[0]?.body).toEqual({
      introduction: 'Our results, every month.',
      licence: 'CC0-1.0',
    });
  });

  it('puts the server’s refusal on the field it names', async () => {
    fakeApi.on('PUT', '/api/v1/organisations/RF4/public-profile', () =>
      apiError(400, 'invalid_input', 'The introduction must be 4000 characters or fewer', {
        field: 'introduction',
      }),
    );
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Save the public page settings' }));
    await waitFor(() => {
      expect(screen.getAllByText(/The introduction must be 4000 characters or fewer/).length).toBeGreaterThan(
        0,
      );
    });
  });
});
