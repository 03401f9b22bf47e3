/**
 * @module notifications/repository
 * Notifications as stored: adding one, a person's newest first, marking read. Framework-free;
 * callers decide whose.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { mailSettings, memberships, notifications, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { requireUuid } from '../validation.js';

/** A notification as stored. */
export type Notification = typeof notifications.$inferSelect;

/** A new notification for one person. */
export interface NewNotification {
  readonly userId: string;
  readonly organisationId: string | null;
  /** `idea.status`…: `word.word`. */
  readonly kind: string;
  readonly text: string;
  /** A path in the app (`/ideas/…`). */
  readonly link: string;
}

/** Adds a notification; returns it. */
export async function insertNotification(db: Database, input: NewNotification): Promise<Notification> {
  // The time of this insert (not the transaction's start), so that newest first is as they came.
  const [row] = await db
    .insert(notifications)
    .values({ ...input, createdAt: sql`clock_timestamp()` })
    .returning();
  return row!;
}

/** The time of creation with its microseconds, for cursors. */
const createdKey = sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A person's notifications, newest first, a page at a time. */
export async function listNotifications(
  db: Database,
  userId: string,
  request: PageRequest & { readonly unread?: boolean | undefined },
): Promise<Page<Notification>> {
  const limit = pageLimit(request);
  const conditions: (SQL | undefined)[] = [eq(notifications.userId, userId)];
  if (request.unread === true) conditions.push(isNull(notifications.readAt));
  if (request.cursor) {
    const [created, id] = decodeCursor(request.cursor, 2);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(created!)) {
      throw new DataError('invalid_input', 'cursor is not one this server gave out', { field: 'cursor' });
    }
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${created}::timestamptz, ${requireUuid('cursor', id!)}::uuid)`,
    );
  }
  const rows = await db
    .select({ notification: notifications, key: createdKey })
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.key, row.notification.id],
    (row) => row.notification,
  );
}

/** How many of a person's notifications are unread. */
export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of a person's notifications read (kept as first read); undefined when not theirs. */
export async function markRead(
  db: Database,
  userId: string,
  id: string,
  now: Date,
): Promise<Notification | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

/** Marks every unread notification of a person read; returns how many. */
export async function markAllRead(db: Database, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Whether a person's notifications are emailed, and whether any organisation of theirs emails. */
export interface EmailPreference {
  readonly email: boolean;
  readonly available: boolean;
}

export async function readEmailPreference(db: Database, userId: string): Promise<EmailPreference> {
  const [row] = await db
    .select({
      email: users.emailNotifications,
      available: sql<boolean>`exists (
        select 1 from ${memberships} m join ${mailSettings} s on s.organisation_id = m.organisation_id
        where m.user_id = ${users.id} and s.enabled)`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return { email: row?.email ?? false, available: row?.available ?? false };
}

/** Turns a person's notification emails on or off. */
export async function writeEmailPreference(
  db: Database,
  userId: string,
  email: boolean,
  now: Date,
): Promise<void> {
  await db.update(users).set({ emailNotifications: email, updatedAt: now }).where(eq(users.id, userId));
}
