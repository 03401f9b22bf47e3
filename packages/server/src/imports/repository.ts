/**
 * @module imports/repository
 * Imports: started as `running`, finished as `succeeded` with counts or `failed` with an error.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { imports } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { MergeCounts } from '../observations/merge.js';
import { requiredText, requireUuid } from '../validation.js';

/** An import as stored. */
export type Import = typeof imports.$inferSelect;

/** What is known when an import starts. */
export interface NewImport {
  /** The organisation importing; null for a national import spanning organisations. */
  readonly organisationId: string | null;
  readonly fileName: string;
  /** The user who started it. */
  readonly createdBy?: string | null | undefined;
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
  };
  try {
    const [row] = await db.insert(imports).values(values).returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

async function finish(db: Database, id: string, set: Partial<typeof imports.$inferInsert>): Promise<Import> {
  const [row] = await db
    .update(imports)
    .set({ ...set, finishedAt: sql`now()` })
    .where(and(eq(imports.id, requireUuid('id', id)), eq(imports.status, 'running')))
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
export async function finishImport(db: Database, id: string, counts: MergeCounts): Promise<Import> {
  return finish(db, id, { status: 'succeeded', ...counts });
}

/**
 * Finishes a running import as `failed` with the reason.
 * @throws {DataError} `not_found`, `conflict` (already finished).
 */
export async function failImport(db: Database, id: string, error: string): Promise<Import> {
  return finish(db, id, { status: 'failed', error: error.trim() === '' ? 'failed' : error.slice(0, 10_000) });
}

/**
 * Refuses to write for an import that does not exist or is no longer running, and locks it
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
  if (row.status !== 'running') {
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
