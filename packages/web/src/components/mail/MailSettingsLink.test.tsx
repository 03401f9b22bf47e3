// @vitest-environment jsdom
import { fakeApi, renderPage, sessionOf, SIGNED_OUT, withRole } from '../../test-support/fake-api';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailSettingsLink } from './MailSettingsLink';

beforeEach(() => {
  fakeApi.reset();
});
afterEach(cleanup);

function show(): void {
  renderPage(
    <ul>
      <li>Goals</li>
      <MailSettingsLink odsCode="RF4" />
    </ul>,
    '/organisations/RF4',
    '/organisations/:ref',
  );
}

describe('MailSettingsLink', () => {
  it('links administrators to the email settings', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('administrator')));
    show();
    const link = await screen.findByRole('link', { name: 'Email settings' });
    expect(link.getAttribute('href')).toBe('/organisations/RF4/mail-settings');
  });

  it('is not shown to anyone else', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('executive')));
    show();
    await screen.findByText('Goals');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Email settings' })).toBeNull();
    cleanup();
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    show();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Email settings' })).toBeNull();
  });
});
