/**
 * @module imports/presenter
 * The exact fields of an import the API sends.
 */
import type { JobProgress } from './jobs.js';
import type { Import } from './repository.js';
import type { ImportView } from './schemas.js';

/** An import for the API, with the stored progress. */
export function presentImport(row: Import): ImportView {
  return presentImportWithProgress(row, undefined);
}

/** An import for the API; `progress` from the job running in this process, if any. */
export function presentImportWithProgress(row: Import, progress: JobProgress | undefined): ImportView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    added: row.added,
    changed: row.changed,
    unchanged: row.unchanged,
    createdBy: row.createdBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
    byteSize: row.byteSize,
    sha256: row.sha256,
    columns: row.columns,
    rowCount: row.rowCount,
    mapping: row.mapping,
    progress: {
      rowsDone: progress?.rowsDone ?? row.rowsDone,
      rowsTotal: progress?.rowsTotal ?? row.rowsTotal,
    },
    preview: row.preview,
  };
}
