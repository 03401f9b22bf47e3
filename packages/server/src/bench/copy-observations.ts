/**
 * A benchmark, not a test: loads N observations (default 1,000,000: 1,000 organisation-level
 * series × 1,000 days) with `copyObservations`, then the same rows again, then with a tenth of
 * them changed, and prints the times. From the repository root, after `npx tsc -b packages/server`:
 *
 *   node packages/server/dist/bench/copy-observations.js pglite [rows]    PGlite in a new temporary folder
 *   node packages/server/dist/bench/copy-observations.js postgres [rows]  DATABASE_URL's server, scratch database
 */
import { migrate } from '../db/migrate.js';
import { scratchDatabase } from './scratch-database.js';
import { createImport, finishImport } from '../imports/repository.js';
import { createMeasure } from '../measures/repository.js';
import { copyObservations } from '../observations/copy.js';
import type { ObservationInput } from '../observations/input.js';
import { createOrganisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';

const SERIES = 1000;

const since = (from: number): string => ((performance.now() - from) / 1000).toFixed(2);

function* observations(
  seriesIds: readonly string[],
  total: number,
  changeEvery: number,
): Generator<ObservationInput> {
  let n = 0;
  const start = Date.UTC(2020, 0, 1);
  for (let day = 0; ; day++) {
    const period = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    for (const seriesId of seriesIds) {
      if (n++ === total) return;
      const changed = changeEvery > 0 && n % changeEvery === 0 ? 1 : 0;
      yield { seriesId, period, numerator: (n % 37) + changed, denominator: 40 + (n % 13) };
    }
  }
}

async function main(engine: string, total: number): Promise<void> {
  let started = performance.now();
  const { handle, cleanup } = await scratchDatabase(engine, 'copy');
  await migrate(handle);
  console.log(`${engine}: open and migrate ${since(started)} s`);
  try {
    const { db } = handle;
    const measure = await createMeasure(db, {
      ownerOrganisationId: null,
      name: 'Bench proportion',
      dataType: 'proportion',
      domain: 'other',
      frequency: 'day',
    });
    const seriesIds: string[] = [];
    for (let i = 0; i < SERIES; i++) {
      const odsCode = `B${String(i).padStart(5, '0')}`;
      const organisation = await createOrganisation(db, { odsCode, name: `Org ${i}`, kind: 'provider' });
      seriesIds.push((await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id })).id);
    }
    for (const [label, changeEvery] of [
      ['first load', 0],
      ['same rows again', 0],
      ['a tenth changed', 10],
    ] as const) {
      const running = await createImport(db, { organisationId: null, fileName: `${label}.csv` });
      started = performance.now();
      const counts = await handle.transaction((ctx) =>
        copyObservations(ctx, observations(seriesIds, total, changeEvery), { importId: running.id }),
      );
      const elapsed = since(started);
      await finishImport(db, running.id, counts);
      const rss = Math.round(process.memoryUsage().rss / 1e6);
      console.log(`${label}: ${total} rows in ${elapsed} s ${JSON.stringify(counts)}, rss ${rss} MB`);
    }
  } finally {
    await handle.close();
    await cleanup();
  }
}

await main(process.argv[2] ?? 'pglite', Number(process.argv[3] ?? 1_000_000));
