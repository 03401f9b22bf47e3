/**
 * @module imports/staged-load
 * Loads a file's observations through the staging table and the one set-based merge
 * (observations/staging.ts), as observations/copy.ts loads rows, but from COPY text the import
 * wrote itself as it mapped the rows (copy-text.ts), so that no object or string is made per row
 * twice over. The rows were checked by the row mapper (shape, measure's data type, repeats); that
 * their series exist is checked here, once per series.
 */
import type { TransactionContext } from '../db/types.js';
import type { Provenance } from '../observations/input.js';
import type { MergeCounts } from '../observations/merge.js';
import { mergeThroughStaging } from '../observations/staging.js';
import type { StagedRows } from '../observations/staging.js';

export type { StagedRows } from '../observations/staging.js';

/**
 * Loads COPY text (pieces of whole lines, see copy-text.ts) inside `ctx`'s transaction, in a
 * savepoint: on any error nothing of it stays. Each piece is loaded with its own COPY while the
 * next is written (the source may query the same transaction: its queries wait for the COPY in
 * flight), then `rows()` says what was loaded and the rows are merged.
 * @throws {DataError} as `copyObservations` (`unknown_series`, `conflict` …).
 */
export async function loadStaged(
  ctx: TransactionContext,
  text: AsyncIterable<string>,
  rows: () => StagedRows,
  provenance: Provenance,
): Promise<MergeCounts> {
  return mergeThroughStaging(ctx, provenance, 'series', async (stage) => {
    for await (const piece of text) await stage([piece]);
    return rows();
  });
}
