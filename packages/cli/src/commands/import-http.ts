/**
 * @module commands/import-http
 * `groundswell import --server URL`: the same import through a running server's API (upload,
 * then preview or commit, following the job's progress), for when the server holds the database
 * (an embedded database can be open in one process only).
 */
import { createReadStream, statSync } from 'node:fs';
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
  if (!response.ok) {
    const message = (json as ErrorJson | null)?.error?.message ?? `HTTP ${response.status}`;
    throw Object.assign(new Error(message), { name: 'DataError' });
  }
  return json as T;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function importOne(
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
    const uploaded = await call<{ import: ImportJson; suggestedMapping: Partial<ImportMapping> }>(
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
    await call<ImportJson>(`${base}/api/v1/imports/${id}/${phase}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mapping: completeMapping(uploaded.suggestedMapping, mapping) }),
    });
    for (;;) {
      const status = await call<ImportJson>(`${base}/api/v1/imports/${id}`, { method: 'GET' });
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
  let ok = true;
  for (const file of files) {
    try {
      ok = report(file, await importOne(origin, file, flags, mapping), flags.dryRun === true) && ok;
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
