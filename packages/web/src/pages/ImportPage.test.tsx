// @vitest-environment jsdom
import {
  fakeApi,
  renderPage,
  sessionOf,
  SIGNED_IN,
  SIGNED_OUT,
  USER,
  withRole,
} from '../test-support/fake-api';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ImportPage from './ImportPage';

const RF4 = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2024-01-01T00:00:00Z',
};
const RQM = { ...RF4, id: '00000000-0000-4000-8000-0000000000a1', odsCode: 'RQM', name: 'Chelsea' };

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/organisations', () => ({ items: [RF4, RQM], nextCursor: null }));
});
afterEach(cleanup);

describe('ImportPage for who may import', () => {
  it('asks someone signed out to sign in, coming back here, instead of the upload form', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    renderPage(<ImportPage />, '/imports/new?organisation=RF4', '/imports/new');
    const link = await screen.findByRole('link', { name: 'Sign in to import data' });
    expect(link.getAttribute('href')).toBe('/sign-in?next=%2Fimports%2Fnew%3Forganisation%3DRF4');
    expect(screen.queryByLabelText('Organisation')).toBeNull();
    expect(screen.queryByRole('button', { name: /Upload/ })).toBeNull();
  });

  it('tells staff which roles may import', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    renderPage(<ImportPage />, '/imports/new', '/imports/new');
    const message = await screen.findByText(/You need the role of/);
    expect(message.textContent).toBe(
      'You need the role of improver, unit lead, QI lead or administrator in an organisation to import data. You are signed in as Demo QI lead.',
    );
    expect(screen.queryByLabelText('Organisation')).toBeNull();
  });

  it('offers the upload form with only the organisations the person may import into', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    renderPage(<ImportPage />, '/imports/new', '/imports/new');
    const select = await screen.findByLabelText('Organisation');
    const names = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names.some((n) => n.includes('Barking'))).toBe(true);
    expect(names.some((n) => n.includes('Chelsea'))).toBe(false);
    // A national file (rows of many organisations) is for platform administrators only.
    expect(names.some((n) => n.includes('national file'))).toBe(false);
  });

  it('offers a platform administrator every organisation and a national file', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () =>
      sessionOf({ ...USER, platformAdmin: true, memberships: [] }),
    );
    renderPage(<ImportPage />, '/imports/new', '/imports/new');
    const select = await screen.findByLabelText('Organisation');
    const names = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names.filter((n) => n.includes('Barking') || n.includes('Chelsea'))).toHaveLength(2);
    expect(names.some((n) => n.includes('national file'))).toBe(true);
  });

  it('asks someone signed out to sign in before resuming an import', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    renderPage(<ImportPage />, '/imports/new?import=abc', '/imports/new');
    await screen.findByRole('link', { name: 'Sign in to import data' });
    expect(fakeApi.calls('GET', '/api/v1/imports/abc')).toHaveLength(0);
  });
});
