/**
 * @module db/schema/mail
 * Email (issue 8): an organisation's own mail server, through which its people's notifications are
 * also emailed. One row per organisation; no row, or `enabled` false, sends nothing.
 *
 * `password_sealed`: the SMTP password encrypted with the server's secret key (AES-256-GCM, see
 * auth/secret-box.ts), never the password itself, and never returned by the API. `security`:
 * `tls` (implicit TLS, usually port 465), `starttls` (upgrade required, usually 587: NHSmail's
 * send.nhs.net) or `none` (an internal relay; credentials are then refused unless the host is this
 * machine). `enabled_at`: when sending was last switched on; only notifications made since then
 * are emailed, so that turning mail on does not send a year of old news.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './columns.js';
import { users } from './identity.js';
import { organisations } from './organisations.js';
import { MAIL_SECURITIES } from './vocabulary.js';

export const mailSettings = pgTable(
  'mail_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    security: text('security', { enum: MAIL_SECURITIES }).notNull(),
    username: text('username'),
    passwordSealed: text('password_sealed'),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    enabled: boolean('enabled').notNull().default(true),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    check('mail_settings_host_check', sql`${t.host} ~ '^[A-Za-z0-9.:\\[\\]-]{1,253}$'`),
    check('mail_settings_port_check', sql`${t.port} between 1 and 65535`),
    oneOf('mail_settings_security_check', t.security, MAIL_SECURITIES),
    check('mail_settings_from_check', sql`${t.fromAddress} ~ '^[^@\\s<>"]+@[^@\\s<>"]+$'`),
    check('mail_settings_password_check', sql`${t.passwordSealed} is null or ${t.username} is not null`),
    check('mail_settings_enabled_check', sql`not ${t.enabled} or ${t.enabledAt} is not null`),
  ],
);
