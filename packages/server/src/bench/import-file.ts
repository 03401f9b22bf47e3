/**
 * A benchmark, not a test: writes a CSV of N observations (default 1,000,000: 1,000
 * organisations × 1,000 days of one proportion measure, a national file with an ODS code column),
 * then imports it as the command line does (one pass: parse, identifier checks, map every row,
 * COPY, merge), then the same file again (all unchanged), then again as the web wizard does
 * (upload and store, then commit), printing times and the process's peak memory. From the repository root, after `npx tsc -b packages/server`:
 *
 *   node packages/server/dist/bench/import-file.js pglite [rows]    PGlite in a new temporary folder
 *   node packages/server/dist/bench/import-file.js postgres [rows]  DATABASE_URL's server, scratch database
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../db/migrate.js';
import { scratchDatabase } from './scratch-database.js';
import { beginRun, runCommit } from '../imports/run.js';
import { streamImport } from '../imports/stream.js';
import { uploadFile } from '../imports/upload.js';
import { createMeasure } from '../measures/repository.js';
import { createOrganisation } from '../organisations/repository.js';

const ORGANISATIONS = 1000;
const since = (from: number): string => ((performance.now() - from) / 1000).toFixed(2);

async function writeCsv(path: string, total: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('Org code,Period,Numerator,Denominator\n');
  const start = Date.UTC(2020, 0, 1);
  let n = 0;
  for (let day = 0; n < total; day++) {
    const period = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    let chunk = '';
    for (let o = 0; o < ORGANISATIONS && n < total; o++, n++) {
      chunk += `B${String(o).padStart(5, '0')},${period},${n % 37},${40 + (n % 13)}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

async function main(engine: string, total: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'groundswell-bench-import-'));
  const csv = join(dir, 'national.csv');
  await writeCsv(csv, total);
  const bytes = (await stat(csv)).size;
  const { handle, cleanup } = await scratchDatabase(engine, 'import');
  // The machine may be shared: what else was running shows in the figures.
  const load = (): string =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(', ');
  console.log(`load average ${load()} (1, 5, 15 min) on ${availableParallelism()} cores at the start`);
  try {
    await migrate(handle);
    const { db } = handle;
    const measure = await createMeasure(db, {
      ownerOrganisationId: null,
      code: 'bench-proportion',
      name: 'Bench proportion',
      dataType: 'proportion',
      domain: 'other',
      frequency: 'day',
    });
    for (let o = 0; o < ORGANISATIONS; o++) {
      await createOrganisation(db, {
        odsCode: `B${String(o).padStart(5, '0')}`,
        name: `Org ${o}`,
        kind: 'provider',
      });
    }
    const national = {
      organisation: { column: 'Org code' },
      period: { column: 'Period' },
      measure: { value: measure.code },
      numerator: { column: 'Numerator' },
      denominator: { column: 'Denominator' },
    };
    // The command line's way: one pass as the file is read.
    for (const label of ['one pass (CLI), first import', 'one pass (CLI), same file again']) {
      const started = performance.now();
      const done = await streamImport(handle, {
        organisationId: null,
        fileName: 'national.csv',
        body: createReadStream(csv),
        mapping: national,
      });
      const peak = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(
        `${label}: ${total} rows (${(bytes / 1e6).toFixed(0)} MB) in ${since(started)} s ` +
          `${done.status} added ${done.added} changed ${done.changed} unchanged ${done.unchanged}, peak rss ${peak} MB`,
      );
      if (done.status !== 'succeeded') throw new Error(done.error ?? 'failed');
    }
    // The web wizard's way: upload (stored), then commit.
    for (const label of ['upload then commit (API), same file again']) {
      const started = performance.now();
      const uploaded = await uploadFile(handle, {
        organisationId: null,
        fileName: 'national.csv',
        body: createReadStream(csv),
      });
      const uploadSeconds = since(started);
      const running = await beginRun(db, uploaded.import.id, national, 'running');
      const committed = performance.now();
      const done = await runCommit(handle, running);
      const peak = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(
        `${label}: ${total} rows (${(bytes / 1e6).toFixed(0)} MB) in ${since(started)} s (upload ${uploadSeconds} s, commit ${since(committed)} s) ` +
          `${done.status} added ${done.added} changed ${done.changed} unchanged ${done.unchanged}, peak rss ${peak} MB`,
      );
      if (done.status !== 'succeeded') throw new Error(done.error ?? 'failed');
    }
    console.log(`load average ${load()} at the end`);
  } finally {
    await handle.close();
    await cleanup();
    await rm(dir, { recursive: true, force: true });
  }
}

await main(process.argv[2] ?? 'pglite', Number(process.argv[3] ?? 1_000_000));
