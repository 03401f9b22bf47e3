// `npm run bench`: measures the engine, the CLI and the server and writes BENCHMARKS.md.
// Figures are measurements on this machine, not assertions: nothing here fails a build.
//
// `node scripts/bench.js [SECTION...]` runs only those sections (engine, cli, copy, import, serve,
// dashboard, web, public, reports) and replaces only theirs in BENCHMARKS.md; with none, it runs every one and writes the
// whole file.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { attributeChart, funnel, xmr } from '../packages/spc/dist/index.js';
import { makeSeries, makeProportions, makeUnits, months } from './bench-data.js';
import { rssMb, startServe } from './bench-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = `${root}.bench`;
mkdirSync(work, { recursive: true });

const SECTIONS = ['engine', 'cli', 'copy', 'import', 'serve', 'dashboard', 'web', 'public', 'reports'];
const asked = process.argv.slice(2);
for (const name of asked) {
  if (!SECTIONS.includes(name)) {
    console.error(`unknown section ${JSON.stringify(name)}; the sections are ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
/** Whether to run a section: every one when none was named. */
const runs = (name) => asked.length === 0 || asked.includes(name);

const SERIES = 10_000;
const LENGTH = 60;
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Best of `runs` timings of `fn`, in milliseconds. */
function best(runs, fn) {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
}

function engineBench() {
  const series = makeSeries(SERIES, LENGTH);
  const periods = months(LENGTH);
  const rows = [];
  for (const preset of ['mdc', 'nhsr']) {
    const options = { preset, direction: 'increase', target: 100 };
    let signals = 0;
    const run = () => {
      signals = 0;
      for (const values of series) {
        const a = xmr({ values, periods }, options);
        if (a.summary.variation !== 'common_cause') signals++;
      }
    };
    run(); // warm up
    const ms = best(5, run);
    const pps = (SERIES * LENGTH) / (ms / 1000);
    rows.push({ preset, ms, pps, signals });
  }
  return rows;
}

async function writeCsv(path) {
  const series = makeSeries(SERIES, LENGTH, 7);
  const periods = months(LENGTH);
  const out = createWriteStream(path);
  out.write('series,date,value\n');
  for (let s = 0; s < series.length; s++) {
    let chunk = '';
    for (let i = 0; i < LENGTH; i++)
      chunk += `S${String(s).padStart(5, '0')},${periods[i]},${series[s][i]}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

function cliBench(csv) {
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(
      process.execPath,
      [
        'scripts/measure-cli.js',
        'spc',
        csv,
        '--group',
        'series',
        '--direction',
        'increase',
        '--out',
        `${work}/out.csv`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.status !== 0) throw new Error(`CLI failed: ${res.stderr}`);
    const kb = Number(/maxrss_kb=(\d+)/.exec(res.stderr)?.[1] ?? NaN);
    runs.push({ ms, mb: kb / 1024 });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return {
    ...runs[0],
    maxMb: Math.max(...runs.map((r) => r.mb)),
    outBytes: statSync(`${work}/out.csv`).size,
  };
}

/** The same XmR run, also reading every point object (what a JSON API would serialise). */
function engineWithPointsBench() {
  const series = makeSeries(SERIES, LENGTH);
  const periods = months(LENGTH);
  const options = { preset: 'mdc', direction: 'increase', target: 100 };
  const run = () => {
    for (const values of series) xmr({ values, periods }, options).points;
  };
  run();
  const ms = best(5, run);
  return { ms, pps: (SERIES * LENGTH) / (ms / 1000) };
}

function laneyBench() {
  const { numerators, denominators } = makeProportions(SERIES, LENGTH);
  const periods = months(LENGTH);
  const options = { direction: 'decrease' };
  const run = () => {
    for (let s = 0; s < SERIES; s++) {
      attributeChart('pp', { numerators: numerators[s], denominators: denominators[s], periods }, options);
    }
  };
  run();
  const ms = best(5, run);
  return { ms, pps: (SERIES * LENGTH) / (ms / 1000) };
}

function funnelBench() {
  const rows = [];
  for (const type of ['proportion', 'ratio', 'ratio-of-counts']) {
    for (const overdispersion of [true, false]) {
      const units = makeUnits(10_000, type);
      const run = () => funnel(units, { type, overdispersion });
      run();
      const result = run();
      rows.push({ type, overdispersion, adjusted: result.adjusted, ms: best(11, run) });
    }
  }
  return rows;
}

/** Markdown of each section that ran, by name. */
const markdown = {};

if (runs('engine')) {
  const engine = engineBench();
  const withPoints = engineWithPointsBench();
  console.log(
    `engine mdc reading point objects: ${fmt(withPoints.ms, 1)} ms, ${fmt(withPoints.pps)} points/s`,
  );
  const laney = laneyBench();
  console.log(`p′: ${fmt(laney.ms, 1)} ms, ${fmt(laney.pps)} points/s`);
  const funnels = funnelBench();
  for (const f of funnels)
    console.log(`funnel ${f.type} overdispersion=${f.overdispersion}: ${fmt(f.ms, 1)} ms`);
  for (const r of engine) console.log(`engine ${r.preset}: ${fmt(r.ms, 1)} ms, ${fmt(r.pps)} points/s`);
  markdown.engine = engineMarkdown(engine, withPoints, laney, funnels);
}

if (runs('cli')) {
  const csv = `${work}/series-600k.csv`;
  await writeCsv(csv);
  const cli = cliBench(csv);
  console.log(`cli: ${fmt(cli.ms)} ms, peak ${fmt(cli.maxMb)} MB`);
  markdown.cli = cliMarkdown(cli, statSync(csv).size);
}

/** The engines a server benchmark runs on: PGlite, and PostgreSQL when one answers. */
function benchEngines() {
  const engines = [['pglite', {}]];
  const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const ready = spawnSync('pg_isready', ['-d', pgUrl, '-q']);
  if (ready.status === 0) engines.push(['postgres', { DATABASE_URL: pgUrl }]);
  return engines;
}

/** A server benchmark script run on each engine; its lines kept as printed. */
function scriptOnEngines(script) {
  const out = {};
  for (const [engine, env] of benchEngines()) {
    const res = spawnSync(process.execPath, [script, engine], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    out[engine] =
      res.status === 0 ? res.stdout.trim() : `failed: ${res.stderr.trim().split('\n').slice(-3).join(' ')}`;
    console.log(out[engine]);
  }
  return out;
}

/** The server's million-row COPY load on each engine (its own benchmark script; lines kept as printed). */
function copyBench() {
  return scriptOnEngines('packages/server/dist/bench/copy-observations.js');
}
if (runs('copy')) markdown.copy = copyMarkdown(copyBench());
if (runs('import'))
  markdown.import = importMarkdown(scriptOnEngines('packages/server/dist/bench/import-file.js'));

/** Starts `groundswell serve` on a fresh (or the same) data folder; time to ready and memory once ready. */
async function serveOnce(dataDir, env = {}) {
  const server = await startServe({ env: { GROUNDSWELL_DATA_DIR: dataDir, ...env } });
  const mb = rssMb(server.pid);
  await server.stop();
  return { ms: server.ms, mb };
}

async function serverStartBench() {
  const rows = [];
  const dir = `${work}/serve-db-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  rows.push({ what: 'first start on PGlite (initdb, migrations, demo data)', ...(await serveOnce(dir)) });
  rows.push({ what: 'later start on PGlite', ...(await serveOnce(dir)) });
  rmSync(dir, { recursive: true, force: true });
  const pgUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (spawnSync('pg_isready', ['-d', pgUrl, '-q']).status === 0) {
    const db = `groundswell_bench_${process.pid}`;
    spawnSync('psql', [pgUrl, '-q', '-c', `DROP DATABASE IF EXISTS ${db}`, '-c', `CREATE DATABASE ${db}`]);
    const url = `postgres://postgres@127.0.0.1:5432/${db}`;
    rows.push({
      what: 'first start on PostgreSQL (migrations, demo data)',
      ...(await serveOnce(dir, { DATABASE_URL: url })),
    });
    rows.push({ what: 'later start on PostgreSQL', ...(await serveOnce(dir, { DATABASE_URL: url })) });
    spawnSync('psql', [pgUrl, '-q', '-c', `DROP DATABASE IF EXISTS ${db}`]);
  }
  for (const r of rows) console.log(`${r.what}: ${fmt(r.ms)} ms, ${fmt(r.mb)} MB`);
  return rows;
}
if (runs('serve')) markdown.serve = serveMarkdown(await serverStartBench());

if (runs('dashboard')) {
  const { dashboardBench, dashboardMarkdown } = await import('./bench-dashboard.js');
  markdown.dashboard = dashboardMarkdown(await dashboardBench());
}

if (runs('web')) {
  const { webBench, webMarkdown } = await import('./bench-web.js');
  markdown.web = webMarkdown(await webBench());
}

if (runs('public')) {
  const { publicBench, publicMarkdown } = await import('./bench-public.js');
  markdown.public = publicMarkdown(await publicBench());
}

/** The board report PDF on each engine (its own benchmark script; lines kept as printed). */
if (runs('reports')) {
  const lines = scriptOnEngines('packages/server/dist/reports/bench-report.js');
  markdown.reports = `## Server: board report PDF

\`packages/server/src/reports/bench-report.ts\`: a board report of 40 measures (36 months each; proportions
with a 95% target, values in £, counts; commentary on half) as an A4 PDF made on the server with pdfkit and
svg-to-pdfkit (cover, contents with page numbers, the summary matrix, one section per measure with its chart as
vector graphics, the analysis in words and the commentary, footers; tagged, fonts embedded). First the PDF alone
from the report's content, then end to end on each engine: the run for a month from the database (read, analyse,
draw every chart) with its PDF, as \`GET /reports/:id/run.pdf\` does, and issuing it (the same, and storing the
content and PDF in one transaction). Best and median of 5 runs, wall and CPU time; the load average shows what
else the machine was doing. Goal (issue 9): a 40-measure board report PDF in under 5 s.

${Object.entries(lines)
  .map(([engine, text]) => `**${engine}**\n\n\`\`\`\n${text}\n\`\`\`\n`)
  .join('\n')}`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const gitRev = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const header = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.js); do not edit by hand. Goals come from the issues;
figures are measured, never asserted in tests. \`node scripts/bench.js SECTION...\` reruns only some
sections (${SECTIONS.join(', ')}), and says so in them.

- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
- Commit: ${gitRev}
- Machine: ${cpu}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}
- Node ${process.version}
`;

function engineMarkdown(engine, withPoints, laney, funnels) {
  return `## SPC engine: XmR with every rule (one core)

${SERIES.toLocaleString('en-GB')} series × ${LENGTH} points (synthetic, seeded; a third with a step change), direction
increase, target 100, periods as ISO dates; best of 5 runs. Goal: at least 10 million points per second.

| preset | time | points per second | series not common cause |
|---|---:|---:|---:|
${engine.map((r) => `| ${r.preset} | ${fmt(r.ms, 1)} ms | ${fmt(r.pps)} | ${fmt(r.signals)} |`).join('\n')}

The engine keeps per-point results as columns and builds point objects only when they are read
(\`analysis.points\`). Reading every point object as well (what a JSON API serialises):
${fmt(withPoints.ms, 1)} ms, ${fmt(withPoints.pps)} points per second (mdc).

## Laney p′ chart (one core)

${SERIES.toLocaleString('en-GB')} series × ${LENGTH} points of numerators and denominators (synthetic proportions around 5–25% with
denominators of 500–20,000), every rule; best of 5. Goal: at least 5 million points per second.

| time | points per second |
|---:|---:|
| ${fmt(laney.ms, 1)} ms | ${fmt(laney.pps)} |

## Funnel plot over 10,000 units

Synthetic units (seeded), default 95% and 99.8% limits and 100-point curves; best of 11 runs. Goal: under 50 ms.

| type | overdispersion | adjusted | time |
|---|---|---|---:|
${funnels.map((f) => `| ${f.type} | ${f.overdispersion ? 'on' : 'off'} | ${f.adjusted ? 'yes' : 'no'} | ${fmt(f.ms, 1)} ms |`).join('\n')}

Unadjusted standardised ratios need exact Poisson limits: two χ² quantiles per unit and level
(40,000 in all), each an iterative inversion of the incomplete gamma function.
`;
}

function cliMarkdown(cli, csvBytes) {
  return `## CLI end to end

\`groundswell spc series-600k.csv --group series --direction increase --out out.csv\`: a
${fmt(SERIES * LENGTH)}-row CSV (${fmt(csvBytes / 2 ** 20, 1)} MiB) in, ${fmt(cli.outBytes / 2 ** 20, 1)} MiB of point rows out,
measured as a separate process from start to exit; best of 3. Goal: under 2 s and under 400 MB peak memory.

| wall time | peak resident memory |
|---:|---:|
| ${fmt(cli.ms)} ms | ${fmt(cli.maxMb)} MB |
`;
}

function serveMarkdown(starts) {
  return `## Server: start-up and memory

\`groundswell serve\` from start until it logs that it is ready, and its resident memory then;
the first start creates the database and loads the demo data (274 providers, about 51,600
observations). Goals (issue 4): first start under 20 s, later starts under 3 s; memory after start
with the demo data under 600 MB on PGlite and under 250 MB against PostgreSQL.

| start | time to ready | resident memory |
|---|---:|---:|
${starts.map((r) => `| ${r.what} | ${fmt(r.ms)} ms | ${fmt(r.mb)} MB |`).join('\n')}
`;
}

function copyMarkdown(copy) {
  return `## Server: 1 million observations with COPY

\`packages/server/src/bench/copy-observations.ts\`: 1,000 series × 1,000 days loaded with
\`copyObservations\` (COPY into a staging table, then one set-based merge with revisions), then the
same rows again, then with a tenth changed. Goals (issue 4): under 10 s into PostgreSQL, under 20 s
into PGlite.

${Object.entries(copy)
  .map(([engine, text]) => `**${engine}**\n\n\`\`\`\n${text}\n\`\`\`\n`)
  .join('\n')}`;
}

function importMarkdown(runs) {
  return `## Server: importing a 1-million-row CSV file

\`packages/server/src/bench/import-file.ts\`: a national CSV file of 1,000 organisations × 1,000
days of one proportion measure (24 MB, an ODS code column), imported as a user does: first as the
command line does (\`groundswell import\`: one pass as the file is read — parse, patient-identifier
checks on every cell, map every row to its series, check its numbers, COPY in batches, merge with
revisions, all in one transaction), then the same file again (every point unchanged), then as the
web wizard does (upload: parse, check and store the rows; then commit: read them back and do the
same). Peak memory is the whole benchmark process's; the load average before and after is printed,
as other work on the machine slows every figure. Goals (issue 4): under 10 s into PostgreSQL,
under 20 s into PGlite; the file is never held in memory whole.

${Object.entries(runs)
  .map(([engine, text]) => `**${engine}**\n\n\`\`\`\n${text}\n\`\`\`\n`)
  .join('\n')}`;
}

/** The headings each section writes (to find a section written before there were markers). */
const HEADINGS = {
  engine: ['## SPC engine', '## Laney', '## Funnel plot'],
  cli: ['## CLI end to end'],
  serve: ['## Server: start-up'],
  copy: ['## Server: 1 million'],
  import: ['## Server: importing'],
  dashboard: ['## Server: organisation dashboard'],
  web: ['## Web app'],
  reports: ['## Server: board report PDF'],
  public: ['## Server: public pages'],
};

/** `text` with the unmarked section `name` (from its first heading to the next one of another section) replaced, or `section` added at the end. */
function replaceUnmarked(text, name, section) {
  const lines = text.split('\n');
  const ours = (line) => HEADINGS[name].some((heading) => line.startsWith(heading));
  const start = lines.findIndex(ours);
  if (start === -1) return `${text.trimEnd()}\n\n${section}`;
  let end = start + 1;
  while (
    end < lines.length &&
    !(lines[end].startsWith('<!-- bench:') || (lines[end].startsWith('## ') && !ours(lines[end])))
  ) {
    end++;
  }
  return [...lines.slice(0, start), ...section.trimEnd().split('\n'), '', ...lines.slice(end)].join('\n');
}

/** A section between markers, so that a later run of only some sections can replace it. */
const marked = (name, text) => `<!-- bench:${name} -->\n\n${text.trimEnd()}\n\n<!-- /bench:${name} -->\n`;

const path = `${root}BENCHMARKS.md`;
if (asked.length === 0) {
  // The order of the file (the server's start-up before its loads, as before).
  const order = ['engine', 'cli', 'serve', 'copy', 'import', 'dashboard', 'web', 'public', 'reports'];
  writeFileSync(path, [header, ...order.map((name) => marked(name, markdown[name]))].join('\n'));
} else {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : header;
  const note = `_Rerun on its own (\`node scripts/bench.js ${asked.join(' ')}\`): ${new Date()
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ')} UTC, commit ${gitRev}, Node ${process.version}._\n`;
  for (const name of asked) {
    const section = marked(name, `${markdown[name].trimEnd()}\n\n${note}`);
    const found = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->\\n?`);
    text = found.test(text) ? text.replace(found, () => section) : replaceUnmarked(text, name, section);
  }
  writeFileSync(path, text);
}
console.log('BENCHMARKS.md written');
