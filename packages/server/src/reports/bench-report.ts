/**
 * A benchmark, not a test: a 40-measure board report as a PDF (issue 9's goal: under 5 s). First
 * the PDF alone from a report's content (40 synthetic measures of 36 months: `sample.ts`), then
 * end to end on a database: 40 series of 36 months in a scratch database, a report over them with
 * commentary on half, run for a month (read, analyse, draw every chart) and made into a PDF as
 * `GET /reports/:id/run.pdf` does, then issued as `POST /reports/:id/issue` does (the same, plus
 * storing the content and the PDF, in one transaction). Wall time and the process's CPU time, best
 * and median of 5; the load average is printed, as other work on the machine slows every figure.
 * From the repository root, after `npx tsc -b packages/server`:
 *
 *   node packages/server/dist/reports/bench-report.js pglite     PGlite in a new temporary folder
 *   node packages/server/dist/reports/bench-report.js postgres   DATABASE_URL's server, scratch database
 */
import { availableParallelism, loadavg } from 'node:os';
import { SYSTEM } from '../auth/principal.js';
import { scratchDatabase } from '../bench/scratch-database.js';
import { migrate } from '../db/migrate.js';
import type { Database } from '../db/types.js';
import { createMeasure } from '../measures/repository.js';
import { setTarget } from '../measures/targets.js';
import { upsertObservations } from '../observations/repository.js';
import { createOrganisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { renderReportPdf } from './pdf/render.js';
import { insertDefinition, replaceItems, upsertCommentary } from './repository.js';
import { sampleContent } from './sample.js';
import { draftPdf, issueReport } from './service.js';

const MEASURES = 40;
const RUNS = 5;
const PERIOD = '2019-03';
/** Who the benchmark's points are recorded by (no such person: provenance only). */
const BENCH_USER = '00000000-0000-4000-8000-00000000be01';

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

function summary(what: string, timings: readonly Timing[]): string {
  const wall = timings.map((t) => t.wallMs).sort((a, b) => a - b);
  const cpu = timings.map((t) => t.cpuMs).sort((a, b) => a - b);
  const mid = Math.floor(timings.length / 2);
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  return `${what}: best ${s(wall[0]!)} s, median ${s(wall[mid]!)} s wall; CPU best ${s(cpu[0]!)} s, median ${s(cpu[mid]!)} s`;
}

const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

/** 40 series of an organisation with 36 months each (proportions with a target, values, counts). */
async function fill(db: Database): Promise<{ organisationId: string; seriesIds: string[] }> {
  const organisation = await createOrganisation(db, {
    odsCode: 'BENCH1',
    name: 'Benchmark Trust',
    kind: 'provider',
  });
  const domains = ['safety', 'experience', 'effectiveness', 'workforce', 'finance'] as const;
  const periods = Array.from({ length: 36 }, (_, i) =>
    new Date(Date.UTC(2016, 3 + i, 1)).toISOString().slice(0, 10),
  );
  const seriesIds: string[] = [];
  for (let i = 0; i < MEASURES; i++) {
    const kind = i % 3;
    const measure = await createMeasure(db, {
      ownerOrganisationId: organisation.id,
      code: `bench-${i + 1}`,
      name:
        kind === 0
          ? `Seen within 4 hours (≥ 95%) ${i + 1}`
          : kind === 1
            ? `Agency spend (£k) ${i + 1}`
            : `Falls ${i + 1}`,
      dataType: kind === 0 ? 'proportion' : kind === 1 ? 'value' : 'count',
      chartType: kind === 0 ? 'pp' : kind === 1 ? 'xmr' : 'c',
      spcOptions: { direction: kind === 0 ? 'increase' : 'decrease' },
      domain: domains[i % domains.length]!,
      frequency: 'month',
    });
    if (kind === 0) await setTarget(db, { measureId: measure.id, effectiveFrom: '2010-01-01', value: 0.95 });
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    seriesIds.push(series.id);
    await upsertObservations(
      db,
      periods.map((period, k) => {
        const wobble = ((k * 7919 + i * 104_729) % 97) / 97;
        const shift = i % 4 === 0 && k >= 26 ? 1.12 : 1;
        return kind === 0
          ? {
              seriesId: series.id,
              period,
              numerator: Math.round(4000 * (0.82 + wobble * 0.05) * shift),
              denominator: 4000,
            }
          : {
              seriesId: series.id,
              period,
              value: kind === 1 ? (120 + wobble * 30) * shift : Math.round((4 + wobble * 5) * shift),
            };
      }),
      { userId: BENCH_USER },
    );
    if (i % 2 === 0) {
      await upsertCommentary(db, {
        seriesId: series.id,
        period: `${PERIOD}-01`,
        text: `Commentary on measure ${i + 1}: reviewed at the March meeting; actions agreed with the owner.`,
        authorId: null,
      });
    }
  }
  return { organisationId: organisation.id, seriesIds };
}

async function main(engine: string | undefined): Promise<void> {
  console.log(`load average ${load()} (1, 5, 15 min) on ${availableParallelism()} cores at the start`);
  const content = sampleContent(MEASURES);
  let pages = 0;
  let bytes = 0;
  await renderReportPdf(content); // warm up (fonts, modules)
  const pdfOnly: Timing[] = [];
  for (let r = 0; r < RUNS; r++) {
    pdfOnly.push(
      await timed(async () => {
        const pdf = await renderReportPdf(content);
        bytes = pdf.length;
        pages = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
      }),
    );
  }
  console.log(
    `${summary(`PDF of a ${MEASURES}-measure report's content`, pdfOnly)} (${pages} pages, ${(bytes / 1024).toFixed(0)} KiB)`,
  );
  if (engine === undefined) return;

  const { handle, cleanup } = await scratchDatabase(engine, 'reports');
  try {
    await migrate(handle);
    const { db } = handle;
    const { organisationId, seriesIds } = await fill(db);
    const definition = await insertDefinition(db, {
      organisationId,
      title: 'Benchmark board report',
      description: 'Forty measures, grouped by domain.',
      createdBy: null,
    });
    await replaceItems(db, definition.id, seriesIds);
    const now = new Date();
    await draftPdf(db, SYSTEM, definition.id, PERIOD, now); // warm up
    const draft: Timing[] = [];
    for (let r = 0; r < RUNS; r++)
      draft.push(await timed(() => draftPdf(db, SYSTEM, definition.id, PERIOD, now)));
    console.log(
      `${engine}: ${summary(`run for a month and PDF (GET /reports/:id/run.pdf), ${MEASURES} measures`, draft)}`,
    );
    const issue: Timing[] = [];
    for (let r = 0; r < RUNS; r++)
      issue.push(await timed(() => issueReport(db, SYSTEM, definition.id, PERIOD, now)));
    console.log(
      `${engine}: ${summary(`issue (run, PDF, store content and PDF: POST /reports/:id/issue)`, issue)}`,
    );
  } finally {
    await handle.close();
    await cleanup();
  }
  console.log(`load average ${load()} at the end`);
}

await main(process.argv[2]);
