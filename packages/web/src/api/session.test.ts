// @vitest-environment jsdom
import { fakeApi, CSRF, SIGNED_IN, SIGNED_OUT } from '../components/account/test-support';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { api, csrfHeaders, data, setCsrfToken } from './client';
import { fetchSession, SESSION_KEY, signedIn, signOut } from './session';

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
});

describe('the CSRF token', () => {
  it('goes with every change once the session is known, never with a read', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    fakeApi.on('GET', '/api/v1/organisations', () => ({ items: [], nextCursor: null }));
    fakeApi.on('DELETE', '/api/v1/auth/tokens/:id', () => ({}));
    await fetchSession();
    await data(api.GET('/api/v1/organisations'));
    await data(api.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id: 'a' } } }));
    expect(fakeApi.calls('GET', '/api/v1/organisations')[0]!.headers.get('X-CSRF-Token')).toBeNull();
    expect(fakeApi.calls('DELETE', '/api/v1/auth/tokens/a')[0]!.headers.get('X-CSRF-Token')).toBe(CSRF);
    expect(csrfHeaders()).toEqual({ 'X-CSRF-Token': CSRF });
  });

  it('is not sent when nobody is signed in', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    fakeApi.on('POST', '/api/v1/auth/sign-in', () => SIGNED_IN);
    await fetchSession();
    await data(api.POST('/api/v1/auth/sign-in', { body: { email: 'a@b.c', password: 'x' } }));
    expect(fakeApi.calls('POST', '/api/v1/auth/sign-in')[0]!.headers.get('X-CSRF-Token')).toBeNull();
    expect(csrfHeaders()).toEqual({});
  });
});

describe('signing in and out', () => {
  it('puts the new session in the cache and marks every other query stale', () => {
    const client = new QueryClient();
    client.setQueryData(['organisations', ''], { items: [] });
    signedIn(client, SIGNED_IN);
    expect(client.getQueryData(SESSION_KEY)).toEqual(SIGNED_IN);
    expect(client.getQueryState(['organisations', ''])?.isInvalidated).toBe(true);
    expect(csrfHeaders()).toEqual({ 'X-CSRF-Token': CSRF });
  });

  it('signs out with the token, then reads the signed-out session and forgets other data', async () => {
    fakeApi.on('POST', '/api/v1/auth/sign-out', () => new Response(null, { status: 204 }));
    fakeApi.on('GET', '/api/v1/auth/session', () => ({ ...SIGNED_OUT, demoSignIn: true }));
    const client = new QueryClient();
    signedIn(client, SIGNED_IN);
    client.setQueryData(['auth', 'tokens'], { items: [{ id: 'x' }] });
    await signOut(client);
    expect(fakeApi.calls('POST', '/api/v1/auth/sign-out')[0]!.headers.get('X-CSRF-Token')).toBe(CSRF);
    expect(client.getQueryData(SESSION_KEY)).toEqual({ ...SIGNED_OUT, demoSignIn: true });
    expect(client.getQueryData(['auth', 'tokens'])).toBeUndefined();
    expect(csrfHeaders()).toEqual({});
  });

  it('stays signed in, and says so, when the server did not end the session', async () => {
    fakeApi.on('POST', '/api/v1/auth/sign-out', () =>
      json403('This change was sent without the page’s CSRF token'),
    );
    fakeApi.on('GET', '/api/v1/auth/session', () => ({ ...SIGNED_IN, csrfToken: 'renewed' }));
    const client = new QueryClient();
    signedIn(client, SIGNED_IN);
    await expect(signOut(client)).rejects.toThrow(/CSRF token/);
    expect(csrfHeaders()).toEqual({ 'X-CSRF-Token': 'renewed' });
  });
});

function json403(message: string): Response {
  return new Response(JSON.stringify({ error: { code: 'forbidden', message } }), {
    status: 403,
    headers: { 'Content-Type': 'application/json' },
  });
}
