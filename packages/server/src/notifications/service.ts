/**
 * @module notifications/service
 * Telling a person something in the app (an idea of theirs changed status…), and their own
 * notifications: newest first with the unread count, marked read one by one or all at once. Only
 * the person a notification is for sees it or marks it: anyone else's id is answered as unknown.
 *
 * `notify` is called by the service whose change the notification reports, inside that change's
 * transaction, so the two stand or fall together. Marking read changes only the person's own
 * reading state, not the organisation's data, and is not audited (as sign-out is not).
 *
 * Email. A notification is also emailed when the person's organisation has a mail server
 * (mail/service.ts) and the person has not turned email off (`emailPreference`). Sending happens
 * after the transaction of `notify` commits, never inside it (a slow or failing mail server must
 * not hold or undo the change): mail/delivery.ts sends the unsent rows and sets `emailed_at`.
 */
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Page, PageRequest } from '../paging.js';
import { requireUuid } from '../validation.js';
import {
  insertNotification,
  listNotifications,
  markAllRead,
  markRead,
  readEmailPreference,
  unreadCount,
  writeEmailPreference,
} from './repository.js';
import type { EmailPreference, NewNotification, Notification } from './repository.js';

/** The answer for an unknown notification, and for someone else's (the same, on purpose). */
export function notificationNotFound(): DataError {
  return new DataError('not_found', 'no notification of yours has this id', { field: 'id' });
}

/** Tells `input.userId` something in the app (call inside the change's transaction). */
export function notify(db: Database, input: NewNotification): Promise<Notification> {
  return insertNotification(db, input);
}

/** The signed-in person's id, or 401. */
function signedIn(principal: Principal): string {
  if (principal.kind !== 'user') {
    throw new DataError('unauthenticated', 'Sign in first: notifications are a signed-in person’s own.', {
      reason: 'signed_out',
    });
  }
  return principal.userId;
}

/** A page of one's notifications and the number unread. */
export interface MyNotifications extends Page<Notification> {
  readonly unread: number;
}

/**
 * `principal`'s notifications, newest first, with how many are unread.
 * @throws {DataError} `unauthenticated`, `invalid_input` (cursor, limit).
 */
export async function myNotifications(
  db: Database,
  principal: Principal,
  request: PageRequest & { readonly unread?: boolean | undefined },
): Promise<MyNotifications> {
  const userId = signedIn(principal);
  const page = await listNotifications(db, userId, request);
  return { ...page, unread: await unreadCount(db, userId) };
}

/**
 * Marks one of `principal`'s notifications read.
 * @throws {DataError} `unauthenticated`, `not_found` (also someone else's).
 */
export async function readNotification(
  db: Database,
  principal: Principal,
  id: string,
  now: Date,
): Promise<Notification> {
  const userId = signedIn(principal);
  const row = await markRead(db, userId, requireUuid('id', id), now);
  if (row === undefined) throw notificationNotFound();
  return row;
}

/**
 * Marks all of `principal`'s notifications read; returns how many were unread.
 * @throws {DataError} `unauthenticated`.
 */
export function readAllNotifications(db: Database, principal: Principal, now: Date): Promise<number> {
  return markAllRead(db, signedIn(principal), now);
}

/** Whether `principal`'s notifications are emailed (and whether any organisation of theirs can). */
export function emailPreference(db: Database, principal: Principal): Promise<EmailPreference> {
  return readEmailPreference(db, signedIn(principal));
}

/**
 * Turns `principal`'s notification emails on or off: their own reading state, like marking read
 * (so not audited, and a read-only token may do it too).
 * @throws {DataError} `unauthenticated`.
 */
export async function setEmailPreference(
  db: Database,
  principal: Principal,
  email: boolean,
  now: Date,
): Promise<EmailPreference> {
  const userId = signedIn(principal);
  await writeEmailPreference(db, userId, email, now);
  return readEmailPreference(db, userId);
}
