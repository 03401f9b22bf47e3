/**
 * @module observations/copy
 * Bulk loading: rows are checked and written as CSV, loaded with COPY into the staging table and
 * merged with the same set-based statements as `upsertObservations` (observations/staging.ts).
 * A million rows load in seconds.
 */
import type { TransactionContext } from '../db/types.js';
import { csvLine, rowChecker } from './input.js';
import type { CheckedRow, ObservationInput, Provenance } from './input.js';
import type { MergeCounts } from './merge.js';
import { mergeThroughStaging } from './staging.js';
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
  const checked = options.checkedBy !== undefined;
  return mergeThroughStaging(ctx, provenance, checked ? 'series' : 'rows', async (stage) => {
    const tally: BatchTally = { rows: 0, series: new Map() };
    // While one batch's COPY runs, the next batch is gathered. A COPY is handed all its rows at
    // once, so a query the source makes meanwhile simply waits its turn on the connection.
    let batch: string[] = [];
    for await (const chunk of csvChunks(rows, tally, checked)) {
      batch.push(chunk);
      if (batch.length === CHUNKS_PER_COPY) {
        await stage(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await stage(batch);
    // The series' numbers were given in order of first sight: the map's order.
    return { rows: tally.rows, seriesIds: [...tally.series.keys()] };
  });
}
