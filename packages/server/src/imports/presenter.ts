/**
 * @module imports/presenter
 * The exact fields of an import the API sends.
 */
import type { Import } from './repository.js';
import type { ImportView } from './schemas.js';

/** An import for the API. */
export function presentImport(row: Import): ImportView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    fileName: row.fileName,
    status: row.status,
    added: row.added,
    changed: row.changed,
    unchanged: row.unchanged,
    createdBy: row.createdBy,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
  };
}
