// @vitest-environment jsdom
import {
  apiError,
  CSRF,
  fakeApi,
  json,
  renderPage,
  sessionOf,
  SIGNED_IN,
  withRole,
} from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Grant } from '../components/members/members';
import GrantsPage from './GrantsPage';

const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const ICB: Grant = {
  organisation: {
    id: '70000000-0000-4000-8000-000000000001',
    odsCode: 'QMF',
    name: 'North East London ICB',
    kind: 'commissioner',
  },
  scope: 'internal',
  createdAt: '2026-11-01T00:00:00.000Z',
};

let grants: Grant[];

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  grants = [];
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('administrator')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/grants', () => ({ items: grants }));
});
afterEach(() => {
  cleanup();
});

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<GrantsPage />, '/organisations/RF4/grants', '/organisations/:ref/grants');

describe('GrantsPage', () => {
  it('tells someone who is not an administrator what role it needs', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    render();
    expect((await screen.findByText(/You need the role of administrator/)).textContent).toContain(
      'manage which organisations see its measures',
    );
    expect(fakeApi.calls('GET', '/api/v1/organisations/RF4/grants')).toHaveLength(0);
  });

  it('gives a commissioner access by ODS code, with the scope chosen', async () => {
    fakeApi.on('POST', '/api/v1/organisations/RF4/grants', (request) => {
      const body = request.body as { grantee: string; scope: Grant['scope'] };
      grants = [{ ...ICB, scope: body.scope }];
      return json(201, grants[0]);
    });
    render();
    await screen.findByText('No other organisation sees more than the public does.');
    fireEvent.click(screen.getByRole('button', { name: 'Give access' }));
    expect(
      (await screen.findByRole('link', { name: 'Enter the ODS code of the organisation' })).getAttribute(
        'href',
      ),
    ).toBe('#grant-grantee');
    fireEvent.change(screen.getByLabelText('ODS code of the organisation'), { target: { value: 'qmf' } });
    fireEvent.click(screen.getByLabelText('Published and internal measures'));
    fireEvent.click(screen.getByRole('button', { name: 'Give access' }));
    await screen.findByText('North East London ICB may now see published and internal measures.');
    const call = fakeApi.calls('POST', '/api/v1/organisations/RF4/grants')[0]!;
    expect(call.body).toEqual({ grantee: 'qmf', scope: 'internal' });
    expect(call.headers.get('X-CSRF-Token')).toBe(CSRF);
    await screen.findByText('North East London ICB');
    expect(document.querySelector('ul.nhsuk-list--border')!.textContent).toContain(
      'North East London ICB (QMF): published and internal measures',
    );
  });

  it('shows an unknown ODS code on its field', async () => {
    fakeApi.on('POST', '/api/v1/organisations/RF4/grants', () =>
      apiError(404, 'not_found', 'no organisation has the id or ODS code "ZZZ"', { field: 'grantee' }),
    );
    render();
    await screen.findByText('No other organisation sees more than the public does.');
    fireEvent.change(screen.getByLabelText('ODS code of the organisation'), { target: { value: 'ZZZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Give access' }));
    expect((await screen.findByRole('link', { name: /no organisation has/ })).getAttribute('href')).toBe(
      '#grant-grantee',
    );
  });

  it('revokes access after asking', async () => {
    grants = [ICB];
    fakeApi.on('DELETE', '/api/v1/organisations/RF4/grants/:grantee', () => {
      grants = [];
      return ICB;
    });
    render();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Revoke the access of North East London ICB' }),
    );
    const question = await screen.findByRole('heading', {
      name: /Revoke the access of North East London ICB\?/,
    });
    fireEvent.click(within(question.closest('section')!).getByRole('button', { name: 'Yes, revoke it' }));
    await screen.findByText('North East London ICB no longer sees more than the public does.');
    await waitFor(() => {
      expect(screen.getByText('No other organisation sees more than the public does.')).toBeTruthy();
    });
    expect(fakeApi.calls('DELETE', '/api/v1/organisations/RF4/grants/QMF')).toHaveLength(1);
  });
});
