/**
 * @module observations/copy
 * Bulk loading: rows are streamed as CSV with COPY into a temporary staging table, then merged
 * with the same set-based statements as `upsertObservations`. A million rows load in seconds.
 *
 * To keep the CSV small (PGlite's COPY costs time per byte), each row carries its series as a
 * number within the batch; the numbers' series ids go to a second small staging table.
 */
import { sql } from 'drizzle-orm';
import { lockRunningImport } from '../imports/repository.js';
import type { TransactionContext } from '../db/types.js';
import { checkProvenance, csvLine, rowChecker } from './input.js';
import type { ObservationInput, Provenance } from './input.js';
import { applyBatch, checkBatch } from './merge.js';
import type { MergeCounts } from './merge.js';

const STAGING = 'gs_observation_staging';
const STAGING_SERIES = 'gs_observation_staging_series';
const COLUMNS = ['ord', 'series_no', 'period', 'value', 'numerator', 'denominator', 'ghost'] as const;
/** Rows per CSV chunk handed to COPY. */
const CHUNK_ROWS = 4000;

/** What the CSV stream learnt on its way: the row count and each series' number. */
interface BatchTally {
  rows: number;
  readonly series: Map<string, number>;
}

/** Checks each row as it goes and yields CSV in chunks. */
async function* csvChunks(
  rows: AsyncIterable<ObservationInput> | Iterable<ObservationInput>,
  tally: BatchTally,
): AsyncGenerator<string> {
  const check = rowChecker();
  let chunk = '';
  let inChunk = 0;
  for await (const row of rows) {
    const checked = check(row, tally.rows);
    let seriesNumber = tally.series.get(checked.seriesId);
    if (seriesNumber === undefined) {
      seriesNumber = tally.series.size;
      tally.series.set(checked.seriesId, seriesNumber);
    }
    chunk += csvLine(tally.rows, seriesNumber, checked);
    tally.rows++;
    if (++inChunk === CHUNK_ROWS) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Loads observations with COPY inside `ctx`'s transaction (in a savepoint: on any error nothing
 * of the batch stays, and the transaction can go on). Same checks, counts and revisions as
 * `upsertObservations`. Rows may come from an async source (a CSV being parsed): on PostgreSQL
 * they stream; on PGlite the CSV text is held in memory until the COPY (about 30 MB a million
 * rows). Per-row foreign-key checks are replaced by checks once per batch where the database
 * role allows (see `applyBatch`).
 * @throws {DataError} as `upsertObservations`.
 */
export async function copyObservations(
  ctx: TransactionContext,
  rows: AsyncIterable<ObservationInput> | Iterable<ObservationInput>,
  provenance: Provenance,
): Promise<MergeCounts> {
  const checkedProvenance = checkProvenance(provenance);
  return ctx.db.transaction(async (tx) => {
    await lockRunningImport(tx, checkedProvenance.importId);
    await tx.execute(
      sql.raw(`create temporary table ${STAGING} (
        ord integer not null, series_no integer not null, period date not null,
        value float8, numerator float8, denominator float8, ghost boolean
      ) on commit drop`),
    );
    const tally: BatchTally = { rows: 0, series: new Map() };
    await ctx.copyCsv(STAGING, COLUMNS, csvChunks(rows, tally));
    await tx.execute(
      sql.raw(
        `create temporary table ${STAGING_SERIES} (no integer primary key, id uuid not null) on commit drop`,
      ),
    );
    await tx.execute(
      sql`insert into ${sql.raw(STAGING_SERIES)} (no, id)
        select * from unnest(${sql.param([...tally.series.values()])}::int[], ${sql.param([...tally.series.keys()])}::uuid[])`,
    );
    await tx.execute(sql.raw(`analyze ${STAGING}`));
    await tx.execute(sql.raw(`analyze ${STAGING_SERIES}`));
    const source =
      sql.raw(`(select st.ord, ss.id as series_id, st.period, st.value, st.numerator, st.denominator, st.ghost
      from ${STAGING} st join ${STAGING_SERIES} ss on ss.no = st.series_no) as s`);
    await checkBatch(tx, source);
    const counts = await applyBatch(tx, source, tally.rows, checkedProvenance, {
      seriesIds: sql.raw(`select id from ${STAGING_SERIES}`),
    });
    await tx.execute(sql.raw(`drop table ${STAGING}, ${STAGING_SERIES}`));
    return counts;
  });
}
