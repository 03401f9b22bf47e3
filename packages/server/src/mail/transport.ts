/**
 * @module mail/transport
 * An SMTP connection from an organisation's settings, with nodemailer (no dependencies of its own,
 * kept by the same people for fifteen years). Time-outs are short so that a dead mail server fails
 * a send in seconds, never holding anything else up; TLS certificates are always checked.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { MailSecurity } from '../db/schema/vocabulary.js';

/** What a connection needs: the settings with the password opened. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly security: MailSecurity;
  readonly username: string | null;
  readonly password: string | null;
}

/** One message, already composed. */
export interface OutgoingMail {
  readonly from: { readonly name: string; readonly address: string };
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends messages over one connection (pooled while open); `close` when done. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Hosts that are this machine: the only ones credentials may be sent to without TLS. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** A transport for `settings`; nothing connects until the first send. */
export function smtpTransport(settings: SmtpSettings): MailTransport {
  const options: SMTPTransport.Options = {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    ...(settings.username === null
      ? {}
      : { auth: { user: settings.username, pass: settings.password ?? '' } }),
  };
  const transporter = nodemailer.createTransport(options);
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { ...mail.headers },
      });
    },
    close() {
      transporter.close();
    },
  };
}

/** A failure in words an administrator can act on (nodemailer's message, without the stack). */
export function mailFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const response = (error as { response?: unknown }).response;
  const parts = [error.message];
  if (typeof response === 'string' && !error.message.includes(response)) parts.push(response);
  if (typeof code === 'string' && !error.message.includes(code)) parts.push(`(${code})`);
  return parts.join(' ');
}
