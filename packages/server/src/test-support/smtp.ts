/**
 * @module test-support/smtp
 * A real SMTP server on this machine for the mail tests (smtp-server, by nodemailer's authors):
 * plain SMTP with AUTH allowed (security `none` to a loopback host), keeping every message it
 * accepts, with the user it signed in as. `refuse` makes it answer recipients with an error.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as received: envelope, who signed in, headers and decoded text body. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly user: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface TestSmtp {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** While set, every recipient is refused with this reply (`550 No such mailbox`). */
  refuse: string | null;
  close(): Promise<void>;
}

/** Undoes quoted-printable (what nodemailer uses for long or non-ASCII lines). */
function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Header lines (unfolded; encoded words left as they are, except plain UTF-8 Q/B words decoded). */
function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : quotedPrintable(text.replace(/_/g, ' ')),
    );
}

/** Starts a server on 127.0.0.1 (a free port) that accepts `users` (name → password). */
export async function startTestSmtp(users: Readonly<Record<string, string>> = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const state: { refuse: string | null } = { refuse: null };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username !== undefined && users[auth.username] === auth.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onRcptTo(_address, _session, callback) {
      if (state.refuse === null) callback();
      else callback(Object.assign(new Error(state.refuse), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.search(/\r?\n\r?\n/);
        const headers = parseHeaders(raw.slice(0, split));
        const rest = raw.slice(split).replace(/^\r?\n\r?\n/, '');
        const body = /quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')
          ? quotedPrintable(rest)
          : /base64/i.test(headers['content-transfer-encoding'] ?? '')
            ? Buffer.from(rest, 'base64').toString('utf8')
            : rest;
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          headers,
          body: body.replace(/\r\n/g, '\n'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    get refuse() {
      return state.refuse;
    },
    set refuse(value) {
      state.refuse = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
