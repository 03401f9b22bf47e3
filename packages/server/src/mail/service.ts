/**
 * @module mail/service
 * An organisation's mail server, set by its administrators (`mail.manage`): read (never the
 * password), saved, removed and tried with a test email to the administrator. Every change is
 * audited in the same transaction, saying whether a password is stored but never what it is.
 *
 * Rules a demanding security reviewer expects: credentials go over TLS (implicit or STARTTLS)
 * unless the mail server is this machine; the password is sealed with the server's secret key
 * (mail/secret-box.ts) and refused when the server has no key; a password sealed under another key
 * (a lost key file) is reported as unreadable, so the administrator knows to enter it again.
 */
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { MailSecurity } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Organisation } from '../organisations/repository.js';
import { testEmail } from './message.js';
import { deleteMailSettings, mailStatus, readMailSettings, writeMailSettings } from './repository.js';
import type { MailSettingsRow, MailStatus } from './repository.js';
import type { SecretBox } from '../auth/secret-box.js';
import { isLoopbackHost, mailFailure, smtpTransport } from './transport.js';
import type { MailTransport, SmtpSettings } from './transport.js';

/** Sends given up after this many failures (with back-off: about half an hour in all). */
export const MAX_EMAIL_ATTEMPTS = 5;

/** What an administrator sets. `password`: a new one; null removes it; absent keeps the stored one. */
export interface MailSettingsInput {
  readonly host: string;
  readonly port: number;
  readonly security: MailSecurity;
  readonly username: string | null;
  readonly password?: string | null | undefined;
  readonly fromAddress: string;
  readonly fromName: string | null;
  readonly enabled: boolean;
}

/** The settings as shown: the password only as whether one is stored and can be read. */
export interface MailSettingsView {
  readonly host: string;
  readonly port: number;
  readonly security: MailSecurity;
  readonly username: string | null;
  readonly passwordSet: boolean;
  /** False when the stored password was sealed under another key: enter it again. */
  readonly passwordReadable: boolean;
  readonly fromAddress: string;
  readonly fromName: string | null;
  readonly enabled: boolean;
  readonly enabledAt: Date | null;
  readonly updatedAt: Date;
  readonly status: MailStatus;
}

/** What a sealed SMTP password is bound to: its organisation, and that it is a mail password. */
export function sealedFor(organisationId: string): string {
  return `mail:${organisationId}`;
}

/** What makes transports (tests count connections; the server uses SMTP). */
export type TransportFactory = (settings: SmtpSettings) => MailTransport;

/** What the mail services need from the server. */
export interface MailDeps {
  /** The server's secret box, or null when it has no secret key. */
  readonly secrets: SecretBox | null;
  readonly transport?: TransportFactory | undefined;
}

/** The organisation's settings, or null when none are set. */
export async function mailSettingsOf(
  db: Database,
  deps: MailDeps,
  principal: Principal,
  organisation: Organisation,
): Promise<MailSettingsView | null> {
  requireManager(principal, organisation.id, 'read');
  const row = await readMailSettings(db, organisation.id);
  return row === undefined
    ? null
    : view(row, deps, await mailStatus(db, organisation.id, MAX_EMAIL_ATTEMPTS));
}

/**
 * Sets the organisation's mail server.
 * @throws {DataError} `invalid_input` (host, port, from address, credentials without TLS…),
 *   `conflict` (a password and no secret key), `unauthenticated`, `forbidden`.
 */
export async function saveMailSettings(
  db: Database,
  deps: MailDeps,
  principal: Principal,
  organisation: Organisation,
  input: MailSettingsInput,
  now: Date,
): Promise<MailSettingsView> {
  requireManager(principal, organisation.id, 'change');
  const host = checkedHost(input.host);
  const username = blankAsNull(input.username);
  const fromAddress = checkedAddress(input.fromAddress);
  const fromName = blankAsNull(input.fromName);
  const before = await readMailSettings(db, organisation.id);
  const passwordSealed = sealedPassword(deps, organisation.id, input.password, before, username);
  if (username !== null && input.security === 'none' && !isLoopbackHost(host)) {
    throw new DataError(
      'invalid_input',
      'security: a user name and password are sent only over TLS or STARTTLS (choose one), or to a mail server on this machine',
      { field: 'security', reason: 'credentials_in_clear' },
    );
  }
  const enabledAt = input.enabled
    ? before?.enabled === true
      ? before.enabledAt
      : now
    : (before?.enabledAt ?? null);
  const values = {
    host,
    port: input.port,
    security: input.security,
    username,
    passwordSealed,
    fromAddress,
    fromName,
    enabled: input.enabled,
    enabledAt,
    updatedBy: principal.kind === 'user' ? principal.userId : null,
  };
  const row = await audited(
    db,
    principal,
    (tx) => writeMailSettings(tx, organisation.id, values, now),
    (after) => ({
      action: before === undefined ? 'mail_settings.create' : 'mail_settings.update',
      entityType: 'mail_settings',
      entityId: organisation.id,
      organisationId: organisation.id,
      summary: summary(before, after),
      ...(before === undefined ? {} : { before: audit(before) }),
      after: audit(after),
    }),
  );
  return view(row, deps, await mailStatus(db, organisation.id, MAX_EMAIL_ATTEMPTS));
}

/** Removes the organisation's mail settings (nothing is emailed any more). */
export async function removeMailSettings(
  db: Database,
  principal: Principal,
  organisation: Organisation,
): Promise<void> {
  requireManager(principal, organisation.id, 'change');
  await audited(
    db,
    principal,
    async (tx) => {
      const row = await deleteMailSettings(tx, organisation.id);
      if (row === undefined) {
        throw new DataError('not_found', 'This organisation has no mail settings.', { field: 'ref' });
      }
      return row;
    },
    (row) => ({
      action: 'mail_settings.delete',
      entityType: 'mail_settings',
      entityId: organisation.id,
      organisationId: organisation.id,
      summary: `Removed the mail server ${row.host}: notifications are no longer emailed`,
      before: audit(row),
    }),
  );
}

/** The outcome of a test email: sent, or the mail server's answer. */
export interface TestEmailResult {
  readonly sent: boolean;
  readonly to: string;
  readonly error: string | null;
}

/**
 * Sends a test email with the stored settings to the administrator asking (their sign-in address).
 * @throws {DataError} `not_found` (no settings), `conflict` (the password cannot be read),
 *   `unauthenticated`, `forbidden`.
 */
export async function sendTestEmail(
  db: Database,
  deps: MailDeps,
  principal: Principal,
  organisation: Organisation,
  settingsUrl: string,
): Promise<TestEmailResult> {
  requireManager(principal, organisation.id, 'change');
  if (principal.kind !== 'user') {
    throw new DataError('invalid_input', 'A test email goes to a signed-in person’s own address.', {
      reason: 'no_address',
    });
  }
  const row = await readMailSettings(db, organisation.id);
  if (row === undefined) {
    throw new DataError('not_found', 'This organisation has no mail settings: save them first.', {
      field: 'ref',
    });
  }
  const smtp = smtpSettingsOf(row, deps.secrets);
  if (smtp === null) throw unreadablePassword();
  const transport = (deps.transport ?? smtpTransport)(smtp);
  const to = { name: principal.displayName, address: principal.email };
  try {
    await transport.send(testEmail({ ...row, organisationName: organisation.name }, to, settingsUrl));
    return { sent: true, to: principal.email, error: null };
  } catch (error) {
    return { sent: false, to: principal.email, error: mailFailure(error) };
  } finally {
    transport.close();
  }
}

/** The connection settings of `row` with its password opened; null when it cannot be opened. */
export function smtpSettingsOf(row: MailSettingsRow, secrets: SecretBox | null): SmtpSettings | null {
  let password: string | null = null;
  if (row.passwordSealed !== null) {
    password = secrets?.open(row.passwordSealed, sealedFor(row.organisationId)) ?? null;
    if (password === null) return null;
  }
  return { host: row.host, port: row.port, security: row.security, username: row.username, password };
}

export function unreadablePassword(): DataError {
  return new DataError(
    'conflict',
    'The stored mail password cannot be read with this server’s secret key (was GROUNDSWELL_SECRET_KEY or the key file changed?): enter the password again.',
    { field: 'password', reason: 'password_unreadable' },
  );
}

/** Reading needs the role, not a token's write scope (as reading identity providers does). */
function requireManager(principal: Principal, organisationId: string, mode: 'read' | 'change'): void {
  const who: Principal =
    mode === 'read' && principal.kind === 'user' ? { ...principal, scopes: ['read', 'write'] } : principal;
  requirePermission(who, 'mail.manage', organisationId);
}

function blankAsNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkedHost(value: string): string {
  const host = value.trim();
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(host) || /^[.-]/.test(host)) {
    throw new DataError(
      'invalid_input',
      `host: ${JSON.stringify(value)} is not a host name such as send.nhs.net`,
      {
        field: 'host',
      },
    );
  }
  return host.toLowerCase();
}

function checkedAddress(value: string): string {
  const address = value.trim();
  if (!/^[^@\s<>"]+@[^@\s<>".]+(\.[^@\s<>".]+)+$/.test(address) || address.length > 254) {
    throw new DataError(
      'invalid_input',
      `fromAddress: ${JSON.stringify(value)} is not an email address such as groundswell@example.nhs.net`,
      { field: 'fromAddress' },
    );
  }
  return address;
}

/** The password to store, sealed: the new one, none, or the one already stored. */
function sealedPassword(
  deps: MailDeps,
  organisationId: string,
  password: string | null | undefined,
  before: MailSettingsRow | undefined,
  username: string | null,
): string | null {
  if (password === undefined) return username === null ? null : (before?.passwordSealed ?? null);
  if (password === null || password === '') return null;
  if (username === null) {
    throw new DataError('invalid_input', 'username: a password needs the user name it belongs to', {
      field: 'username',
    });
  }
  if (deps.secrets === null) {
    throw new DataError(
      'conflict',
      'This server has no secret key to keep a password with: set GROUNDSWELL_SECRET_KEY (64 hex digits, for example from `openssl rand -hex 32`) and restart it.',
      { field: 'password', reason: 'no_secret_key' },
    );
  }
  return deps.secrets.seal(password, sealedFor(organisationId));
}

function view(row: MailSettingsRow, deps: MailDeps, status: MailStatus): MailSettingsView {
  return {
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    passwordSet: row.passwordSealed !== null,
    passwordReadable:
      row.passwordSealed === null ||
      deps.secrets?.open(row.passwordSealed, sealedFor(row.organisationId)) != null,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    enabled: row.enabled,
    enabledAt: row.enabledAt,
    updatedAt: row.updatedAt,
    status,
  };
}

/** What the audit log keeps: everything but the password, whose presence it notes. */
function audit(row: MailSettingsRow): Record<string, unknown> {
  return {
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    passwordSet: row.passwordSealed !== null,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    enabled: row.enabled,
  };
}

function summary(before: MailSettingsRow | undefined, after: MailSettingsRow): string {
  const where = `${after.host}:${after.port} (${after.security}) from ${after.fromAddress}`;
  if (before === undefined) {
    return `Set the mail server to ${where}${after.enabled ? ': notifications are emailed' : ', switched off'}`;
  }
  const parts = [`Changed the mail settings to ${where}`];
  if (before.enabled !== after.enabled)
    parts.push(after.enabled ? 'switched email on' : 'switched email off');
  if (before.passwordSealed !== after.passwordSealed) {
    parts.push(after.passwordSealed === null ? 'password removed' : 'password replaced');
  }
  return parts.join('; ');
}
