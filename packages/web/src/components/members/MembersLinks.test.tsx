// @vitest-environment jsdom
import {
  fakeApi,
  renderPage,
  sessionOf,
  SIGNED_IN,
  SIGNED_OUT,
  USER,
  withRole,
} from '../../test-support/fake-api';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MembersLinks } from './MembersLinks';

const RF4 = USER.memberships[0]!.organisationId;

beforeEach(() => {
  fakeApi.reset();
});
afterEach(() => {
  cleanup();
});

async function linksFor(session: unknown, odsCode = 'RF4', id = RF4): Promise<string[]> {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => session);
  renderPage(
    <>
      <h1>Organisation</h1>
      <MembersLinks id={id} odsCode={odsCode} />
    </>,
    '/organisations/RF4',
    '/organisations/:ref',
  );
  await screen.findByText('Organisation');
  // The links show once the session has loaded.
  await waitFor(() => {
    expect(fakeApi.calls('GET', '/api/v1/auth/session')).toHaveLength(1);
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return screen.queryAllByRole('link').map((a) => `${a.textContent} ${a.getAttribute('href')}`);
}

describe('MembersLinks', () => {
  it('shows the organisation’s administrators the members and access pages', async () => {
    expect(await linksFor(sessionOf(withRole('administrator')))).toEqual([
      'Members and invitations /organisations/RF4/members',
      'Access for other organisations /organisations/RF4/grants',
    ]);
  });

  it('shows nothing to other roles, to administrators of other organisations, or to the public', async () => {
    expect(await linksFor(SIGNED_IN)).toEqual([]);
    cleanup();
    expect(
      await linksFor(sessionOf(withRole('administrator')), 'QMF', '70000000-0000-4000-8000-000000000001'),
    ).toEqual([]);
    cleanup();
    expect(await linksFor(SIGNED_OUT)).toEqual([]);
  });

  it('shows a platform administrator every organisation’s', async () => {
    expect(
      await linksFor(
        sessionOf({ ...USER, platformAdmin: true, memberships: [] }),
        'QMF',
        '70000000-0000-4000-8000-000000000001',
      ),
    ).toHaveLength(2);
  });
});
