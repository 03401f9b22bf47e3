// The organisation dashboard under load (issue 4): 200 measures × 60 monthly points, analysed,
// served by `groundswell serve` as a separate process, loaded with autocannon (50 connections)
// from this process. Used by scripts/bench.js (`node scripts/bench.js dashboard` runs only this).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  copyObservations,
  createMeasure,
  createOrganisation,
  createUnit,
  ensureSeries,
  createToken,
  migrate,
  openDatabase,
  schema,
  setTarget,
} from '../packages/server/dist/index.js';
import { makeProportions, makeSeries, months, rng } from './bench-data.js';
import { rssMb, startServe } from './bench-server.js';

const MEASURES = 200;
const POINTS = 60;
const CONNECTIONS = 50;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const USER = '00000000-0000-4000-8000-0000000000b1';
const PG_SERVER = 'postgres://postgres@127.0.0.1:5432';
const PG_DATABASE = 'groundswell_bench_dashboard';

/**
 * One organisation (ODS code BENCH1) with a division and four wards, and 200 measures of its own,
 * each recorded once: a fifth for the organisation as a whole, the others spread over the wards.
 * Every 4th is a proportion (p chart), every 4th + 1 a count (c chart), the rest values (XmR);
 * directions vary; every 3rd has a target. 12,000 observations, loaded with COPY.
 */
export async function load(handle) {
  const { db } = handle;
  const organisation = await createOrganisation(db, {
    odsCode: 'BENCH1',
    name: 'Bench Trust',
    kind: 'provider',
  });
  const division = await createUnit(db, {
    organisationId: organisation.id,
    kind: 'division',
    name: 'Medicine',
  });
  const wards = [];
  for (let w = 1; w <= 4; w++) {
    wards.push(
      await createUnit(db, {
        organisationId: organisation.id,
        parentId: division.id,
        kind: 'ward',
        name: `Ward ${w}`,
      }),
    );
  }
  const values = makeSeries(MEASURES, POINTS, 7);
  const { numerators, denominators } = makeProportions(MEASURES, POINTS, 13);
  const rand = rng(99);
  const periods = months(POINTS);
  const rows = [];
  const directions = ['increase', 'decrease', 'neutral'];
  for (let i = 0; i < MEASURES; i++) {
    const kind = i % 4 === 0 ? 'proportion' : i % 4 === 1 ? 'count' : 'value';
    const measure = await createMeasure(db, {
      ownerOrganisationId: organisation.id,
      code: `bench-${String(i).padStart(3, '0')}`,
      name: `Bench measure ${String(i).padStart(3, '0')}`,
      dataType: kind,
      domain: ['safety', 'experience', 'effectiveness', 'workforce', 'finance'][i % 5],
      frequency: 'month',
      spcOptions: { direction: directions[i % 3] },
      // Public, so that the measured requests (signed out, as a public page's would be) see them all.
      visibility: 'public',
    });
    if (i % 3 === 0) {
      const target = kind === 'proportion' ? 0.15 : kind === 'count' ? 10 : values[i][0];
      await setTarget(db, { measureId: measure.id, effectiveFrom: '2020-01-01', value: target });
    }
    const unitId = i % 5 === 0 ? null : wards[i % 4].id;
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id, unitId });
    for (let p = 0; p < POINTS; p++) {
      const period = periods[p];
      if (kind === 'proportion') {
        rows.push({
          seriesId: series.id,
          period,
          numerator: numerators[i][p],
          denominator: denominators[i][p],
        });
      } else if (kind === 'count') {
        rows.push({ seriesId: series.id, period, value: Math.round(5 + rand() * 10) });
      } else {
        rows.push({ seriesId: series.id, period, value: values[i][p] });
      }
    }
  }
  await handle.transaction((ctx) => copyObservations(ctx, rows, { userId: USER }));
  // A platform administrator's token, for the one write the benchmark makes through the API.
  const [admin] = await db
    .insert(schema.users)
    .values({
      email: 'bench@groundswell.invalid',
      displayName: 'Benchmark',
      status: 'active',
      platformAdmin: true,
    })
    .returning();
  const { token } = await createToken(
    db,
    admin.id,
    { name: 'bench', scopes: ['read', 'write'], expiresAt: null },
    new Date(),
  );
  benchToken = token;
  return { rows: rows.length, firstSeries: rows[0].seriesId };
}

/** `groundswell serve --no-demo` on a free port; resolves with its URL once it says it is ready. */
function serve(env) {
  return startServe({ args: ['--no-demo'], env: { HOST: '127.0.0.1', ...env } });
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** CPU seconds (user + system) a process has used so far (Linux /proc), or 0. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving `database` (their command lines name it). */
function backends(database) {
  if (database === undefined) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(`postgres: `) &&
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)
        );
      } catch {
        return false;
      }
    });
}

/**
 * autocannon for `seconds`, recording every response's latency (autocannon itself reports no
 * p95), and the CPU time each process spent per request: the server, its PostgreSQL backends, and
 * autocannon (this process). autocannon keeps every response body as a string by default, which
 * alone limits it to about 150 responses of 140 KB a second here; bodies are not checked, so each
 * client is set up not to keep them.
 */
async function load50(url, headers, seconds, serverPid, database) {
  const latencies = [];
  const statuses = new Map();
  const pgBefore = new Map(backends(database).map((pid) => [pid, cpuSeconds(pid)]));
  const serverBefore = cpuSeconds(serverPid);
  const clientBefore = process.cpuUsage();
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
  const client = process.cpuUsage(clientBefore);
  const pg = backends(database).reduce((sum, pid) => sum + cpuSeconds(pid) - (pgBefore.get(pid) ?? 0), 0);
  const n = latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    requests: n,
    rps: n / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    bytesPerRequest: result.throughput.total / Math.max(1, n),
    statuses: Object.fromEntries(statuses),
    errors: result.errors + result.timeouts,
    cpu: {
      server: ((cpuSeconds(serverPid) - serverBefore) * 1000) / n,
      postgres: (pg * 1000) / n,
      client: (client.user + client.system) / 1000 / n,
    },
  };
}

/** One request's time and answer. */
async function timed(url, init = {}) {
  const t0 = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { ms: performance.now() - t0, response, bytes: Buffer.byteLength(text), text };
}

/** The token `load` made (the database's own administrator), for the benchmark's one write. */
let benchToken;

async function measure(engine, env, database) {
  const server = await serve(env);
  try {
    const url = `${server.url}/api/v1/organisations/BENCH1/dashboard`;
    const cold = await timed(url);
    if (cold.response.status !== 200)
      throw new Error(`dashboard answered ${cold.response.status}: ${cold.text}`);
    const body = JSON.parse(cold.text);
    const etag = cold.response.headers.get('etag');
    const alone = [];
    for (let i = 0; i < 21; i++) alone.push((await timed(url)).ms);
    alone.sort((a, b) => a - b);
    const warm = { ms: alone[10] };
    const gzipped = await timed(url, { headers: { 'accept-encoding': 'gzip' } });
    const gzipBytes = Number(gzipped.response.headers.get('content-length') ?? NaN);
    const runs = [];
    for (const [label, headers] of [
      ['plain JSON', {}],
      ['gzip (Accept-Encoding: gzip)', { 'accept-encoding': 'gzip' }],
      ['If-None-Match → 304', { 'if-none-match': etag }],
    ]) {
      await load50(url, headers, WARM_UP_SECONDS, server.pid, database);
      const load = loadavg()[0];
      runs.push({ label, load, ...(await load50(url, headers, SECONDS, server.pid, database)) });
    }
    // One point of one series changed (through the API): the next request re-reads and
    // re-analyses that series only; the other 199 cards come from the analysis cache.
    const seriesId = body.series.find((s) => s.measure.dataType === 'value').id;
    const write = await fetch(`${server.url}/api/v1/series/${seriesId}/observations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${benchToken}` },
      body: JSON.stringify({ rows: [{ period: '2024-12-01', value: 1 }] }),
    });
    if (write.status !== 200) throw new Error(`write answered ${write.status}: ${await write.text()}`);
    const afterChange = await timed(url, { headers: { 'if-none-match': etag } });
    const result = {
      engine,
      series: body.series.length,
      bytes: cold.bytes,
      gzipBytes,
      coldMs: cold.ms,
      warmMs: warm.ms,
      changedMs: afterChange.ms,
      changedStatus: afterChange.response.status,
      runs,
      rssMb: rssMb(server.pid),
    };
    for (const run of runs) {
      console.log(
        `dashboard ${engine} ${run.label}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50.toFixed(1)} ms, ` +
          `p95 ${run.p95.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, statuses ${JSON.stringify(run.statuses)}, ` +
          `errors ${run.errors}, CPU ms per request: server ${run.cpu.server.toFixed(2)}, postgres ` +
          `${run.cpu.postgres.toFixed(2)}, autocannon ${run.cpu.client.toFixed(2)}; load average before ${run.load.toFixed(1)}`,
      );
    }
    console.log(
      `dashboard ${engine}: cold ${cold.ms.toFixed(0)} ms, alone ${warm.ms.toFixed(1)} ms, after a change ` +
        `${afterChange.ms.toFixed(1)} ms (${afterChange.response.status}), ${cold.bytes} bytes (${gzipBytes} gzipped), rss ${result.rssMb.toFixed(0)} MB`,
    );
    return result;
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
      await load(handle);
    } finally {
      await handle.close();
    }
    return await measure('PostgreSQL', { DATABASE_URL: url, DATABASE_POOL_MAX: '10' }, PG_DATABASE);
  } finally {
    psql(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
  }
}

async function onPglite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'groundswell-bench-dashboard-'));
  try {
    const handle = await openDatabase({ engine: 'pglite', dataDir });
    try {
      await migrate(handle);
      await load(handle);
    } finally {
      await handle.close();
    }
    return await measure('PGlite', { GROUNDSWELL_DATA_DIR: dataDir, DATABASE_URL: '' }, undefined);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the benchmark on PostgreSQL (when the local server answers) and PGlite. */
export async function dashboardBench() {
  const results = [];
  const pg = await onPostgres();
  if (pg) results.push(pg);
  results.push(await onPglite());
  return results;
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The BENCHMARKS.md section. */
export function dashboardMarkdown(results) {
  const rows = results.flatMap((r) =>
    r.runs.map(
      (run) =>
        `| ${r.engine} | ${run.label} | ${fmt(run.rps)} | ${fmt(run.p50, 1)} ms | ${fmt(run.p95, 1)} ms | ` +
        `${fmt(run.p99, 1)} ms | ${fmt(run.bytesPerRequest / 1024, 1)} KiB | ${fmt(run.cpu.server, 2)} / ` +
        `${r.engine === 'PGlite' ? '–' : fmt(run.cpu.postgres, 2)} / ${fmt(run.cpu.client, 2)} | ${fmt(run.load, 1)} |`,
    ),
  );
  const singles = results.map(
    (r) =>
      `| ${r.engine} | ${fmt(r.coldMs)} ms | ${fmt(r.warmMs, 1)} ms | ${fmt(r.changedMs, 1)} ms | ` +
      `${fmt(r.bytes / 1024)} KiB (${fmt(r.gzipBytes / 1024)} KiB gzipped) | ${fmt(r.rssMb)} MB |`,
  );
  return `## Server: organisation dashboard under load

\`scripts/bench-dashboard.js\`: one organisation with ${MEASURES} measures × ${POINTS} monthly points (12,000
observations loaded with COPY; p, c and XmR charts, a third with targets), served by
\`groundswell serve --no-demo\` as its own process (LOG_LEVEL info, the request log read and
dropped), and \`GET /api/v1/organisations/BENCH1/dashboard\` (all ${MEASURES} series analysed, with
sparklines and the summary matrix) under autocannon with ${CONNECTIONS} connections for ${SECONDS} s after
${WARM_UP_SECONDS} s of warm-up, on loopback. autocannon runs in the benchmark's process on the same two
cores (set up not to keep the bodies it reads). Latency percentiles are computed from every
response's time (autocannon reports no p95). CPU is what each process used per request during
the run: the server (with PGlite, the database is in it), its PostgreSQL backends, and autocannon;
the load average (1 minute) before each run shows what else the machine was doing.
Goal (issue 4): p95 under 50 ms and over 1,000 requests per second against PostgreSQL.

| database | request | requests/s | p50 | p95 | p99 | body | CPU ms/request: server / PostgreSQL / autocannon | load |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Browsers ask for gzip (${fmt(results[0].gzipBytes / 1024)} KiB here); the plain-JSON row shows the cost of
${fmt(results[0].bytes / 1024)} KiB per request (most of it every sparkline point's value, period, centre line and limits, the
lines to 6 significant figures). A 304 needs only the version query, which for a signed-out
reader (as here) reads only the public series.

Single requests (plain JSON, timed by this process with \`fetch\`, reading the whole body): the first
after start (every series read and analysed), then one client alone (the median of 21 requests
in a row: cached, one version query), and the first after one observation was changed through the
API (that series re-read and re-analysed, the other ${MEASURES - 1} from the analysis cache); the
response size; the server's resident memory after the runs.

| database | first | one client alone | after a change | response | resident memory |
|---|---:|---:|---:|---:|---:|
${singles.join('\n')}
`;
}
