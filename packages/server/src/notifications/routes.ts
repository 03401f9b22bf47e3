/**
 * @module notifications/routes
 * The signed-in person's notifications (`/notifications`): newest first with the unread count,
 * marked read one by one or all at once. Validate → service → present.
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { presentNotification } from './presenter.js';
import {
  EmailPreferenceBody,
  EmailPreferenceView,
  NotificationList,
  NotificationsQuery,
  NotificationView,
  ReadAllView,
} from './schemas.js';
import {
  emailPreference,
  myNotifications,
  readAllNotifications,
  readNotification,
  setEmailPreference,
} from './service.js';

const tags = ['notifications'];

/** Adds the notification routes. */
export function notificationRoutes(api: Api, { db, now }: RouteDeps): void {
  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with how many are unread',
        querystring: NotificationsQuery,
        response: { 200: NotificationList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await myNotifications(db, request.principal, request.query);
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor, unread: page.unread };
    },
  );

  api.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: ReadAllView, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({ marked: await readAllNotifications(db, request.principal, now()) }),
  );

  api.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read (someone else’s is answered as unknown)',
        params: IdParams,
        response: { 200: NotificationView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentNotification(await readNotification(db, request.principal, request.params.id, now())),
  );

  api.get(
    '/notifications/email',
    {
      schema: {
        tags,
        summary: 'Whether my notifications are also emailed to me',
        response: { 200: EmailPreferenceView, ...ERROR_RESPONSES },
      },
    },
    async (request) => emailPreference(db, request.principal),
  );

  api.put(
    '/notifications/email',
    {
      schema: {
        tags,
        summary: 'Turn the emailing of my notifications on or off',
        body: EmailPreferenceBody,
        response: { 200: EmailPreferenceView, ...ERROR_RESPONSES },
      },
    },
    async (request) => setEmailPreference(db, request.principal, request.body.email, now()),
  );
}
