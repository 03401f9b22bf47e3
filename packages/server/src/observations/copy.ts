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
import { queryRows } from '../db/sql.js';
import { DataError } from '../errors.js';
import type { TransactionContext } from '../db/types.js';
import { checkProvenance, csvLine, rowChecker } from './input.js';
import type { CheckedRow, ObservationInput, Provenance } from './input.js';
import { applyBatch, checkBatch } from './merge.js';
import type { MergeCounts } from './merge.js';

const STAGING = 'gs_observation_staging';
const STAGING_SERIES = 'gs_observation_staging_series';
const COLUMNS = ['ord', 'series_no', 'period', 'value', 'numerator', 'denominator', 'ghost'] as const;
/** Rows per CSV chunk. */
const CHUNK_ROWS = 4000;
/** Chunks per COPY statement (the rows of one COPY, and of the next being gathered, are held in memory: about 2 MB each). */
const CHUNKS_PER_COPY = 12;

/** Rows to load, one at a time or in arrays. */
export type ObservationSource =
  | AsyncIterable<ObservationInput | readonly ObservationInput[]>
  | Iterable<ObservationInput | readonly ObservationInput[]>;

/** How to load. */
export interface CopyOptions {
  /**
   * The rows were already checked — their shape (every field present: null, not absent; ids
   * and ISO dates valid), their series' measures in this transaction, and repeats — by the module
   * named (a file import's row checks): the row checks and the batch's SQL check are skipped. The
   * table's constraints still apply, and the series must still exist.
   */
  readonly checkedBy?: string | undefined;
}

/** What the CSV stream learnt on its way: the row count and each series' number. */
interface BatchTally {
  rows: number;
  readonly series: Map<string, number>;
}

/**
 * Checks each row as it goes and yields CSV in chunks. The source is read only between COPY
 * statements (see `copyObservations`), so it may itself query the same connection.
 */
async function* csvChunks(
  rows: ObservationSource,
  tally: BatchTally,
  checked: boolean,
): AsyncGenerator<string> {
  // Rows a caller checked already are taken as they are (every field present, ids and dates valid).
  const check = checked ? (row: ObservationInput): CheckedRow => row as CheckedRow : rowChecker();
  let chunk = '';
  let inChunk = 0;
  for await (const item of rows) {
    // A source may hand over rows one at a time or in arrays (cheaper for long async sources).
    const batch: readonly ObservationInput[] = Array.isArray(item) ? item : [item as ObservationInput];
    for (const row of batch) {
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
  }
  if (chunk !== '') yield chunk;
}

/**
 * Loads observations with COPY inside `ctx`'s transaction (in a savepoint: on any error nothing
 * of the batch stays, and the transaction can go on). Same checks, counts and revisions as
 * `upsertObservations`. Rows may come from an async source (a file being parsed), which may
 * query the same transaction: it is read in batches of about 50,000 rows, each loaded with its own
 * COPY once gathered, so no query of the source runs while a COPY holds the connection, and at
 * most one batch is in memory. Per-row foreign-key checks are replaced by checks once per batch where the database
 * role allows (see `applyBatch`).
 * @throws {DataError} as `upsertObservations`.
 */
export async function copyObservations(
  ctx: TransactionContext,
  rows: ObservationSource,
  provenance: Provenance,
  options: CopyOptions = {},
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
    // While one batch's COPY runs, the next batch is gathered (the database and this process work
    // at the same time). A COPY is handed all its rows at once, so a query the source makes
    // meanwhile simply waits its turn on the connection.
    let batch: string[] = [];
    const inFlight: { copy: Promise<void> | null } = { copy: null };
    const copy = async (rowsCsv: string[]): Promise<void> => {
      if (inFlight.copy !== null) await inFlight.copy;
      inFlight.copy = ctx.copyCsv(STAGING, COLUMNS, rowsCsv);
      // Its failure is awaited below; until then it must not count as unhandled.
      inFlight.copy.catch(() => undefined);
    };
    try {
      for await (const chunk of csvChunks(rows, tally, options.checkedBy !== undefined)) {
        batch.push(chunk);
        if (batch.length === CHUNKS_PER_COPY) {
          await copy(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await copy(batch);
      if (inFlight.copy !== null) await inFlight.copy;
    } catch (error) {
      // End the COPY in flight before the savepoint is rolled back.
      await inFlight.copy?.catch(() => undefined);
      throw error;
    }
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
    if (options.checkedBy === undefined) {
      await checkBatch(tx, source);
    } else {
      // The rows were checked; that their series exist is still checked here, once per series
      // (what lets the merge skip the per-row foreign-key triggers).
      const [missing] = await queryRows<{ id: string }>(
        tx,
        sql.raw(
          `select ss.id from ${STAGING_SERIES} ss left join measure_series ms on ms.id = ss.id where ms.id is null limit 1`,
        ),
      );
      if (missing !== undefined) {
        throw new DataError('invalid_input', `no series has the id ${missing.id}`, {
          field: 'seriesId',
          reason: 'unknown_series',
        });
      }
    }
    const counts = await applyBatch(tx, source, tally.rows, checkedProvenance, {
      seriesIds: sql.raw(`select id from ${STAGING_SERIES}`),
    });
    await tx.execute(sql.raw(`drop table ${STAGING}, ${STAGING_SERIES}`));
    return counts;
  });
}
