/**
 * @module mail/message
 * The email of a notification, in plain text (read the same on every mail client, screen reader
 * and phone): who it is for, what happened, the link to it in Groundswell, and how to stop these
 * emails. Marked as automatically sent (RFC 3834) so that out-of-office replies are not sent back.
 */
import type { OutgoingMail } from './transport.js';

/** The sender as configured: the organisation's address and name. */
export interface Sender {
  readonly fromAddress: string;
  readonly fromName: string | null;
  readonly organisationName: string;
}

/** The notification and its person. */
export interface NotificationMail {
  readonly text: string;
  readonly link: string;
  readonly email: string;
  readonly displayName: string;
}

const SUBJECT_LENGTH = 120;

/** One line, at most `length` characters (cut at a word where one is near). */
export function oneLine(text: string, length = SUBJECT_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= length) return line;
  const cut = line.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The From of the organisation's emails. */
export function fromOf(sender: Sender): OutgoingMail['from'] {
  return {
    name: sender.fromName ?? `Groundswell at ${sender.organisationName}`,
    address: sender.fromAddress,
  };
}

const AUTOMATIC = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

/** The email telling `mail.email` about a notification; `publicUrl` is the server's origin. */
export function notificationEmail(sender: Sender, mail: NotificationMail, publicUrl: string): OutgoingMail {
  const settings = `${publicUrl}/notifications`;
  return {
    from: fromOf(sender),
    to: { name: mail.displayName, address: mail.email },
    subject: `Groundswell: ${oneLine(mail.text)}`,
    text: [
      `Hello ${mail.displayName},`,
      '',
      mail.text,
      '',
      `Open it in Groundswell: ${publicUrl}${mail.link}`,
      '',
      '--',
      `${sender.organisationName} emails you Groundswell notifications as well as showing them in the app.`,
      `All your notifications, and the setting to stop these emails: ${settings}`,
      '',
    ].join('\n'),
    headers: { ...AUTOMATIC, 'List-Unsubscribe': `<${settings}>` },
  };
}

/** The test email an administrator sends themself after changing the settings. */
export function testEmail(
  sender: Sender,
  to: { name: string; address: string },
  settingsUrl: string,
): OutgoingMail {
  return {
    from: fromOf(sender),
    to,
    subject: `Groundswell: test email from ${oneLine(sender.organisationName, 80)}`,
    text: [
      `Hello ${to.name},`,
      '',
      `This is a test of ${sender.organisationName}'s mail settings in Groundswell. It arrived, so`,
      'notifications (an idea changing status, for example) can be emailed to your people.',
      '',
      `The settings: ${settingsUrl}`,
      '',
    ].join('\n'),
    headers: AUTOMATIC,
  };
}
