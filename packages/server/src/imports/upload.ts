/**
 * @module imports/upload
 * Receiving a file: read it as it streams (CSV or .xlsx), refuse it at once if it holds patient
 * identifiers (nothing of it is kept), and store its rows for the mapping, preview and commit that
 * follow. One transaction: a refused or broken upload leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import type { DataStore } from '../db/store.js';
import { DataError } from '../errors.js';
import { FileWriter } from './file-store.js';
import type { ImportMapping } from './mapping-types.js';
import { suggestMapping } from './mapping.js';
import { identifierColumns, nhsNumberInRow } from './patient-identifiers.js';
import { createImport, recordUpload } from './repository.js';
import type { Import } from './repository.js';
import { readTableBatches, tableFormat } from './table-reader.js';

/** The largest file accepted by default: 512 MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** Rows returned with an upload, so a person can check the columns. */
const SAMPLE_ROWS = 10;
/** The most columns a file may have. */
const MAX_COLUMNS = 200;

/** A file to upload. */
export interface Upload {
  /** The importing organisation; null for a national import (an ODS code column). */
  readonly organisationId: string | null;
  readonly fileName: string;
  /** The request's content type, if any (the file name's extension decides otherwise). */
  readonly contentType?: string | undefined;
  /** The file's bytes. */
  readonly body: Readable | AsyncIterable<Uint8Array>;
  /** For a workbook: the worksheet to read (default: the first). */
  readonly sheet?: string | undefined;
  readonly createdBy?: string | null | undefined;
  /** Refuse files larger than this many bytes (default 512 MB). */
  readonly maxBytes?: number | undefined;
  /** Called every 10,000 rows with the rows and bytes read so far. */
  readonly onRead?: ((rows: number, bytes: number) => void) | undefined;
}

/** An uploaded file: the import (`uploaded`), a few rows, and a mapping guessed from the header. */
export interface Uploaded {
  readonly import: Import;
  readonly sample: string[][];
  readonly suggestedMapping: Partial<ImportMapping>;
}

/** Counts and hashes the bytes going through; refuses more than `max`. */
export class Measuring extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) {
      done(
        new DataError(
          'invalid_input',
          `The file is larger than ${Math.round(this.max / 1024 / 1024)} MB; split it into smaller files`,
          { field: 'file', reason: 'file_too_large' },
        ),
      );
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/**
 * The columns of a header row (trailing empty cells dropped).
 * @throws {DataError} `invalid_input` for no header, unnamed or repeated columns, too many
 * columns, or a column named like a patient identifier.
 */
export function checkHeader(cells: readonly string[]): string[] {
  const columns = cells.map((cell) => cell.trim());
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  if (columns.length === 0) {
    throw new DataError('invalid_input', 'The file is empty: the first row must name the columns', {
      field: 'file',
      reason: 'no_header',
    });
  }
  if (columns.length > MAX_COLUMNS) {
    throw new DataError(
      'invalid_input',
      `The file has ${columns.length} columns; at most ${MAX_COLUMNS} are read`,
      {
        field: 'file',
        reason: 'too_many_columns',
      },
    );
  }
  const seen = new Map<string, number>();
  columns.forEach((name, i) => {
    if (name === '') {
      throw new DataError(
        'invalid_input',
        `Row 1: column ${i + 1} has no name; every column needs a heading`,
        {
          field: 'file',
          reason: 'unnamed_column',
        },
      );
    }
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      throw new DataError(
        'invalid_input',
        `Row 1: columns ${first + 1} and ${i + 1} are both called "${name}"; give each column its own heading`,
        { field: 'file', reason: 'duplicate_column' },
      );
    }
    seen.set(name.toLowerCase(), i);
  });
  const identifiers = identifierColumns(columns);
  if (identifiers.length > 0) {
    throw new DataError('invalid_input', identifiers.map((p) => p.reason).join(' '), {
      field: 'file',
      reason: 'patient_identifier',
    });
  }
  return columns;
}

/**
 * Uploads a file: parses it as it streams, checks the header and every cell for patient
 * identifiers, and stores its rows. The import is `uploaded`, ready to map and preview.
 * @throws {DataError} `invalid_input` (`reason`: `patient_identifier`, `file_too_large`,
 * `invalid_csv`, `invalid_xlsx`, `no_header`, `duplicate_column`, …), `not_found` (organisation).
 */
export async function uploadFile(store: DataStore, upload: Upload): Promise<Uploaded> {
  const format = tableFormat(upload.fileName, upload.contentType);
  const measuring = new Measuring(upload.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  const source = upload.body instanceof Readable ? upload.body : Readable.from(upload.body);
  source.on('error', (error) => measuring.destroy(error));
  // Its errors reach the reader of the rows; this listener only keeps a late one from going unhandled.
  measuring.on('error', () => undefined);
  const bytes = source.pipe(measuring);
  try {
    return await store.transaction(async ({ db }) => {
      const started = await createImport(db, {
        organisationId: upload.organisationId,
        fileName: upload.fileName,
        createdBy: upload.createdBy,
        format,
        status: 'uploaded',
      });
      const writer = new FileWriter(db, started.id);
      let columns: string[] | null = null;
      let rowCount = 0;
      const sample: string[][] = [];
      try {
        for await (const rows of readTableBatches(bytes, format, { sheet: upload.sheet })) {
          for (const row of rows) {
            if (columns === null) {
              columns = checkHeader(row.cells);
              const written = writer.add({ row: row.row, cells: columns });
              if (written !== undefined) await written;
              continue;
            }
            const identifier = nhsNumberInRow(columns, row.cells, row.row);
            if (identifier !== null) {
              throw new DataError('invalid_input', identifier.reason, {
                field: 'file',
                reason: 'patient_identifier',
              });
            }
            rowCount++;
            if (rowCount % 10_000 === 0) upload.onRead?.(rowCount, measuring.bytes);
            if (sample.length < SAMPLE_ROWS) sample.push([...row.cells]);
            const written = writer.add(row);
            if (written !== undefined) await written;
          }
        }
      } finally {
        // Nothing may be left running on the connection when the transaction ends.
        await writer.idle();
      }
      if (columns === null) checkHeader([]);
      await writer.flush();
      const recorded = await recordUpload(db, started.id, {
        byteSize: measuring.bytes,
        sha256: measuring.hash.digest('hex'),
        columns: columns!,
        rowCount,
      });
      return { import: recorded, sample, suggestedMapping: suggestMapping(columns!, sample) };
    });
  } finally {
    // Whatever happened, read the rest of the request (so the reply reaches the client).
    if (!source.destroyed && !source.readableEnded) {
      source.unpipe(measuring);
      source.resume();
    }
  }
}
