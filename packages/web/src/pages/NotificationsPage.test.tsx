// @vitest-environment jsdom
import {
  CSRF,
  fakeApi,
  IDEA_ID,
  json,
  renderPage,
  SIGNED_IN,
  SIGNED_OUT,
} from '../components/ideas/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import { Layout } from '../app/Layout';
import type { Notification } from '../components/notifications/data';
import NotificationsPage from './NotificationsPage';

const LIST = '/api/v1/notifications';
const EMAIL = '/api/v1/notifications/email';
let notifications: Notification[];
let emailSetting: { email: boolean; available: boolean };

const aNotification = (n: number, read: boolean): Notification => ({
  id: `78000000-0000-4000-8000-00000000000${n}`,
  organisationId: '00000000-0000-4000-8000-0000000000f4',
  kind: 'idea.status',
  text: `Your idea 'Idea ${n}' is now taken forward: reason ${n}`,
  link: `/ideas/${IDEA_ID}`,
  createdAt: `2026-11-2${n}T09:00:00.000Z`,
  readAt: read ? '2026-11-25T09:00:00.000Z' : null,
});

/** The list as the server answers it: all, or only the unread, with the unread count of all. */
function answer(query: URLSearchParams): unknown {
  const unread = notifications.filter((n) => n.readAt === null);
  const items = query.get('unread') === 'true' ? unread : notifications;
  return { items: items.slice(0, Number(query.get('limit') ?? 50)), nextCursor: null, unread: unread.length };
}

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  notifications = [aNotification(3, false), aNotification(2, false), aNotification(1, true)];
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('GET', LIST, (request) => answer(request.query));
  emailSetting = { email: true, available: true };
  fakeApi.on('GET', EMAIL, () => emailSetting);
  fakeApi.on('PUT', EMAIL, (request) => {
    emailSetting = { ...emailSetting, email: (request.body as { email: boolean }).email };
    return emailSetting;
  });
  fakeApi.on('POST', `${LIST}/:id/read`, (request) => {
    const id = request.path.split('/').at(-2)!;
    notifications = notifications.map((n) =>
      n.id === id ? { ...n, readAt: '2026-11-26T09:00:00.000Z' } : n,
    );
    return notifications.find((n) => n.id === id)!;
  });
  fakeApi.on('POST', `${LIST}/read-all`, () => {
    const marked = notifications.filter((n) => n.readAt === null).length;
    notifications = notifications.map((n) => ({ ...n, readAt: n.readAt ?? '2026-11-26T09:00:00.000Z' }));
    return json(200, { marked });
  });
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<NotificationsPage />, '/notifications', '/notifications', { layout: <Layout /> });

function items(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.gs-notification')];
}

describe('NotificationsPage', () => {
  it('lists one’s notifications newest first, the unread marked, each linking to its idea', async () => {
    render();
    await screen.findByText('2 unread.');
    expect(items().map((item) => item.textContent)).toEqual([
      expect.stringContaining("Unread Your idea 'Idea 3' is now taken forward: reason 3"),
      expect.stringContaining("Unread Your idea 'Idea 2'"),
      expect.not.stringContaining('Unread'),
    ]);
    const link = within(items()[0]!).getByRole('link', { name: /^Read more/ });
    expect(link.getAttribute('href')).toBe(`/ideas/${IDEA_ID}`);
  });

  it('shows the unread count in the header, and marks one read, then all, with the CSRF token', async () => {
    render();
    const account = await screen.findByRole('navigation', { name: 'Account' });
    const headerLink = await within(account).findByRole('link', { name: 'Notifications, 2 unread' });
    expect(headerLink.getAttribute('href')).toBe('/notifications');

    fireEvent.click(within(items()[1]!).getByRole('button', { name: /^Mark as read/ }));
    await screen.findByText('1 unread.');
    const marked = fakeApi.calls('POST', `${LIST}/${notifications[1]!.id}/read`);
    expect(marked).toHaveLength(1);
    expect(marked[0]!.headers.get('X-CSRF-Token')).toBe(CSRF);
    await within(account).findByRole('link', { name: 'Notifications, 1 unread' });

    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await screen.findByText('Marked 1 notification as read.');
    await screen.findByText('All read.');
    await waitFor(() => {
      expect(within(account).getByRole('link', { name: 'Notifications' }).textContent).toBe('Notifications');
    });
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull();
    expect(document.querySelector('.gs-notification--unread')).toBeNull();
  });

  it('marks a notification read when its link is followed', async () => {
    render();
    await screen.findByText('2 unread.');
    fireEvent.click(within(items()[0]!).getByRole('link', { name: /^Read more/ }));
    await waitFor(() => {
      expect(fakeApi.calls('POST', `${LIST}/${notifications[0]!.id}/read`)).toHaveLength(1);
    });
  });

  it('says when there are none', async () => {
    notifications = [];
    render();
    expect(await screen.findByText('You have no notifications.')).toBeTruthy();
  });

  it('turns off, and on again, the emailing of one’s notifications', async () => {
    render();
    const section = await screen.findByRole('region', { name: 'Email' });
    const box = await within(section).findByLabelText<HTMLInputElement>('Also email my notifications to me');
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await within(section).findByText('Saved: your notifications are shown here only.');
    const puts = fakeApi.calls('PUT', EMAIL);
    expect(puts.map((call) => call.body)).toEqual([{ email: false }]);
    expect(puts[0]!.headers.get('X-CSRF-Token')).toBe(CSRF);
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await within(section).findByText('Saved: your notifications are also emailed to you.');
    expect(fakeApi.calls('PUT', EMAIL).at(-1)!.body).toEqual({ email: true });
  });

  it('says when one’s organisation has not set up email', async () => {
    emailSetting = { email: true, available: false };
    render();
    const section = await screen.findByRole('region', { name: 'Email' });
    expect((await within(section).findByText(/has not set up email/)).textContent).toBe(
      'Your organisation has not set up email, so your notifications are shown here only.',
    );
    expect(within(section).queryByRole('checkbox')).toBeNull();
  });

  it('asks someone signed out to sign in, with no notifications link in the header', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    expect(await screen.findByRole('link', { name: 'Sign in to see your notifications' })).toBeTruthy();
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(within(account).queryByRole('link', { name: /Notifications/ })).toBeNull();
    expect(fakeApi.calls('GET', LIST)).toHaveLength(0);
    expect(fakeApi.calls('GET', EMAIL)).toHaveLength(0);
  });
});
