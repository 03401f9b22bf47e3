/**
 * @module observations/staging
 * The one way bulk rows reach the observations: COPY into a temporary staging table, pieces
 * pipelined (one COPY in flight while the caller writes the next), then the set-based merge of
 * observations/merge.ts (changed points updated with a revision, new ones inserted, identical
 * ones left alone). Used by `copyObservations` (rows as objects) and by a file import's staged
 * load (COPY text it wrote as it mapped the rows).
 *
 * To keep the text small (PGlite's COPY costs time per byte), each row names its series by a
 * number; the numbers' series ids go to a second small staging table.
 */
import { sql } from 'drizzle-orm';
import { lockRunningImport } from '../imports/repository.js';
import { queryRows } from '../db/sql.js';
import type { Database, TransactionContext } from '../db/types.js';
import { DataError } from '../errors.js';
import { checkProvenance } from './input.js';
import type { Provenance } from './input.js';
import { applyBatch, checkBatch } from './merge.js';
import type { MergeCounts } from './merge.js';

/** The staging tables (temporary: dropped at the end, and at commit whatever happens). */
export const STAGING = 'gs_observation_staging';
const STAGING_SERIES = 'gs_observation_staging_series';
/** The staging table's columns, in the order of each COPY line (see input.ts's `csvLine`). */
const COLUMNS = ['ord', 'series_no', 'period', 'value', 'numerator', 'denominator', 'ghost'] as const;

/** What the staged rows were, known once they have all been written. */
export interface StagedRows {
  /** Rows written. */
  readonly rows: number;
  /** The series' ids by the number the rows give them (the first is number 0). */
  readonly seriesIds: readonly string[];
}

/** Loads pieces of COPY text (whole lines) into the staging table; resolves once the previous COPY is done. */
export type StagePieces = (pieces: readonly string[]) => Promise<void>;

/** How the staged rows are checked before the merge. */
export type StagedCheck =
  /** Every row, in SQL (shape against the measure's data type, repeats: `checkBatch`). */
  | 'rows'
  /** Only that each series exists: the rows were checked as they were written. */
  | 'series';

/**
 * Loads rows through the staging table inside `ctx`'s transaction, in a savepoint: on any error
 * nothing of them stays, and the transaction can go on. `write` hands its COPY text to `stage`
 * (the source may query the same transaction between pieces: its queries wait for the COPY in
 * flight) and then says what it wrote; the rows are checked and merged.
 * @throws {DataError} `unknown_series`, `conflict` (a finished import), and as `checkBatch`.
 */
export async function mergeThroughStaging(
  ctx: TransactionContext,
  provenance: Provenance,
  check: StagedCheck,
  write: (stage: StagePieces) => Promise<StagedRows>,
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
    const inFlight: { copy: Promise<void> | null } = { copy: null };
    const stage: StagePieces = async (pieces) => {
      if (inFlight.copy !== null) await inFlight.copy;
      inFlight.copy = ctx.copyCsv(STAGING, COLUMNS, pieces);
      // Its failure is awaited below; until then it must not count as unhandled.
      inFlight.copy.catch(() => undefined);
    };
    let staged: StagedRows;
    try {
      staged = await write(stage);
      if (inFlight.copy !== null) await inFlight.copy;
    } catch (error) {
      // End the COPY in flight before the savepoint is rolled back.
      await inFlight.copy?.catch(() => undefined);
      throw error;
    }
    await stageSeries(tx, staged.seriesIds);
    const source =
      sql.raw(`(select st.ord, ss.id as series_id, st.period, st.value, st.numerator, st.denominator, st.ghost
      from ${STAGING} st join ${STAGING_SERIES} ss on ss.no = st.series_no) as s`);
    if (check === 'rows') await checkBatch(tx, source);
    else await requireStagedSeries(tx);
    const counts = await applyBatch(tx, source, staged.rows, checkedProvenance, {
      seriesIds: sql.raw(`select id from ${STAGING_SERIES}`),
    });
    await tx.execute(sql.raw(`drop table ${STAGING}, ${STAGING_SERIES}`));
    return counts;
  });
}

/** The series' numbers and ids, and statistics on both tables for the merge's plan. */
async function stageSeries(tx: Database, seriesIds: readonly string[]): Promise<void> {
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
}

/**
 * That every staged series exists, checked once per series (what lets the merge skip the per-row
 * foreign-key triggers).
 * @throws {DataError} `invalid_input` (`unknown_series`) naming the first missing one.
 */
async function requireStagedSeries(tx: Database): Promise<void> {
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
