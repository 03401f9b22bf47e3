/**
 * @module imports/audit
 * The audit records of imports (upload, commit, discard), each written in the transaction of
 * the change it records. Uploads and commits run in the loaders' own transactions: `auditedStore`
 * wraps the store so that the record is written in that transaction once its work is done.
 */
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import type { DataStore } from '../db/store.js';
import type { Database } from '../db/types.js';
import type { Uploaded } from './upload.js';
import type { Import } from './repository.js';

/**
 * `store`, whose transactions call `after` with their result before they commit (a thrown error
 * rolls the change and its record back together).
 */
export function auditedStore(
  store: DataStore,
  after: (db: Database, result: unknown) => Promise<void>,
): DataStore {
  return {
    engine: store.engine,
    db: store.db,
    transaction: (fn) =>
      store.transaction(async (ctx) => {
        const result = await fn(ctx);
        await after(ctx.db, result);
        return result;
      }),
  };
}

function isImport(value: unknown, id?: string): value is Import {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    'status' in value &&
    (id === undefined || (value as Import).id === id)
  );
}

/** A store whose upload transaction records `import.upload`. */
export function auditUploads(store: DataStore, principal: Principal): DataStore {
  return auditedStore(store, async (db, result) => {
    const uploaded = (result as Partial<Uploaded> | undefined)?.import;
    if (!isImport(uploaded)) return;
    await recordAudit(db, principal, {
      action: 'import.upload',
      entityType: 'import',
      entityId: uploaded.id,
      organisationId: uploaded.organisationId,
      summary: `Uploaded ${uploaded.fileName}: ${uploaded.rowCount ?? 0} rows`,
      after: {
        fileName: uploaded.fileName,
        format: uploaded.format,
        byteSize: uploaded.byteSize,
        rowCount: uploaded.rowCount,
        sha256: uploaded.sha256,
      },
    });
  });
}

/** A store whose commit transaction records `import.commit` with what it added, changed and left alone. */
export function auditCommits(store: DataStore, principal: Principal, imported: Import): DataStore {
  let recorded = false;
  return auditedStore(store, async (db, result) => {
    if (recorded || !isImport(result, imported.id) || result.status !== 'succeeded') return;
    recorded = true;
    const counts = { added: result.added, changed: result.changed, unchanged: result.unchanged };
    await recordAudit(db, principal, {
      action: 'import.commit',
      entityType: 'import',
      entityId: result.id,
      organisationId: result.organisationId,
      summary: `Imported ${result.fileName}: ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged`,
      before: { status: imported.status },
      after: { status: result.status, ...counts },
    });
  });
}

/** Records the discarding of an upload (in the transaction that deleted it). */
export async function auditDiscard(db: Database, principal: Principal, discarded: Import): Promise<void> {
  await recordAudit(db, principal, {
    action: 'import.delete',
    entityType: 'import',
    entityId: discarded.id,
    organisationId: discarded.organisationId,
    summary: `Discarded the upload of ${discarded.fileName}`,
    before: {
      fileName: discarded.fileName,
      status: discarded.status,
      rowCount: discarded.rowCount,
      sha256: discarded.sha256,
    },
  });
}
