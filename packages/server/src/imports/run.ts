/**
 * @module imports/run
 * Previewing and committing an uploaded file: one pass over its stored rows with a mapping,
 * every row mapped or its problems listed, the observations loaded with COPY and merged, in one
 * transaction. A preview rolls that transaction back, so what it reports (added, changed, left
 * alone, series created) is exactly what a commit would do; a commit keeps it, or, at the first
 * problem or error, keeps nothing.
 */
import type { DataStore } from '../db/store.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { MergeCounts } from '../observations/merge.js';
import { deleteFile, readFileChunks } from './file-store.js';
import type { ImportMapping, ImportPreview, ImportProblem } from './mapping-types.js';
import { CopyText } from './copy-text.js';
import { checkMapping } from './mapping.js';
import {
  beginPhase,
  endPreview,
  failImport,
  finishImport,
  getImport,
  recordProgress,
  sameFileImports,
} from './repository.js';
import type { Import } from './repository.js';
import { RowMapper } from './row-mapper.js';
import type { TableRow } from './table-reader.js';
import { SeriesDirectory } from './series-directory.js';
import { loadStaged } from './staged-load.js';

/** Problems kept in a preview; the rest are counted. */
export const PROBLEMS_KEPT = 1000;

/** Rows of COPY text gathered before they are sent (about 1.5 MB); one COPY in flight while the next gathers. */
const COPY_ROWS = 50_000;

/** Rows read so far, and of how many. */
export type ProgressListener = (rowsDone: number, rowsTotal: number) => void;

/** A preview or commit that found problems: nothing was written. */
class ProblemsFound extends Error {
  constructor(readonly preview: ImportPreview) {
    super(
      `${preview.problemCount} problem${preview.problemCount === 1 ? '' : 's'} found; nothing was written`,
    );
  }
}

/** A preview's way out of its transaction, carrying what it found. */
class DryRun extends Error {
  constructor(readonly preview: ImportPreview) {
    super('preview: rolled back');
  }
}

/** Collects problems: all counted, the first `PROBLEMS_KEPT` kept. */
class Problems {
  readonly kept: ImportProblem[] = [];
  count = 0;

  add(problems: readonly ImportProblem[]): void {
    for (const problem of problems) {
      this.count++;
      if (this.kept.length < PROBLEMS_KEPT) this.kept.push(problem);
    }
  }

  /** Puts the kept problems in row order (repeats are found last). */
  sort(): void {
    this.kept.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}

function summary(
  rows: number,
  problems: Problems,
  counts: MergeCounts,
  series: number,
  newSeries: number,
  mapper: RowMapper | null,
  sameFile: ImportPreview['sameFile'],
): ImportPreview {
  const clean = problems.count === 0;
  return {
    rows,
    problemCount: problems.count,
    problems: problems.kept,
    added: clean ? counts.added : 0,
    changed: clean ? counts.changed : 0,
    unchanged: clean ? counts.unchanged : 0,
    series,
    newSeries: clean ? newSeries : 0,
    firstPeriod: mapper?.firstPeriod ?? null,
    lastPeriod: mapper?.lastPeriod ?? null,
    sameFile,
  };
}

/** The data rows of a file (not its header), some thousands at a time. */
export type RowSource = (db: Database) => AsyncIterable<readonly TableRow[]>;

/**
 * The data rows of a stored upload. Read through `from` when given, else through the pass's
 * transaction: on a PostgreSQL server, another connection of the pool, so that reading the file
 * does not wait for the COPY in flight on the pass's own (the file was stored by the upload's
 * transaction, committed before the pass began).
 */
export function storedRows(importId: string, from?: Database): RowSource {
  return async function* (db) {
    let header = true;
    for await (const rows of readFileChunks(from ?? db, importId)) {
      if (header) {
        header = false;
        yield rows.slice(1);
      } else {
        yield rows;
      }
    }
  };
}

/**
 * Lets the event loop take a turn. On the embedded database every query resolves without I/O, so a
 * job that only awaited queries would keep every other request (a status request for its progress
 * included) waiting until it ended; one turn a chunk (some thousands of rows) costs nothing.
 */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/** One pass over a file's rows. */
export interface Pass {
  /** The import, `previewing` or `running`. */
  readonly imported: Import;
  readonly columns: readonly string[];
  readonly mapping: ImportMapping;
  readonly mode: 'preview' | 'commit';
  readonly rows: RowSource;
  /** Rows in all, 0 when not known until the end. */
  readonly total: number;
  /** The file's SHA-256, known once its rows have been read. */
  readonly sha256: () => string | null;
  /** Runs inside the commit's transaction once every row is written (delete a stored file…). */
  readonly beforeCommit?: ((db: Database) => Promise<void>) | undefined;
  readonly progress?: ProgressListener | undefined;
}

/**
 * One pass in a transaction: every row mapped and loaded, then the transaction kept (commit) or
 * rolled back (preview, or any problem) by throwing `DryRun` or `ProblemsFound`.
 */
export async function pass(store: DataStore, input: Pass): Promise<Import> {
  const { imported } = input;
  return store.transaction(async (ctx) => {
    const directory = new SeriesDirectory(ctx.db, imported.organisationId);
    const mapper = new RowMapper(input.columns, input.mapping, directory);
    const problems = new Problems();
    const text = new CopyText();
    let rows = 0;
    /** COPY text of the observations, a COPY's worth at a time, as the rows are read and mapped. */
    async function* copyText(): AsyncGenerator<string> {
      for await (const chunk of input.rows(ctx.db)) {
        for (const row of chunk) {
          rows++;
          let found = mapper.map(row, text);
          if (found instanceof Promise) found = await found;
          if (found !== null) problems.add(found);
        }
        input.progress?.(rows, input.total);
        await nextTurn();
        // After the first problem nothing will be written: read on only to list every problem.
        if (problems.count > 0) text.clear();
        else if (text.pending >= COPY_ROWS) yield text.take();
      }
      problems.add(mapper.repeats());
      // Stop before the merge: with any problem nothing is written.
      if (problems.count > 0) throw new RowsHaveProblems();
      if (text.pending > 0) yield text.take();
      await directory.createPending();
    }
    let counts: MergeCounts = { added: 0, changed: 0, unchanged: 0 };
    try {
      counts = await loadStaged(ctx, copyText(), () => ({ rows: text.rows, seriesIds: mapper.seriesIds }), {
        importId: imported.id,
        userId: imported.createdBy,
      });
    } catch (error) {
      if (!(error instanceof RowsHaveProblems)) throw error;
    }
    problems.sort();
    const sameFile = await sameFileImports(ctx.db, { ...imported, sha256: input.sha256() });
    const preview = summary(
      rows,
      problems,
      counts,
      mapper.seriesIds.length,
      directory.created,
      mapper,
      sameFile,
    );
    if (problems.count > 0) throw new ProblemsFound(preview);
    if (input.mode === 'preview') throw new DryRun(preview);
    await input.beforeCommit?.(ctx.db);
    return finishImport(ctx.db, imported.id, counts, preview);
  });
}

/** Thrown by the rows' source when a problem was found, to end the load before its merge. */
class RowsHaveProblems extends Error {}

/**
 * Ends a pass: the import as it finished, or, for what the pass threw, `previewed` (a preview)
 * or `failed` (a commit) with its problems. Unexpected errors are recorded and thrown.
 */
export async function settle(store: DataStore, input: Pass, run: Promise<Import>): Promise<Import> {
  const { imported } = input;
  try {
    return await run;
  } catch (error) {
    const preview =
      error instanceof DryRun || error instanceof ProblemsFound
        ? error.preview
        : error instanceof DataError
          ? errorPreview(imported, error, [])
          : null;
    if (input.mode === 'preview' && preview !== null) return endPreview(store.db, imported.id, preview);
    if (preview !== null) {
      const message =
        error instanceof ProblemsFound ? error.message : `${(error as Error).message}; nothing was written`;
      return failImport(store.db, imported.id, message, preview);
    }
    await failImport(
      store.db,
      imported.id,
      `the ${input.mode === 'preview' ? 'preview' : 'commit'} failed: ${(error as Error).message}; nothing was written`,
    );
    throw error;
  }
}

/** A whole-file problem (an error the database raised for the batch) as a preview. */
function errorPreview(
  imported: Import,
  error: DataError,
  sameFile: ImportPreview['sameFile'],
): ImportPreview {
  const problems = new Problems();
  problems.add([{ row: null, column: null, code: error.reason ?? error.code, message: error.message }]);
  return summary(
    imported.rowCount ?? 0,
    problems,
    { added: 0, changed: 0, unchanged: 0 },
    0,
    0,
    null,
    sameFile,
  );
}

/**
 * Checks the mapping against the file's header and marks the import as `to`.
 * @throws {DataError} `not_found`, `conflict` (wrong status), `invalid_input` (mapping).
 */
export async function beginRun(
  db: Database,
  importId: string,
  mapping: ImportMapping | undefined,
  to: 'previewing' | 'running',
): Promise<Import> {
  const imported = await getImport(db, importId);
  if (imported === undefined) throw new DataError('not_found', 'no import has this id', { field: 'id' });
  if (imported.format !== 'csv' && imported.format !== 'xlsx') {
    throw new DataError('conflict', 'only an uploaded file can be previewed or committed', { field: 'id' });
  }
  const chosen = mapping ?? imported.mapping ?? undefined;
  if (chosen === undefined) {
    throw new DataError(
      'invalid_input',
      'give a mapping: which column holds the period, the measure, the value…',
      {
        field: 'mapping',
      },
    );
  }
  checkMapping(chosen, imported.columns ?? [], imported.organisationId === null);
  return beginPhase(db, importId, ['uploaded', 'previewed'], to, chosen);
}

function storedPass(
  store: DataStore,
  imported: Import,
  mode: 'preview' | 'commit',
  progress?: ProgressListener,
): Pass {
  return {
    imported,
    columns: imported.columns ?? [],
    mapping: imported.mapping!,
    mode,
    // PGlite has one connection: a query outside the transaction would wait for it to end.
    rows: storedRows(imported.id, store.engine === 'postgres' ? store.db : undefined),
    total: imported.rowCount ?? 0,
    sha256: () => imported.sha256,
    beforeCommit: (db) => deleteFile(db, imported.id),
    progress,
  };
}

/**
 * Runs a preview that `beginRun(…, 'previewing')` started: the import ends `previewed` with
 * every problem and what a commit would do. Never throws for the file's own problems.
 */
export async function runPreview(
  store: DataStore,
  imported: Import,
  progress?: ProgressListener,
): Promise<Import> {
  const input = storedPass(store, imported, 'preview', progress);
  try {
    return await settle(store, input, pass(store, input));
  } catch (error) {
    await deleteFile(store.db, imported.id);
    throw error;
  }
}

/**
 * Runs a commit that `beginRun(…, 'running')` started: all rows are written and the import
 * `succeeded`, or none is and it `failed` with its problems. The stored file is deleted either way.
 */
export async function runCommit(
  store: DataStore,
  imported: Import,
  progress?: ProgressListener,
): Promise<Import> {
  const input = storedPass(store, imported, 'commit', progress);
  try {
    const finished = await settle(store, input, pass(store, input));
    if (finished.status === 'failed') await deleteFile(store.db, imported.id);
    return finished;
  } catch (error) {
    await deleteFile(store.db, imported.id);
    throw error;
  }
}

/** Records progress in the database at most once a second (for status requests to other servers). */
export function progressRecorder(
  db: Database,
  importId: string,
  onError: (error: unknown) => void,
): { listener: ProgressListener; flushed: () => Promise<void> } {
  let last = 0;
  let chain = Promise.resolve();
  return {
    listener: (rowsDone) => {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      chain = chain.then(() => recordProgress(db, importId, rowsDone)).catch(onError);
    },
    flushed: () => chain,
  };
}
