/**
 * @module mail/repository
 * Mail settings as stored (one row per organisation), and the notifications waiting to be emailed:
 * claimed a batch at a time under a lease so that two servers never send the same one, then marked
 * sent or failed. Framework-free; callers decide who may.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { mailSettings, notifications } from '../db/schema.js';
import type { MailSecurity } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { queryRows } from '../db/sql.js';

/** An organisation's mail settings as stored. */
export type MailSettingsRow = typeof mailSettings.$inferSelect;

/** What is written (the password already sealed, or null for none). */
export interface MailSettingsValues {
  readonly host: string;
  readonly port: number;
  readonly security: MailSecurity;
  readonly username: string | null;
  readonly passwordSealed: string | null;
  readonly fromAddress: string;
  readonly fromName: string | null;
  readonly enabled: boolean;
  readonly enabledAt: Date | null;
  readonly updatedBy: string | null;
}

export async function readMailSettings(
  db: Database,
  organisationId: string,
): Promise<MailSettingsRow | undefined> {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.organisationId, organisationId));
  return row;
}

/** Inserts or replaces the organisation's settings; returns them. */
export async function writeMailSettings(
  db: Database,
  organisationId: string,
  values: MailSettingsValues,
  now: Date,
): Promise<MailSettingsRow> {
  const row = { ...values, updatedAt: now };
  const [written] = await db
    .insert(mailSettings)
    .values({ organisationId, ...row })
    .onConflictDoUpdate({ target: mailSettings.organisationId, set: row })
    .returning();
  return written!;
}

/** Removes the organisation's settings; returns what was removed. */
export async function deleteMailSettings(
  db: Database,
  organisationId: string,
): Promise<MailSettingsRow | undefined> {
  const [row] = await db
    .delete(mailSettings)
    .where(eq(mailSettings.organisationId, organisationId))
    .returning();
  return row;
}

/**
 * The notifications (`n`, joined to their organisation's settings `s`) still to be emailed: mail
 * on, made since it was switched on, for an active member of that organisation who has not turned
 * email off, neither sent nor given up.
 */
function toBeEmailed(maxAttempts: number): SQL {
  return sql`s.enabled
    and n.emailed_at is null
    and n.email_attempts < ${maxAttempts}
    and n.created_at >= s.enabled_at
    and exists (select 1 from users u where u.id = n.user_id and u.status = 'active' and u.email_notifications)
    and exists (select 1 from memberships m where m.user_id = n.user_id and m.organisation_id = n.organisation_id)`;
}

/** A notification claimed for email, with what the message needs. */
export interface PendingEmail {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly kind: string;
  readonly text: string;
  readonly link: string;
  readonly createdAt: Date;
  readonly attempts: number;
  readonly email: string;
  readonly displayName: string;
}

/**
 * Claims up to `limit` notifications due to be emailed, oldest first, until `leaseUntil`: those
 * still to be emailed (`toBeEmailed`) and not waiting (`email_retry_at` in the future: another server's lease or a failure's back-off).
 * Rows another transaction holds are skipped, so concurrent servers claim different ones.
 */
export async function claimPendingEmails(
  db: Database,
  now: Date,
  leaseUntil: Date,
  limit: number,
  maxAttempts: number,
): Promise<PendingEmail[]> {
  const rows = await queryRows<{
    id: string;
    organisation_id: string;
    organisation_name: string;
    kind: string;
    text: string;
    link: string;
    created_at: string;
    email_attempts: number;
    email: string;
    display_name: string;
  }>(
    db,
    sql`
    with due as (
      select n.id
      from ${notifications} n
      join ${mailSettings} s on s.organisation_id = n.organisation_id
      where ${toBeEmailed(maxAttempts)}
        and (n.email_retry_at is null or n.email_retry_at <= ${now.toISOString()}::timestamptz)
      order by n.created_at, n.id
      limit ${limit}
      for update of n skip locked
    ), claimed as (
      update ${notifications} n set email_retry_at = ${leaseUntil.toISOString()}::timestamptz
      from due where n.id = due.id
      returning n.id, n.organisation_id, n.user_id, n.kind, n.text, n.link, n.created_at, n.email_attempts
    )
    select c.id, c.organisation_id, o.name as organisation_name, c.kind, c.text, c.link,
           to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
           c.email_attempts::int as email_attempts, u.email, u.display_name
    from claimed c
    join organisations o on o.id = c.organisation_id
    join users u on u.id = c.user_id
    order by c.created_at, c.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    kind: row.kind,
    text: row.text,
    link: row.link,
    createdAt: new Date(row.created_at),
    attempts: row.email_attempts,
    email: row.email,
    displayName: row.display_name,
  }));
}

/** Records a notification as emailed. */
export async function markEmailed(db: Database, id: string, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ emailedAt: now, emailRetryAt: null, emailError: null })
    .where(and(eq(notifications.id, id), sql`${notifications.emailedAt} is null`));
}

/** Records a failed send: one more attempt, the error, and when to try again. */
export async function markEmailFailed(db: Database, id: string, error: string, retryAt: Date): Promise<void> {
  await db
    .update(notifications)
    .set({
      emailAttempts: sql`${notifications.emailAttempts} + 1`,
      emailError: error.slice(0, 1000),
      emailRetryAt: retryAt,
    })
    .where(eq(notifications.id, id));
}

/** Gives back a claim without counting an attempt (the settings could not be used: see delivery). */
export async function releaseClaim(db: Database, id: string, error: string, retryAt: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ emailError: error.slice(0, 1000), emailRetryAt: retryAt })
    .where(eq(notifications.id, id));
}

/** How the organisation's email is going: waiting, sent, given up, and the last failure. */
export interface MailStatus {
  readonly waiting: number;
  readonly sent: number;
  readonly failed: number;
  readonly lastError: string | null;
}

export async function mailStatus(
  db: Database,
  organisationId: string,
  maxAttempts: number,
): Promise<MailStatus> {
  const [row] = await queryRows<{ waiting: number; sent: number; failed: number; last_error: string | null }>(
    db,
    sql`
    select
      count(*) filter (where ${toBeEmailed(maxAttempts)})::int as waiting,
      count(*) filter (where n.emailed_at is not null)::int as sent,
      count(*) filter (where n.emailed_at is null and n.email_attempts >= ${maxAttempts})::int as failed,
      (select n2.email_error from ${notifications} n2
        where n2.organisation_id = ${organisationId} and n2.email_error is not null
        order by n2.created_at desc limit 1) as last_error
    from ${notifications} n
    left join ${mailSettings} s on s.organisation_id = n.organisation_id
    where n.organisation_id = ${organisationId}`,
  );
  return {
    waiting: row?.waiting ?? 0,
    sent: row?.sent ?? 0,
    failed: row?.failed ?? 0,
    lastError: row?.last_error ?? null,
  };
}
