/**
 * @module notifications/schemas
 * Request and response schemas of the notification routes.
 */
import { z } from 'zod';
import { Id, PageQuery, pageOf, QueryBoolean, Timestamp } from '../http/schemas.js';

/** A notification as the API returns it. */
export const NotificationView = z
  .object({
    id: Id,
    organisationId: Id.nullable(),
    kind: z.string().describe('What it is about: `idea.status` (an idea of yours changed status)'),
    text: z.string().describe('What happened, in words'),
    link: z.string().describe('Where in the app to read more: a path such as /ideas/…'),
    createdAt: Timestamp,
    readAt: Timestamp.nullable().describe('When it was first marked read; null: unread'),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof NotificationView>;

/** `GET /notifications`. */
export const NotificationsQuery = PageQuery.extend({
  unread: QueryBoolean.optional().describe('true: only the unread ones'),
});

/** A page of one's notifications, newest first, and how many are unread. */
export const NotificationList = pageOf(NotificationView).extend({
  unread: z.number().int().describe('How many of one’s notifications are unread (of all, not the page)'),
});

/** `POST /notifications/read-all`. */
export const ReadAllView = z.object({
  marked: z.number().int().describe('How many were unread and are now read'),
});

/** `GET` and `PUT /notifications/email`. */
export const EmailPreferenceView = z.object({
  email: z.boolean().describe('Whether my notifications are also emailed to me'),
  available: z
    .boolean()
    .describe('Whether an organisation of mine has a mail server (without one, nothing is emailed)'),
});

export const EmailPreferenceBody = z.object({
  email: z.boolean().describe('true: email my notifications too; false: in the app only'),
});
