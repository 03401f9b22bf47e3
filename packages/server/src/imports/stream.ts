/**
 * @module imports/stream
 * A file imported in one pass as it is read, without storing it first: the path of the command
 * line and of scripts, for files of any size. The same checks as an upload (patient identifiers,
 * header) and as a preview or commit (every row, all or nothing) apply; the mapping is completed
 * from the header and the first rows where it is silent.
 */
import { Readable } from 'node:stream';
import type { DataStore } from '../db/store.js';
import { DataError } from '../errors.js';
import type { ImportMapping } from './mapping-types.js';
import { checkMapping, completeMapping, suggestMapping } from './mapping.js';
import { nhsNumberInRow } from './patient-identifiers.js';
import { createImport, failImport, recordFileFacts } from './repository.js';
import type { Import } from './repository.js';
import { pass, settle } from './run.js';
import type { ProgressListener } from './run.js';
import { readTableBatches, tableFormat } from './table-reader.js';
import type { TableRow } from './table-reader.js';
import { checkHeader, DEFAULT_MAX_UPLOAD_BYTES, Measuring } from './upload.js';
import type { Upload } from './upload.js';

/** Rows read before the mapping is settled (to guess unmapped columns from). */
const SAMPLE_ROWS = 10;

/** A file to import in one pass. */
export interface StreamImport extends Upload {
  /** Fields to map; any field left out is guessed from the header and the first rows. */
  readonly mapping?: Partial<ImportMapping> | undefined;
  /** Check every row and count what would change, writing nothing. */
  readonly dryRun?: boolean | undefined;
  /** Rows read so far (the total is not known until the end: 0). */
  readonly onProgress?: ProgressListener | undefined;
}

/** The row, if no cell holds an NHS number. */
function withoutNhsNumbers(row: TableRow, columns: readonly string[]): TableRow {
  const identifier = nhsNumberInRow(columns, row.cells, row.row);
  if (identifier !== null) {
    throw new DataError('invalid_input', identifier.reason, { field: 'file', reason: 'patient_identifier' });
  }
  return row;
}

/** Data rows in batches, each row checked for NHS numbers. */
async function* batches(
  first: readonly TableRow[],
  rest: AsyncIterator<TableRow[]>,
  columns: readonly string[],
): AsyncGenerator<readonly TableRow[]> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    for (const row of next.value) withoutNhsNumbers(row, columns);
    yield next.value;
  }
}

/**
 * Imports a file in one pass. The import ends `succeeded`, `failed` (with every problem in
 * `preview`; nothing written) or, for a dry run, `previewed`.
 * @throws {DataError} for a file refused outright (patient identifiers, not CSV or .xlsx, no
 * header) or a mapping that does not fit the header; the import is then recorded as failed.
 */
export async function streamImport(store: DataStore, file: StreamImport): Promise<Import> {
  const format = tableFormat(file.fileName, file.contentType);
  const measuring = new Measuring(file.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  const source = file.body instanceof Readable ? file.body : Readable.from(file.body);
  source.on('error', (error) => measuring.destroy(error));
  // Its errors reach the reader of the rows; this listener only keeps a late one from going unhandled.
  measuring.on('error', () => undefined);
  const rows = readTableBatches(source.pipe(measuring), format, { sheet: file.sheet })[
    Symbol.asyncIterator
  ]();
  // Rows of the batch being read one at a time (the header and the first rows).
  let pending: TableRow[] = [];
  const nextRow = async (): Promise<TableRow | undefined> => {
    while (pending.length === 0) {
      const next = await rows.next();
      if (next.done === true) return undefined;
      pending = next.value;
    }
    return pending.shift();
  };
  const started = await createImport(store.db, {
    organisationId: file.organisationId,
    fileName: file.fileName,
    createdBy: file.createdBy,
    format,
    status: file.dryRun === true ? 'previewing' : 'running',
  });
  let imported: Import = started;
  try {
    const header = await nextRow();
    const columns = checkHeader(header?.cells ?? []);
    const first: TableRow[] = [];
    while (first.length < SAMPLE_ROWS) {
      const next = await nextRow();
      if (next === undefined) break;
      first.push(withoutNhsNumbers(next, columns));
    }
    // The rest of the batch the first rows came from goes with them.
    for (const row of pending) first.push(withoutNhsNumbers(row, columns));
    const mapping = completeMapping(
      suggestMapping(
        columns,
        first.slice(0, SAMPLE_ROWS).map((r) => r.cells),
      ),
      file.mapping,
    ) as ImportMapping;
    checkMapping(mapping, columns, file.organisationId === null);
    let rowCount = 0;
    const facts = (): { byteSize: number; sha256: string; columns: readonly string[]; rowCount: number } => ({
      byteSize: measuring.bytes,
      sha256: (sha256 ??= measuring.hash.digest('hex')),
      columns,
      rowCount,
    });
    let sha256: string | undefined;
    const input = {
      imported: started,
      columns,
      mapping,
      mode: file.dryRun === true ? ('preview' as const) : ('commit' as const),
      rows: () => batches(first, rows, columns),
      total: 0,
      sha256: () => facts().sha256,
      beforeCommit: async (db: Parameters<typeof recordFileFacts>[0]) => {
        await recordFileFacts(db, started.id, mapping, facts());
      },
      progress: (done: number, total: number) => {
        rowCount = done;
        file.onProgress?.(done, total);
      },
    };
    imported = await settle(store, input, pass(store, input));
    if (imported.status !== 'succeeded')
      imported = await recordFileFacts(store.db, started.id, mapping, facts());
    return imported;
  } catch (error) {
    if (error instanceof DataError && (imported.status === 'running' || imported.status === 'previewing')) {
      await failImport(store.db, started.id, error.message);
    }
    throw error;
  } finally {
    if (!source.destroyed && !source.readableEnded) {
      source.unpipe(measuring);
      source.resume();
    }
  }
}
