/**
 * @module observations/merge
 * The one set-based merge behind both write paths (rows and COPY): check the batch against the
 * measures' data types, then update what changed (keeping a revision of each change) and insert
 * what is new, leaving identical points alone. Runs inside the caller's transaction.
 *
 * The batch is an SQL relation aliased `s` with columns `ord` (the row's 0-based index), `series_id`,
 * `period`, `value`, `numerator`, `denominator` and `ghost` (null: keep the stored flag).
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { CheckedProvenance } from './input.js';

/** What a write did. */
export interface MergeCounts {
  /** New points. */
  readonly added: number;
  /** Points whose numbers or ghost flag changed (one revision each). */
  readonly changed: number;
  /** Points sent again with the same numbers. */
  readonly unchanged: number;
}

const MESSAGES: Readonly<Record<string, (dataType: string) => string>> = {
  unknown_series: () => 'no series has this seriesId',
  negative: () => 'numerator and denominator must not be negative',
  unexpected_fraction: (type) => `a ${type} measure takes a value, not a numerator and denominator`,
  value_required: (type) => `a ${type} measure needs a value`,
  not_a_count: (type) => `a ${type} measure needs a whole number of at least 0`,
  fraction_required: (type) => `a ${type} measure needs a numerator and a denominator`,
  unexpected_value: (type) => `a ${type} measure takes a numerator and a denominator, not a value`,
  numerator_exceeds_denominator: () => 'the numerator is larger than the denominator',
  zero_denominator: () => 'events with no exposure (a denominator of 0)',
  duplicate_point: () => 'the same series and period appear more than once in the batch',
};

/** A concurrent write inserted one of the batch's new points first (PostgreSQL servers only). */
const RACE = {
  observations_pkey: {
    code: 'conflict',
    field: 'rows',
    message:
      'another import or edit wrote some of the same points at the same time; nothing was written, try again',
  },
} as const;

const FIELDS: Readonly<Record<string, string>> = {
  unknown_series: 'seriesId',
  value_required: 'value',
  not_a_count: 'value',
  unexpected_value: 'value',
  duplicate_point: 'period',
};

function batchError(ord: number, reason: string, dataType: string | null): DataError {
  const message = (MESSAGES[reason] ?? (() => reason))(dataType ?? '');
  const field = FIELDS[reason] ?? 'numerator';
  return new DataError('invalid_input', `rows[${ord}]: ${message}`, {
    field: `rows[${ord}].${field}`,
    index: ord,
    reason,
  });
}

/**
 * Refuses the batch at its first row that does not fit its series' measure, or that repeats a
 * series and period.
 * @throws {DataError} `invalid_input` with `index` and `reason`.
 */
export async function checkBatch(db: Database, source: SQL): Promise<void> {
  const [problem] = await queryRows<{ ord: number; reason: string; data_type: string | null }>(
    db,
    sql`select ord, reason, data_type from (
      select s.ord, m.data_type, case
        when ms.id is null then 'unknown_series'
        when s.numerator < 0 or s.denominator < 0 then 'negative'
        when m.data_type in ('value', 'count', 'events') and (s.numerator is not null or s.denominator is not null)
          then 'unexpected_fraction'
        when m.data_type in ('value', 'count') and s.value is null then 'value_required'
        when m.data_type in ('count', 'events') and (s.value < 0 or s.value <> trunc(s.value)) then 'not_a_count'
        when m.data_type in ('proportion', 'rate') and (s.numerator is null or s.denominator is null)
          then 'fraction_required'
        when m.data_type in ('proportion', 'rate') and s.value is not null then 'unexpected_value'
        when m.data_type = 'proportion' and s.numerator > s.denominator then 'numerator_exceeds_denominator'
        when m.data_type = 'rate' and s.denominator = 0 and s.numerator > 0 then 'zero_denominator'
      end as reason
      from ${source}
      left join measure_series ms on ms.id = s.series_id
      left join measures m on m.id = ms.measure_id
    ) checked where reason is not null order by ord limit 1`,
  );
  if (problem !== undefined) throw batchError(problem.ord, problem.reason, problem.data_type);
  const [duplicate] = await queryRows<{ ord: number }>(
    db,
    sql`select max(s.ord) as ord from ${source} group by s.series_id, s.period having count(*) > 1 order by 1 limit 1`,
  );
  if (duplicate !== undefined) throw batchError(duplicate.ord, 'duplicate_point', null);
}

/** How `applyBatch` may skip per-row foreign-key checks on a bulk load. */
export interface BulkKeys {
  /** A query of the batch's distinct series ids (`select id from …`). */
  readonly seriesIds: SQL;
}

/**
 * For a bulk load: takes once per series the locks that the foreign-key triggers of
 * `observations` and `observation_revisions` would take once per row, and, where the role may
 * (PGlite always; on a server a superuser or a role granted SET on the parameter), turns those
 * triggers off (`session_replication_role = replica`, local to the transaction, until
 * `endBulkKeys` restores the previous setting). Safe because every series id was checked to exist (`checkBatch`), and the
 * import too (`lockRunningImport`), and both are locked against deletion until the commit. Without
 * the right, the triggers run as usual (slower). Note: it also silences any user trigger added to
 * these tables later.
 * @returns the setting to restore afterwards, or null when nothing was changed.
 */
async function beginBulkKeys(db: Database, bulk: BulkKeys): Promise<string | null> {
  await db.execute(sql`select 1 from measure_series where id in (${bulk.seriesIds}) for key share`);
  const [state] = await queryRows<{ allowed: boolean; role: string }>(
    db,
    sql`select current_setting('is_superuser') = 'on'
      or has_parameter_privilege('session_replication_role', 'SET') as allowed,
      current_setting('session_replication_role') as role`,
  );
  if (state?.allowed !== true || state.role === 'replica') return null;
  await db.execute(sql`set local session_replication_role = replica`);
  return state.role;
}

async function endBulkKeys(db: Database, previous: string): Promise<void> {
  await db.execute(sql`select set_config('session_replication_role', ${previous}, true)`);
}

/**
 * Applies a checked batch of `total` rows: changed points are updated and their previous state
 * kept in `observation_revisions`; new points are inserted; identical points are not touched.
 * Every series with a point added or changed has its `data_version` moved on, once, in the same
 * transaction (`bumpDataVersions`); a batch that changes nothing moves none.
 * `bulk`: see `beginBulkKeys` (an error rolls the setting back with the savepoint).
 */
export async function applyBatch(
  db: Database,
  source: SQL,
  total: number,
  provenance: CheckedProvenance,
  bulk?: BulkKeys,
): Promise<MergeCounts> {
  const restore = bulk === undefined ? null : await beginBulkKeys(db, bulk);
  const importId = sql`${provenance.importId}::uuid`;
  const userId = sql`${provenance.userId}::uuid`;
  const auditEventId = sql`${provenance.auditEventId ?? null}::bigint`;
  const [update] = await queryRows<{ changed: number; revised: number; series: string | null }>(
    db,
    sql`with diff as (
      select s.series_id, s.period,
        o.value as old_value, o.numerator as old_numerator, o.denominator as old_denominator, o.ghost as old_ghost,
        s.value as new_value, s.numerator as new_numerator, s.denominator as new_denominator,
        coalesce(s.ghost, o.ghost) as new_ghost
      from ${source}
      join observations o on o.series_id = s.series_id and o.period = s.period
      where (o.value, o.numerator, o.denominator, o.ghost)
        is distinct from (s.value, s.numerator, s.denominator, coalesce(s.ghost, o.ghost))
      for update of o
    ), updated as (
      update observations o
      set value = d.new_value, numerator = d.new_numerator, denominator = d.new_denominator, ghost = d.new_ghost,
        import_id = ${importId}, recorded_by = ${userId}, recorded_at = now()
      from diff d
      where o.series_id = d.series_id and o.period = d.period
      returning o.series_id
    ), revised as (
      insert into observation_revisions (series_id, period, old_value, old_numerator, old_denominator, old_ghost,
        new_value, new_numerator, new_denominator, new_ghost, import_id, changed_by, audit_event_id)
      select series_id, period, old_value, old_numerator, old_denominator, old_ghost,
        new_value, new_numerator, new_denominator, new_ghost, ${importId}, ${userId}, ${auditEventId}
      from diff
      returning 1
    )
    select (select count(*) from updated)::int as changed, (select count(*) from revised)::int as revised,
      (select string_agg(series_id::text, ',') from (select distinct series_id from updated) d) as series`,
  );
  const [insert] = await queryRows<{ added: number; series: string | null }>(
    db,
    sql`with inserted as (
      insert into observations (series_id, period, value, numerator, denominator, ghost, import_id, recorded_by)
      select s.series_id, s.period, s.value, s.numerator, s.denominator, coalesce(s.ghost, false), ${importId}, ${userId}
      from ${source}
      where not exists (select 1 from observations o where o.series_id = s.series_id and o.period = s.period)
      order by s.series_id, s.period
      returning series_id
    )
    select (select count(*) from inserted)::int as added,
      (select string_agg(series_id::text, ',') from (select distinct series_id from inserted) d) as series`,
  ).catch((error: unknown) => {
    throw asDataError(error, RACE);
  });
  if (restore !== null) await endBulkKeys(db, restore);
  const changed = update?.changed ?? 0;
  const added = insert?.added ?? 0;
  if (update?.revised !== changed) throw new Error('observation merge: revisions do not match changes');
  await bumpDataVersions(db, [update.series, insert?.series]);
  return { added, changed, unchanged: total - added - changed };
}

/**
 * Moves on `data_version` of every series whose points were added or changed (given as
 * comma-separated ids), once each, in the caller's transaction, so that cached analyses of them
 * are never used again (see analysis/cache.ts). Rows are locked in id order, so that two batches
 * touching the same series cannot deadlock here.
 */
export async function bumpDataVersions(
  db: Database,
  lists: readonly (string | null | undefined)[],
): Promise<void> {
  const ids = [...new Set(lists.flatMap((list) => (list ? list.split(',') : [])))];
  if (ids.length === 0) return;
  await db.execute(
    sql`update measure_series set data_version = data_version + 1
      where id in (select id from measure_series where id = any(${sql.param(ids)}::uuid[]) order by id for no key update)`,
  );
}
