/**
 * @module imports/staged-load
 * Loads a file's observations as observations/copy.ts loads rows — COPY into a temporary staging
 * table, then the one set-based merge (observations/merge.ts: changed points updated with a
 * revision, new ones inserted, identical ones left alone) — but from COPY text the import wrote
 * itself as it mapped the rows (copy-text.ts), so that no object or string is made per row
 * twice over. The rows were checked by the row mapper (shape, measure's data type, repeats); that
 * their series exist is checked here, once per series.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/sql.js';
import type { TransactionContext } from '../db/types.js';
import { DataError } from '../errors.js';
import { checkProvenance } from '../observations/input.js';
import type { Provenance } from '../observations/input.js';
import { applyBatch } from '../observations/merge.js';
import type { MergeCounts } from '../observations/merge.js';
import { lockRunningImport } from './repository.js';

const STAGING = 'gs_import_staging';
const STAGING_SERIES = 'gs_import_staging_series';
const COLUMNS = ['ord', 'series_no', 'period', 'value', 'numerator', 'denominator', 'ghost'] as const;

/** What the text's rows were, known once it has all been read. */
export interface StagedRows {
  /** Rows in the text. */
  readonly rows: number;
  /** The series' ids by the number the text gives them. */
  readonly seriesIds: readonly string[];
}

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
  const checkedProvenance = checkProvenance(provenance);
  return ctx.db.transaction(async (tx) => {
    await lockRunningImport(tx, checkedProvenance.importId);
    await tx.execute(
      sql.raw(`create temporary table ${STAGING} (
        ord integer not null, series_no integer not null, period date not null,
        value float8, numerator float8, denominator float8, ghost boolean
      ) on commit drop`),
    );
    // One COPY in flight while the next piece is written: the database and this process work at once.
    let inFlight: Promise<void> | null = null;
    try {
      for await (const piece of text) {
        if (inFlight !== null) await inFlight;
        inFlight = ctx.copyCsv(STAGING, COLUMNS, [piece]);
        // Its failure is awaited below; until then it must not count as unhandled.
        inFlight.catch(() => undefined);
      }
      if (inFlight !== null) await inFlight;
    } catch (error) {
      // End the COPY in flight before the savepoint is rolled back.
      await inFlight?.catch(() => undefined);
      throw error;
    }
    const { rows: total, seriesIds } = rows();
    await tx.execute(
      sql.raw(
        `create temporary table ${STAGING_SERIES} (no integer primary key, id uuid not null) on commit drop`,
      ),
    );
    await tx.execute(
      sql`insert into ${sql.raw(STAGING_SERIES)} (no, id)
        select n - 1, id from unnest(${sql.param(seriesIds)}::uuid[]) with ordinality as s (id, n)`,
    );
    // A small sample is enough to plan the merge (rows counted, keys' spread): a tenth of the time.
    await tx.execute(
      sql.raw(
        `alter table ${STAGING} ${COLUMNS.map((column) => `alter column ${column} set statistics 10`).join(', ')}`,
      ),
    );
    await tx.execute(sql.raw(`analyze ${STAGING}`));
    await tx.execute(sql.raw(`analyze ${STAGING_SERIES}`));
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
    const source =
      sql.raw(`(select st.ord, ss.id as series_id, st.period, st.value, st.numerator, st.denominator, st.ghost
      from ${STAGING} st join ${STAGING_SERIES} ss on ss.no = st.series_no) as s`);
    const counts = await applyBatch(tx, source, total, checkedProvenance, {
      seriesIds: sql.raw(`select id from ${STAGING_SERIES}`),
    });
    await tx.execute(sql.raw(`drop table ${STAGING}, ${STAGING_SERIES}`));
    return counts;
  });
}
