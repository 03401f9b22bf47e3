/**
 * @module commands/import-http
 * `groundswell import --server URL`: the same import through a running server's API (upload,
 * then preview or commit, following the job's progress), for when the server holds the database
 * (an embedded database can be open in one process only). It acts as a person: their personal API
 * token (write scope) from `GROUNDSWELL_TOKEN` or a file named by `--token-file`, never from the
 * command line itself (where `ps` would show it to everyone on the machine).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { ImportMapping } from '@groundswell/server';
import { CliError } from '../errors.js';
import { progressBar } from '../output/progress.js';
import type { ImportFlags, ImportOutcome } from './import.js';
import { report } from './import.js';

interface ImportJson extends ImportOutcome {
  readonly id: string;
  readonly progress: { rowsDone: number; rowsTotal: number | null };
}

interface ErrorJson {
  readonly error?: { readonly message?: string };
}

/** How to make a token, for every message about one. */
const MAKE_A_TOKEN =
  'Make a personal API token with the write scope on the "Your API tokens" page of the web app ' +
  '(or POST /api/v1/auth/tokens while signed in), and give it in GROUNDSWELL_TOKEN or in a file ' +
  'named by --token-file.';

/**
 * The personal API token to send: the file named by `--token-file` (its first line), else
 * `GROUNDSWELL_TOKEN`.
 * @throws {CliError} when there is none, or the file cannot be read.
 */
export function apiToken(
  flags: Pick<ImportFlags, 'tokenFile'>,
  env: NodeJS.ProcessEnv = process.env,
): string {
  let token: string | undefined;
  if (flags.tokenFile !== undefined) {
    try {
      token = readFileSync(flags.tokenFile, 'utf8').split(/\r?\n/)[0]?.trim();
    } catch (error) {
      throw new CliError(`cannot read --token-file ${flags.tokenFile}: ${(error as Error).message}`, 2);
    }
    if (token === undefined || token === '') {
      throw new CliError(`--token-file ${flags.tokenFile} is empty. ${MAKE_A_TOKEN}`, 2);
    }
  } else {
    token = env.GROUNDSWELL_TOKEN?.trim();
  }
  if (token === undefined || token === '') {
    throw new CliError(`--server needs a personal API token. ${MAKE_A_TOKEN}`, 2);
  }
  return token;
}

/** A request to the server with the person's token. */
type Call = <T>(url: string, init: RequestInit & { duplex?: 'half' }) => Promise<T>;

function caller(token: string): Call {
  return (url, init) =>
    call(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
}

async function call<T>(url: string, init: RequestInit & { duplex?: 'half' }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CliError(`cannot reach the server at ${new URL(url).origin}: ${(error as Error).message}`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    throw new CliError(`the server answered ${response.status} with something that is not JSON`);
  }
  if (response.status === 401) {
    const message = (json as ErrorJson | null)?.error?.message ?? 'not signed in';
    throw new CliError(`the server refused the API token (401: ${message}). ${MAKE_A_TOKEN}`);
  }
  if (response.status === 403) {
    const message = (json as ErrorJson | null)?.error?.message ?? 'forbidden';
    throw new CliError(
      `the server refused the import (403: ${message}). The token's owner needs the role of improver, ` +
        `unit lead, QI lead or administrator in the organisation (a national file: a platform ` +
        `administrator), and a token with the write scope. ${MAKE_A_TOKEN}`,
    );
  }
  if (!response.ok) {
    const message = (json as ErrorJson | null)?.error?.message ?? `HTTP ${response.status}`;
    throw Object.assign(new Error(message), { name: 'DataError' });
  }
  return json as T;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function importOne(
  send: Call,
  base: string,
  file: string,
  flags: ImportFlags,
  mapping: Partial<ImportMapping>,
): Promise<ImportOutcome> {
  const query = new URLSearchParams({ fileName: basename(file) });
  if (flags.sheet !== undefined) query.set('sheet', flags.sheet);
  const target =
    flags.organisation === undefined
      ? `${base}/api/v1/imports`
      : `${base}/api/v1/organisations/${encodeURIComponent(flags.organisation.toUpperCase())}/imports`;
  const bar = progressBar();
  const size = statSync(file).size;
  let sent = 0;
  const stream = createReadStream(file);
  stream.on('data', (chunk) => {
    sent += chunk.length;
    bar.update('sending ', sent, size, 'bytes');
  });
  try {
    const uploaded = await send<{ import: ImportJson; suggestedMapping: Partial<ImportMapping> }>(
      `${target}?${query.toString()}`,
      {
        method: 'POST',
        headers: {
          'content-type': /\.xlsx$/i.test(file)
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv',
        },
        body: Readable.toWeb(stream) as ReadableStream,
        duplex: 'half',
      },
    );
    const id = uploaded.import.id;
    // The server package loads only here, not for every command.
    const { completeMapping } = await import('@groundswell/server');
    const phase = flags.dryRun === true ? 'preview' : 'commit';
    await send<ImportJson>(`${base}/api/v1/imports/${id}/${phase}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mapping: completeMapping(uploaded.suggestedMapping, mapping) }),
    });
    for (;;) {
      const status = await send<ImportJson>(`${base}/api/v1/imports/${id}`, { method: 'GET' });
      if (status.status !== 'previewing' && status.status !== 'running') return status;
      bar.update(
        phase === 'preview' ? 'checking' : 'writing ',
        status.progress.rowsDone,
        status.progress.rowsTotal ?? 0,
        'rows',
      );
      await sleep(250);
    }
  } finally {
    bar.done();
    stream.destroy();
  }
}

/** Imports each file through the server at `base`; false when any was refused or had problems. */
export async function importThroughServer(
  base: string,
  files: readonly string[],
  flags: ImportFlags,
  mapping: Partial<ImportMapping>,
): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new CliError(`--server must be a URL such as http://127.0.0.1:3000 (got "${base}")`, 2);
  }
  const origin = url.toString().replace(/\/$/, '');
  const send = caller(apiToken(flags));
  let ok = true;
  for (const file of files) {
    try {
      ok = report(file, await importOne(send, origin, file, flags, mapping), flags.dryRun === true) && ok;
    } catch (error) {
      if (error instanceof Error && error.name === 'DataError') {
        process.stderr.write(`${file}: ${error.message}\n`);
        ok = false;
        continue;
      }
      throw error;
    }
  }
  return ok;
}
