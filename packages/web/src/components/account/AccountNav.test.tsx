// @vitest-environment jsdom
import { fakeApi, renderPage, sessionOf, SIGNED_IN, SIGNED_OUT, withRole } from '../../test-support/fake-api';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountNav } from './AccountNav';

beforeEach(() => {
  fakeApi.reset();
});
afterEach(cleanup);

async function account(): Promise<HTMLElement> {
  return screen.findByRole('navigation', { name: 'Account' });
}

describe('AccountNav', () => {
  it('links a QI lead to their organisation’s audit log', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    renderPage(<AccountNav />, '/', '/');
    const link = await within(await account()).findByRole('link', { name: 'Audit log' });
    expect(link.getAttribute('href')).toBe('/organisations/RF4/audit');
  });

  it('offers no audit log to roles that may not read it, nor to the signed out', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('improver')));
    renderPage(<AccountNav />, '/', '/');
    await within(await account()).findByRole('link', { name: 'Your API tokens' });
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
    cleanup();
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    renderPage(<AccountNav />, '/', '/');
    await within(await account()).findByRole('link', { name: 'Sign in' });
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
  });
});
