/**
 * @module imports/repository
 * Imports: started as `running`, finished as `succeeded` with counts or `failed` with an error.
 */
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { imports } from '../db/schema.js';
import { IMPORT_FORMATS } from '../db/schema/vocabulary.js';
import type { ImportFormat, ImportStatus } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { MergeCounts } from '../observations/merge.js';
import { requiredText, requireOneOf, requireUuid } from '../validation.js';
import type { ImportMapping, ImportPreview, SameFile } from './mapping-types.js';

/** An import as stored. */
export type Import = typeof imports.$inferSelect;

/** What is known when an import starts. */
export interface NewImport {
  /** The organisation importing; null for a national import spanning organisations. */
  readonly organisationId: string | null;
  readonly fileName: string;
  /** The user who started it. */
  readonly createdBy?: string | null | undefined;
  /** What it is read from (absent: not recorded). */
  readonly format?: ImportFormat | undefined;
  /**
   * `running` (default: rows are written at once), `previewing` (a dry run) or `uploaded` (a
   * file to map, preview and commit).
   */
  readonly status?: 'running' | 'previewing' | 'uploaded' | undefined;
}

const CONSTRAINTS = {
  imports_organisation_id_organisations_id_fk: {
    code: 'not_found',
    field: 'organisationId',
    message: 'no organisation has this id',
  },
} as const;

/**
 * Records the start of an import (status `running`). Create it before loading, outside the
 * loading transaction, so that a failed load can still be recorded as failed.
 */
export async function createImport(db: Database, input: NewImport): Promise<Import> {
  const values = {
    organisationId:
      input.organisationId === null ? null : requireUuid('organisationId', input.organisationId),
    fileName: requiredText('fileName', input.fileName, 500),
    createdBy: input.createdBy == null ? null : requireUuid('createdBy', input.createdBy),
    format: input.format === undefined ? null : requireOneOf('format', input.format, IMPORT_FORMATS),
    status: input.status ?? 'running',
  };
  try {
    const [row] = await db.insert(imports).values(values).returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/** The statuses of an import that has not finished. */
const UNFINISHED: readonly ImportStatus[] = ['uploaded', 'previewing', 'previewed', 'running'];

async function finish(db: Database, id: string, set: Partial<typeof imports.$inferInsert>): Promise<Import> {
  const [row] = await db
    .update(imports)
    .set({ ...set, finishedAt: sql`now()` })
    .where(and(eq(imports.id, requireUuid('id', id)), inArray(imports.status, [...UNFINISHED])))
    .returning();
  if (row !== undefined) return row;
  const existing = await getImport(db, id);
  if (existing === undefined) throw new DataError('not_found', 'no import has this id', { field: 'id' });
  throw new DataError('conflict', `the import has already ${existing.status}`, { field: 'id' });
}

/**
 * Finishes a running import as `succeeded` with what it added, changed and left unchanged.
 * @throws {DataError} `not_found`, `conflict` (already finished).
 */
export async function finishImport(
  db: Database,
  id: string,
  counts: MergeCounts,
  preview?: ImportPreview,
): Promise<Import> {
  return finish(db, id, {
    status: 'succeeded',
    ...counts,
    ...(preview === undefined ? {} : { preview, rowsDone: preview.rows }),
  });
}

/**
 * Finishes an unfinished import as `failed` with the reason (and what its last run found).
 * @throws {DataError} `not_found`, `conflict` (already finished).
 */
export async function failImport(
  db: Database,
  id: string,
  error: string,
  preview?: ImportPreview,
): Promise<Import> {
  return finish(db, id, {
    status: 'failed',
    error: error.trim() === '' ? 'failed' : error.slice(0, 10_000),
    ...(preview === undefined ? {} : { preview }),
  });
}

/** What an upload found in its file. */
export interface UploadFacts {
  readonly byteSize: number;
  readonly sha256: string;
  readonly columns: readonly string[];
  readonly rowCount: number;
}

/** Records what an upload found (the import stays `uploaded`). */
export async function recordUpload(db: Database, id: string, facts: UploadFacts): Promise<Import> {
  const [row] = await db
    .update(imports)
    .set({ ...facts, columns: [...facts.columns], rowsTotal: facts.rowCount })
    .where(and(eq(imports.id, requireUuid('id', id)), eq(imports.status, 'uploaded')))
    .returning();
  if (row === undefined) throw new DataError('not_found', 'no uploaded import has this id', { field: 'id' });
  return row;
}

/** Records what a one-pass import learnt of its file (in any status). */
export async function recordFileFacts(
  db: Database,
  id: string,
  mapping: ImportMapping,
  facts: UploadFacts,
): Promise<Import> {
  const [row] = await db
    .update(imports)
    .set({ ...facts, columns: [...facts.columns], rowsTotal: facts.rowCount, mapping })
    .where(eq(imports.id, requireUuid('id', id)))
    .returning();
  if (row === undefined) throw new DataError('not_found', 'no import has this id', { field: 'id' });
  return row;
}

/**
 * Moves an import from one of `from` to `to` with its mapping, in one statement, so that two
 * requests cannot both start it.
 * @throws {DataError} `not_found`; `conflict` when it is in another status.
 */
export async function beginPhase(
  db: Database,
  id: string,
  from: readonly ImportStatus[],
  to: 'previewing' | 'running',
  mapping: ImportMapping,
): Promise<Import> {
  const [row] = await db
    .update(imports)
    .set({ status: to, mapping, rowsDone: 0 })
    .where(and(eq(imports.id, requireUuid('id', id)), inArray(imports.status, [...from])))
    .returning();
  if (row !== undefined) return row;
  const existing = await getImport(db, id);
  if (existing === undefined) throw new DataError('not_found', 'no import has this id', { field: 'id' });
  throw new DataError(
    'conflict',
    existing.status === 'previewing' || existing.status === 'running'
      ? `the import is ${existing.status} already; wait for it to finish`
      : `the import has ${existing.status === 'uploaded' || existing.status === 'previewed' ? 'been ' : 'already '}${existing.status}`,
    { field: 'id', reason: existing.status },
  );
}

/** Ends a preview: the import is `previewed` with what it found. */
export async function endPreview(db: Database, id: string, preview: ImportPreview): Promise<Import> {
  const [row] = await db
    .update(imports)
    .set({ status: 'previewed', preview, rowsDone: preview.rows })
    .where(and(eq(imports.id, requireUuid('id', id)), eq(imports.status, 'previewing')))
    .returning();
  if (row === undefined)
    throw new DataError('conflict', 'the import is no longer previewing', { field: 'id' });
  return row;
}

/** Records how many rows a running preview or commit has read. */
export async function recordProgress(db: Database, id: string, rowsDone: number): Promise<void> {
  await db
    .update(imports)
    .set({ rowsDone })
    .where(and(eq(imports.id, id), inArray(imports.status, ['previewing', 'running'])));
}

/** Earlier successful imports of the same file (same SHA-256) by the same organisation, newest first. */
export async function sameFileImports(
  db: Database,
  row: Pick<Import, 'id' | 'organisationId' | 'sha256'>,
): Promise<SameFile[]> {
  if (row.sha256 === null) return [];
  const owner =
    row.organisationId === null
      ? isNull(imports.organisationId)
      : eq(imports.organisationId, row.organisationId);
  const rows = await db
    .select({
      id: imports.id,
      fileName: imports.fileName,
      status: imports.status,
      startedAt: imports.startedAt,
    })
    .from(imports)
    .where(
      and(owner, eq(imports.sha256, row.sha256), ne(imports.id, row.id), eq(imports.status, 'succeeded')),
    )
    .orderBy(desc(imports.startedAt))
    .limit(10);
  return rows.map((r) => ({
    importId: r.id,
    fileName: r.fileName,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
  }));
}

/**
 * Deletes an import that has not finished (an upload nobody will commit), with its stored file.
 * @throws {DataError} `not_found`; `conflict` when it is running or finished.
 */
export async function discardImport(db: Database, id: string): Promise<void> {
  const deleted = await db
    .delete(imports)
    .where(and(eq(imports.id, requireUuid('id', id)), inArray(imports.status, ['uploaded', 'previewed'])))
    .returning({ id: imports.id });
  if (deleted.length > 0) return;
  const existing = await getImport(db, id);
  if (existing === undefined) throw new DataError('not_found', 'no import has this id', { field: 'id' });
  throw new DataError('conflict', `an import that is ${existing.status} cannot be discarded`, {
    field: 'id',
  });
}

/**
 * Refuses to write for an import that does not exist or is not running (or previewing: a dry
 * run, rolled back), and locks it
 * against deletion until the transaction ends (null: no import, nothing to check).
 * @throws {DataError} `not_found`, `conflict`.
 */
export async function lockRunningImport(db: Database, importId: string | null): Promise<void> {
  if (importId === null) return;
  const [row] = await db
    .select({ status: imports.status })
    .from(imports)
    .where(eq(imports.id, requireUuid('importId', importId)))
    .for('key share');
  if (row === undefined) throw new DataError('not_found', 'no import has this id', { field: 'importId' });
  if (row.status !== 'running' && row.status !== 'previewing') {
    throw new DataError('conflict', `the import has already ${row.status}`, { field: 'importId' });
  }
}

/** The import with this id, if any. */
export async function getImport(db: Database, id: string): Promise<Import | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(eq(imports.id, requireUuid('id', id)));
  return row;
}

/** An organisation's imports (null: national imports), newest first. */
export async function listImports(
  db: Database,
  organisationId: string | null,
  limit = 50,
): Promise<Import[]> {
  const owner =
    organisationId === null
      ? isNull(imports.organisationId)
      : eq(imports.organisationId, requireUuid('organisationId', organisationId));
  return db
    .select()
    .from(imports)
    .where(owner)
    .orderBy(desc(imports.startedAt), desc(imports.id))
    .limit(Math.min(Math.max(1, Math.trunc(limit)), 500));
}
