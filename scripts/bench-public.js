// The public pages under load (issue 9): an organisation's public page (server-rendered HTML, no
// sign-in) publishing 40 of its 200 measures × 60 monthly points (the dashboard benchmark's data set),
// served by `groundswell serve` as a separate process and loaded with autocannon (50 connections)
// from this process. Used by scripts/bench.js (`node scripts/bench.js public` runs only this).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { gt } from 'drizzle-orm';
import { migrate, openDatabase, schema } from '../packages/server/dist/index.js';
import { load } from './bench-dashboard.js';
import { rssMb, startServe } from './bench-server.js';

const CONNECTIONS = 50;
/** The measures the organisation publishes, of its 200 (the rest are made internal). */
const PUBLISHED = 40;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const PG_SERVER = 'postgres://postgres@127.0.0.1:5432';
const PG_DATABASE = 'groundswell_bench_public';

const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** autocannon for `seconds` with every response's latency recorded (autocannon reports no p95). */
async function load50(url, headers, seconds) {
  const latencies = [];
  const statuses = new Map();
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    setupClient: (client) => {
      client.pipelinedRequests.addBody = () => undefined;
    },
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  const n = latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    requests: n,
    rps: n / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    bytesPerRequest: result.throughput.total / Math.max(1, n),
    statuses: Object.fromEntries(statuses),
    errors: result.errors + result.timeouts,
  };
}

/**
 * The dashboard benchmark's organisation, publishing the first PUBLISHED of its measures: the page
 * shows those only, and every request's version query still filters the other 160 out.
 */
async function loadPublished(handle) {
  await load(handle);
  const last = `bench-${String(PUBLISHED - 1).padStart(3, '0')}`;
  await handle.db
    .update(schema.measures)
    .set({ visibility: 'internal' })
    .where(gt(schema.measures.code, last));
}

async function timed(url, init = {}) {
  const t0 = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { ms: performance.now() - t0, response, bytes: Buffer.byteLength(text), text };
}

async function measure(engine, env) {
  const server = await startServe({ args: ['--no-demo'], env: { HOST: '127.0.0.1', ...env } });
  try {
    const pageUrl = `${server.url}/public/BENCH1`;
    const cold = await timed(pageUrl);
    if (cold.response.status !== 200) throw new Error(`public page answered ${cold.response.status}`);
    const etag = cold.response.headers.get('etag');
    const seriesPath = /href="(\/public\/BENCH1\/series\/[0-9a-f-]{36})"/.exec(cold.text)?.[1];
    if (seriesPath === undefined) throw new Error('the public page links to no series');
    const seriesUrl = `${server.url}${seriesPath}`;
    const seriesCold = await timed(seriesUrl);
    const gzipped = await fetch(pageUrl, { headers: { 'accept-encoding': 'gzip' } });
    const gzipBytes = (await gzipped.arrayBuffer()).byteLength;
    const runs = [];
    const requests = [
      ['organisation page, gzip', pageUrl, { 'accept-encoding': 'gzip' }],
      ['organisation page, If-None-Match → 304', pageUrl, { 'if-none-match': etag }],
      ['series page, gzip', seriesUrl, { 'accept-encoding': 'gzip' }],
      ['series chart.svg, gzip', `${seriesUrl}/chart.svg`, { 'accept-encoding': 'gzip' }],
    ];
    // The first seconds of load after start are much slower (the JIT compiling the hot paths):
    // every request is warmed up first, so that the first measured is not the one that pays.
    for (const [, url, headers] of requests) await load50(url, headers, WARM_UP_SECONDS);
    for (const [label, url, headers] of requests) {
      await load50(url, headers, WARM_UP_SECONDS);
      const before = loadavg()[0];
      runs.push({ label, load: before, ...(await load50(url, headers, SECONDS)) });
    }
    for (const run of runs) {
      console.log(
        `public ${engine} ${run.label}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50.toFixed(1)} ms, ` +
          `p95 ${run.p95.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, statuses ${JSON.stringify(run.statuses)}, errors ${run.errors}`,
      );
    }
    return {
      engine,
      coldMs: cold.ms,
      bytes: cold.bytes,
      gzipBytes,
      seriesColdMs: seriesCold.ms,
      runs,
      rssMb: rssMb(server.pid),
    };
  } finally {
    await server.stop();
  }
}

async function onPostgres() {
  const admin = `${PG_SERVER}/postgres`;
  if (spawnSync('pg_isready', ['-d', admin, '-q']).status !== 0) return undefined;
  const psql = (command) => {
    const res = spawnSync('psql', [admin, '-q', '-c', command], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`psql: ${res.stderr}`);
  };
  psql(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
  psql(`CREATE DATABASE ${PG_DATABASE}`);
  const url = `${PG_SERVER}/${PG_DATABASE}`;
  try {
    const handle = await openDatabase({ engine: 'postgres', url });
    try {
      await migrate(handle);
      await loadPublished(handle);
    } finally {
      await handle.close();
    }
    return await measure('PostgreSQL', { DATABASE_URL: url, DATABASE_POOL_MAX: '10' });
  } finally {
    psql(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
  }
}

async function onPglite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'groundswell-bench-public-'));
  try {
    const handle = await openDatabase({ engine: 'pglite', dataDir });
    try {
      await migrate(handle);
      await loadPublished(handle);
    } finally {
      await handle.close();
    }
    return await measure('PGlite', { GROUNDSWELL_DATA_DIR: dataDir, DATABASE_URL: '' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the benchmark on PostgreSQL (when the local server answers) and PGlite. */
export async function publicBench() {
  const results = [];
  const pg = await onPostgres();
  if (pg) results.push(pg);
  results.push(await onPglite());
  return results;
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The BENCHMARKS.md section. */
export function publicMarkdown(results) {
  const rows = results.flatMap((r) =>
    r.runs.map(
      (run) =>
        `| ${r.engine} | ${run.label} | ${fmt(run.rps)} | ${fmt(run.p50, 1)} ms | ${fmt(run.p95, 1)} ms | ` +
        `${fmt(run.p99, 1)} ms | ${fmt(run.bytesPerRequest / 1024, 1)} KiB | ${JSON.stringify(run.statuses)} | ${fmt(run.load, 1)} |`,
    ),
  );
  const singles = results.map(
    (r) =>
      // fetch unzips what it reads: the gzipped size is what autocannon counted per response.
      `| ${r.engine} | ${fmt(r.coldMs)} ms | ${fmt(r.seriesColdMs)} ms | ${fmt(r.bytes / 1024)} KiB ` +
      `(${fmt(r.runs[0].bytesPerRequest / 1024)} KiB gzipped, with headers) | ${fmt(r.rssMb)} MB |`,
  );
  return `## Server: public pages under load

\`scripts/bench-public.js\`: the dashboard benchmark's organisation (200 measures × 60 monthly points)
publishing ${PUBLISHED} of them (the others internal), its public page \`GET /public/BENCH1\` (server-rendered HTML: every measure explained in
plain English with a sparkline, its goals, projects and licence) and one series' page and chart,
served by \`groundswell serve --no-demo\` as its own process, signed out, under autocannon with
${CONNECTIONS} connections for ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up (and every request warmed up once before
the first run), on loopback, autocannon in the
benchmark's process on the same cores. The organisation's version (two queries: the public's
dashboard digest and the digest of public goals, projects and profile) is read at most once a
second, concurrent requests sharing the read; the rendered page is cached per version. Goal (issue 9): a public page in under 100 ms at p95 under 50 concurrent clients.

| database | request | requests/s | p50 | p95 | p99 | body | statuses | load |
|---|---|---:|---:|---:|---:|---:|---|---:|
${rows.join('\n')}

The first request after start (every series read and analysed, the page rendered), the first of a
series page, the organisation page's size, and the server's resident memory after the runs:

| database | first page | first series page | page | resident memory |
|---|---:|---:|---:|---:|
${singles.join('\n')}
`;
}
