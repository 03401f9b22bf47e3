/**
 * @module mail/schemas
 * Requests and responses of an organisation's mail settings. The password is write-only.
 */
import { z } from 'zod';
import { MAIL_SECURITIES } from '../db/schema/vocabulary.js';
import { Timestamp } from '../http/schemas.js';

export const MailSettingsBody = z.object({
  host: z.string().trim().min(1).max(253).describe('The mail server: send.nhs.net, smtp.example.nhs.uk'),
  port: z
    .number()
    .int()
    .min(1)
    .max(65_535)
    .describe('587 for STARTTLS, 465 for TLS, 25 for an internal relay'),
  security: z
    .enum(MAIL_SECURITIES)
    .describe(
      'tls: TLS from the start (port 465); starttls: upgraded to TLS, required (587); none: plain (an internal relay without a user name, or a server on this machine)',
    ),
  username: z
    .string()
    .max(320)
    .nullable()
    .default(null)
    .describe('The user name to sign in with; null or blank for none'),
  password: z
    .string()
    .max(1000)
    .nullable()
    .optional()
    .describe('Write-only: a new password; null removes it; absent keeps the one stored'),
  fromAddress: z
    .string()
    .trim()
    .min(3)
    .max(254)
    .describe('The address emails come from: groundswell@example.nhs.net'),
  fromName: z
    .string()
    .max(100)
    .nullable()
    .default(null)
    .describe('The name emails come from (default: "Groundswell at <organisation>")'),
  enabled: z.boolean().default(true).describe('false keeps the settings but emails nothing'),
});

export const MailSettingsView = z
  .object({
    host: z.string(),
    port: z.number().int(),
    security: z.enum(MAIL_SECURITIES),
    username: z.string().nullable(),
    passwordSet: z.boolean().describe('Whether a password is stored (it is never returned)'),
    passwordReadable: z
      .boolean()
      .describe('false: the stored password was kept under another secret key and must be entered again'),
    fromAddress: z.string(),
    fromName: z.string().nullable(),
    enabled: z.boolean(),
    enabledAt: Timestamp.nullable().describe(
      'When email was last switched on: notifications made since are emailed',
    ),
    updatedAt: Timestamp,
    status: z.object({
      waiting: z.number().int().describe('Notifications waiting to be emailed'),
      sent: z.number().int().describe('Notifications emailed'),
      failed: z.number().int().describe('Notifications given up after repeated failures'),
      lastError: z.string().nullable().describe('The last failure, in the mail server’s words'),
    }),
  })
  .meta({ id: 'MailSettings' });

export const MailSettingsResponse = z.object({
  settings: MailSettingsView.nullable().describe(
    'null: no mail server (notifications are shown in the app only)',
  ),
  canStorePassword: z
    .boolean()
    .describe('Whether this server has a secret key to keep a password with (GROUNDSWELL_SECRET_KEY)'),
});

export const TestEmailView = z.object({
  sent: z.boolean(),
  to: z.string().describe('The address it was sent to: your own'),
  error: z.string().nullable().describe('The mail server’s answer when it was not sent'),
});
