// The web app (issue 5): (a) the JavaScript and CSS a first visit must download before any page
// shows, gzipped, from the Vite build's manifest; (b) the organisation overview with 50 charts, from
// navigation start until the charts are drawn and the page can answer, in headless Chromium against
// `groundswell serve` as its own process. Used by scripts/bench.js (`node scripts/bench.js web`).
//
// The web build is GROUNDSWELL_WEB_DIR's when set, otherwise packages/web/dist (`npm run build`).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../packages/web/e2e/chromium-flags.js';
import { makeProportions, makeSeries, months, rng } from './bench-data.js';
import { startServe } from './bench-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CARDS = 50;
const POINTS = 60;
const RUNS = 7;
/** How long a run waits for the cards before it reports that the page is not drawing them. */
const CARD_TIMEOUT_MS = 20_000;
/** After the cards, the main thread must stay free of long tasks this long to count as settled. */
const QUIET_MS = 500;
const ODS = 'BENCHWEB';
const USER = '00000000-0000-4000-8000-0000000000b2';
// Debian's Chromium with the flags of the e2e tests (packages/web/e2e/chromium-flags.js).
const CHROMIUM = '/usr/bin/chromium';

const webDir = () =>
  process.env.GROUNDSWELL_WEB_DIR?.trim()
    ? resolve(root, process.env.GROUNDSWELL_WEB_DIR.trim())
    : `${root}packages/web/dist`;

const gzipBytes = (buffer) => gzipSync(buffer).length; // zlib's default level (6), as servers use

/**
 * The initial JavaScript and CSS: the entry chunk (index.html's script) and every chunk it imports
 * statically, however deep, with their CSS; lazily loaded pages are not initial. Also each page
 * chunk's own addition (its JavaScript and CSS not already initial).
 */
export function bundleSizes(dir = webDir()) {
  const manifestPath = join(dir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `no Vite manifest at ${manifestPath}: build the web app first (npm run build), with build.manifest on`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const closure = (keys, seen = new Set()) => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      closure(manifest[key].imports ?? [], seen);
    }
    return seen;
  };
  const filesOf = (chunks) => {
    const js = new Set();
    const css = new Set();
    for (const key of chunks) {
      js.add(manifest[key].file);
      for (const file of manifest[key].css ?? []) css.add(file);
    }
    return { js, css };
  };
  const measure = (files) => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const buffer = readFileSync(join(dir, file));
      raw += buffer.length;
      gzip += gzipBytes(buffer);
    }
    return { files: files.size, raw, gzip };
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  if (entries.length === 0) throw new Error(`${manifestPath} names no entry chunk`);
  const initialChunks = closure(entries);
  const initial = filesOf(initialChunks);
  const pages = Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry)
    .map((key) => {
      const own = filesOf([...closure([key])].filter((chunk) => !initialChunks.has(chunk)));
      return {
        page: manifest[key].name ?? key,
        js: measure(own.js),
        css: measure(new Set([...own.css].filter((file) => !initial.css.has(file)))),
      };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
  return {
    manifest: relative(root, manifestPath).startsWith('..') ? manifestPath : relative(root, manifestPath),
    entry: manifest[entries[0]].file,
    initialFiles: [...initial.js],
    js: measure(initial.js),
    css: measure(initial.css),
    pages,
  };
}

/** Sends JSON to the API; the parsed answer, or an error with the server's message. */
async function send(base, path, body, method = 'POST') {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/**
 * Through the API, as a person would: the organisation BENCHWEB with 50 measures of its own, each
 * recorded for the whole organisation with 60 monthly points (every 4th a proportion, every 4th + 1
 * a count, the rest values; every 3rd with a target).
 */
export async function createOrganisation(base) {
  const organisation = await send(base, '/organisations', {
    odsCode: ODS,
    name: 'Bench Web Trust',
    kind: 'provider',
  });
  const values = makeSeries(CARDS, POINTS, 11);
  const { numerators, denominators } = makeProportions(CARDS, POINTS, 17);
  const rand = rng(99);
  const periods = months(POINTS);
  const directions = ['increase', 'decrease', 'neutral'];
  for (let i = 0; i < CARDS; i++) {
    const kind = i % 4 === 0 ? 'proportion' : i % 4 === 1 ? 'count' : 'value';
    const label = String(i + 1).padStart(2, '0');
    const measure = await send(base, '/measures', {
      ownerOrganisationId: organisation.id,
      code: `bench-web-${label}`,
      name: `Bench measure ${label}`,
      dataType: kind,
      domain: ['safety', 'experience', 'effectiveness', 'workforce', 'finance'][i % 5],
      frequency: 'month',
      spcOptions: { direction: directions[i % 3] },
    });
    if (i % 3 === 0) {
      const value = kind === 'proportion' ? 0.15 : kind === 'count' ? 10 : values[i][0];
      await send(base, `/measures/${measure.id}/targets`, { effectiveFrom: '2020-01-01', value }, 'PUT');
    }
    const series = await send(base, '/series', { measureId: measure.id, organisationId: organisation.id });
    const rows = periods.map((period, p) =>
      kind === 'proportion'
        ? { period, numerator: numerators[i][p], denominator: denominators[i][p] }
        : kind === 'count'
          ? { period, value: Math.round(5 + rand() * 10) }
          : { period, value: values[i][p] },
    );
    await send(base, `/series/${series.id}/observations`, { rows, userId: USER });
  }
}

/**
 * Runs in the page before its scripts: resolves `window.__gsBench` once `cards` figure.gs-card
 * elements with a chart (the sparkline's svg) are in the DOM and the main thread is free. "Free" is: the next
 * frame after the last card was painted and a task after it ran (requestAnimationFrame, then a
 * MessageChannel message), and then QUIET_MS without a long task (a task over 50 ms, Long Tasks
 * API); a long task in that window moves the end to the end of that task and the wait starts again.
 * Times are milliseconds from navigation start (performance.now()).
 */
function pageProbe({ cards, quietMs }) {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  const drawn = () =>
    [...document.querySelectorAll('figure.gs-card')].filter((figure) =>
      figure.querySelector('.gs-sparkline svg'),
    ).length;
  window.__gsDrawn = drawn;
  window.__gsBench = new Promise((resolve) => {
    const settle = (inDom, from) => {
      setTimeout(() => {
        const later = longTasks.filter((task) => task.end > from);
        if (later.length > 0) {
          settle(inDom, Math.max(...later.map((task) => task.end)));
          return;
        }
        const blocking = longTasks
          .filter((task) => task.start < from)
          .reduce((sum, task) => sum + Math.max(0, Math.min(task.end, from) - task.start - 50), 0);
        resolve({
          inDom,
          interactive: from,
          longTasks: longTasks.filter((task) => task.start < from).length,
          blocking,
        });
      }, quietMs);
    };
    const observer = new MutationObserver(() => {
      if (drawn() < cards) return;
      observer.disconnect();
      const inDom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => settle(inDom, performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** One visit in a new browser context (an empty cache): its timings, or what the page showed instead. */
async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(pageProbe, { cards: CARDS, quietMs: QUIET_MS });
    await page.goto(url, { waitUntil: 'commit' });
    const result = await page.evaluate(
      (timeout) => Promise.race([window.__gsBench, new Promise((r) => setTimeout(() => r(null), timeout))]),
      CARD_TIMEOUT_MS,
    );
    if (result) return result;
    return {
      missing: {
        drawn: await page.evaluate(() => window.__gsDrawn()),
        h1:
          (await page
            .locator('h1')
            .first()
            .textContent({ timeout: 1000 })
            .catch(() => null)) ?? '(no h1)',
      },
    };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The overview with 50 charts on the server at `base`: a warm-up visit, then RUNS visits; medians. */
async function overviewBench(base) {
  if (!existsSync(CHROMIUM)) return { error: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await createOrganisation(base);
    const url = `${base}/organisations/${ODS}`;
    const warmUp = await visit(browser, url);
    if (warmUp.missing) return { missing: warmUp.missing };
    const runs = [];
    const load = loadavg()[0];
    for (let r = 0; r < RUNS; r++) {
      const run = await visit(browser, url);
      if (run.missing) return { missing: run.missing };
      runs.push(run);
      console.log(
        `web overview run ${r + 1}: ${CARDS} cards in the DOM at ${run.inDom.toFixed(0)} ms, interactive at ` +
          `${run.interactive.toFixed(0)} ms (${run.longTasks} long tasks, blocking ${run.blocking.toFixed(0)} ms)`,
      );
    }
    return {
      runs,
      load,
      inDom: median(runs.map((r) => r.inDom)),
      interactive: median(runs.map((r) => r.interactive)),
      blocking: median(runs.map((r) => r.blocking)),
      longTasks: median(runs.map((r) => r.longTasks)),
      chromium: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser.close();
  }
}

/** What the server sends for these files to a browser that accepts gzip and brotli: bytes and encodings. */
async function served(base, files) {
  let bytes = 0;
  const encodings = new Set();
  for (const file of files) {
    const response = await fetch(`${base}/${file}`, { headers: { 'accept-encoding': 'gzip, br' } });
    if (!response.ok) throw new Error(`GET /${file} answered ${response.status}`);
    bytes += Buffer.from(await response.arrayBuffer()).length;
    encodings.add(response.headers.get('content-encoding') ?? 'none');
  }
  return { bytes, encoding: [...encodings].join(', ') };
}

/** Both measurements, with one `groundswell serve --no-demo` on a new PGlite folder serving the build. */
export async function webBench() {
  const dir = webDir();
  const bundle = bundleSizes(dir);
  console.log(
    `web initial JavaScript: ${bundle.js.files} files, ${(bundle.js.raw / 1024).toFixed(1)} KiB, ` +
      `${(bundle.js.gzip / 1024).toFixed(1)} KiB gzipped; CSS ${(bundle.css.gzip / 1024).toFixed(1)} KiB gzipped`,
  );
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no web build at ${dir} (npm run build)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'groundswell-bench-web-'));
  const server = await startServe({
    args: ['--no-demo'],
    env: { HOST: '127.0.0.1', DATABASE_URL: '', GROUNDSWELL_DATA_DIR: dataDir, GROUNDSWELL_WEB_DIR: dir },
  }).catch((error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  try {
    bundle.served = await served(server.url, bundle.initialFiles);
    const overview = await overviewBench(server.url);
    if (overview.error) console.log(`web overview: ${overview.error}`);
    if (overview.missing) {
      console.log(`web overview: the page is not drawing cards (${JSON.stringify(overview.missing)})`);
    }
    if (overview.runs) {
      console.log(
        `web overview: median interactive ${overview.interactive.toFixed(0)} ms (cards in the DOM ` +
          `${overview.inDom.toFixed(0)} ms)`,
      );
    }
    return { bundle, overview };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const kib = (bytes) =>
  (bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const ms = (n) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });

function overviewText(overview) {
  if (overview.error) return `Not measured: ${overview.error}.`;
  if (overview.missing) {
    return (
      `**Not measured: the overview page is not drawing cards.** After ${CARD_TIMEOUT_MS / 1000} s,` +
      ` /organisations/${ODS} showed ${overview.missing.drawn} of ${CARDS} \`figure.gs-card\` with an svg (its h1:` +
      ` "${overview.missing.h1}"). No figure is given until it draws them.`
    );
  }
  return `| runs | ${CARDS} cards in the DOM | interactive | long tasks | blocking time (over 50 ms per task) |
|---:|---:|---:|---:|---:|
| ${overview.runs.length} | ${ms(overview.inDom)} ms | ${ms(overview.interactive)} ms | ${overview.longTasks} | ${ms(overview.blocking)} ms |

Medians. Interactive in each run: ${overview.runs.map((r) => `${ms(r.interactive)} ms`).join(', ')}.
${overview.chromium}; load average (1 minute) before the runs ${overview.load.toFixed(1)} (the machine's other
work slows every figure).`;
}

/** The BENCHMARKS.md section. */
export function webMarkdown({ bundle, overview }) {
  const pageRows = bundle.pages.map(
    (p) => `| ${p.page} | ${kib(p.js.gzip)} KiB | ${p.css.files ? `${kib(p.css.gzip)} KiB` : '–'} |`,
  );
  return `## Web app: initial JavaScript and the overview with ${CARDS} charts

\`scripts/bench-web.js\`. **Initial download**: from the Vite build's manifest
(\`${bundle.manifest}\`), the entry chunk (\`${bundle.entry}\`) and every chunk it
imports statically, however deep (not the pages, which load when first visited), each compressed
with zlib's gzip at its default level; the CSS the same way, separately. Goal (issue 5): initial
JavaScript under 300 KB gzipped.

| | files | size | gzipped |
|---|---:|---:|---:|
| initial JavaScript | ${bundle.js.files} | ${kib(bundle.js.raw)} KiB | ${kib(bundle.js.gzip)} KiB |
| initial CSS | ${bundle.css.files} | ${kib(bundle.css.raw)} KiB | ${kib(bundle.css.gzip)} KiB |

As \`groundswell serve\` sends the initial JavaScript to a browser that accepts gzip and brotli:
${kib(bundle.served.bytes)} KiB (content-encoding: ${bundle.served.encoding}).

What each page adds when first visited (its own chunks and CSS, gzipped):

| page | JavaScript | CSS |
|---|---:|---:|
${pageRows.join('\n')}

**The organisation overview with ${CARDS} charts**: \`groundswell serve --no-demo\` on a new PGlite
folder, serving the build; through the API, an organisation with ${CARDS} measures of its own × ${POINTS}
monthly points (p, c and XmR charts, a third with targets); \`/organisations/${ODS}\` opened in
headless Chromium (${CHROMIUM}, 1280 × 900), each visit in a new browser context (an empty cache: the
scripts, styles and the dashboard are fetched every time), after one warm-up visit not counted
(the server's first dashboard request analyses every series). Measured in the page, from navigation
start (\`performance.now()\`): **cards in the DOM**, when ${CARDS} \`figure.gs-card\` elements each
holding its sparkline's svg exist (a MutationObserver); **interactive**, when after that the next frame
was painted and the main thread ran a task after it (requestAnimationFrame, then a MessageChannel
message), moved to the end of any long task (over 50 ms, Long Tasks API) that followed within
${QUIET_MS} ms, until ${QUIET_MS} ms pass without one. Median of ${RUNS} visits. Goal (issue 5): interactive
under 1.5 s.

${overviewText(overview)}
`;
}
