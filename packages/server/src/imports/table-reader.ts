/**
 * @module imports/table-reader
 * Reads an uploaded file as rows of text cells, streaming: CSV (comma, semicolon or tab; UTF-8
 * with or without a BOM, or Windows-1252 as older Excel saves it) with csv-records.ts, and Excel
 * workbooks (.xlsx, the first worksheet or a named one) with exceljs's streaming reader. Excel
 * dates become ISO dates, formulas their results. Row numbers are the spreadsheet's (the header
 * is row 1), so problems can name the row a person sees.
 */
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { TextDecoder } from 'node:util';
import { DataError } from '../errors.js';
import { CsvRecords } from './csv-records.js';

/** The file formats an upload may have. */
export type TableFormat = 'csv' | 'xlsx';

/** One row of a file: its spreadsheet row number and its cells as text. */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly string[];
}

const XLSX_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
]);

/**
 * The format of an upload, from its content type and then its file name. Legacy .xls (binary
 * Excel 97–2003) is refused with a message saying to save it as .xlsx or CSV.
 * @throws {DataError} `invalid_input` (field `fileName`).
 */
export function tableFormat(fileName: string, contentType: string | undefined): TableFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const name = fileName.toLowerCase();
  if (XLSX_TYPES.has(type) || name.endsWith('.xlsx') || name.endsWith('.xlsm')) return 'xlsx';
  if (name.endsWith('.xls') || type === 'application/vnd.ms-excel') {
    throw new DataError(
      'invalid_input',
      `"${fileName}" is an Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx) or as CSV and upload that`,
      { field: 'fileName', reason: 'unsupported_format' },
    );
  }
  return 'csv';
}

/** Decodes bytes as UTF-8, switching to Windows-1252 at the first piece that is not UTF-8. */
class TextDecoding {
  private utf8: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  private readonly legacy = new TextDecoder('windows-1252');

  decode(chunk: Uint8Array): string {
    if (this.utf8 !== null) {
      try {
        return this.utf8.decode(chunk, { stream: true });
      } catch {
        this.utf8 = null;
      }
    }
    return this.legacy.decode(chunk, { stream: true });
  }

  end(): string {
    try {
      return this.utf8 !== null ? this.utf8.decode() : this.legacy.decode();
    } catch {
      return '';
    }
  }
}

/** The delimiter of a CSV header line: the most frequent of comma, semicolon and tab outside quotes. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [delimiter, n] of counts) if (n > counts.get(best)!) best = delimiter;
  return best;
}

/** Rows handed on together by `readTableBatches`. */
const BATCH_ROWS = 2000;
/** Text read before the delimiter is chosen from the first line, at most. */
const HEADER_CHARS = 1 << 20;

/** The text of a file, decoded piece by piece as its bytes arrive. */
async function* decoded(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoding = new TextDecoding();
  for await (const chunk of bytes) {
    const text = decoding.decode(chunk);
    if (text !== '') yield text;
  }
  const last = decoding.end();
  if (last !== '') yield last;
}

/**
 * Rows of a CSV file, some thousands at a time, parsed as the text arrives (see csv-records.ts).
 * The delimiter is the first line's (`sniffDelimiter`). A malformed file (an unclosed quote) is a
 * `DataError` naming the line.
 */
async function* csvBatches(bytes: Readable): AsyncGenerator<TableRow[]> {
  let row = 0;
  let batch: TableRow[] = [];
  /** Batches filled and not yet handed on. */
  let full: TableRow[][] = [];
  const push = (cells: string[]): void => {
    batch.push({ row: ++row, cells });
    if (batch.length === BATCH_ROWS) {
      full.push(batch);
      batch = [];
    }
  };
  try {
    let parser: CsvRecords | null = null;
    let head = '';
    for await (const text of decoded(bytes)) {
      if (parser === null) {
        // Wait for the end of the first line (or a megabyte of it) to choose the delimiter.
        head += text;
        if (!/[\r\n]/.test(text) && head.length <= HEADER_CHARS) continue;
        parser = new CsvRecords(sniffDelimiter(firstLine(head)));
        parser.write(head, push);
        head = '';
      } else {
        parser.write(text, push);
      }
      if (full.length > 0) {
        const ready = full;
        full = [];
        yield* ready;
      }
    }
    parser ??= new CsvRecords(sniffDelimiter(firstLine(head)));
    if (head !== '') parser.write(head, push);
    parser.end(push);
    yield* full;
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof DataError) throw error;
    const where = (error as { lines?: number }).lines;
    throw new DataError(
      'invalid_input',
      `The file is not valid CSV${where === undefined ? '' : ` at line ${where}`}: ${(error as Error).message}`,
      { field: 'file', reason: 'invalid_csv', cause: error },
    );
  }
}

/** The first line of `text`, without a byte order mark. */
function firstLine(text: string): string {
  return (text.split(/\r\n|\r|\n/, 1)[0] ?? '').replace(/^\uFEFF/, '');
}

const MS_PER_DAY = 86_400_000;

/** A cell of an Excel worksheet as text. */
export function excelCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return '';
    const iso = value.toISOString();
    return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return excelCellText(value.result ?? null);
  if ('sharedFormula' in value) return '';
  if ('text' in value) return typeof value.text === 'string' ? value.text : excelCellText(value.text);
  return '';
}

/** Reads a stream to its end, discarding it; returns how many items it had. */
async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  const iterator = items[Symbol.asyncIterator]();
  while ((await iterator.next()).done !== true) count++;
  return count;
}

let excel: Promise<typeof ExcelJS> | undefined;

/** exceljs, loaded on first use: it takes a third of a second, which every server start would pay. */
function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((module) => module.default);
  return excel;
}

/** Rows of one worksheet of an .xlsx workbook (empty rows included, so numbering has no gaps). */
async function* xlsxRows(bytes: Readable, sheet: string | undefined): AsyncGenerator<TableRow> {
  // The bytes wait (paused, buffered up to the stream's limit) while the library loads.
  bytes.pause();
  const { stream } = await loadExcel();
  const workbook = new stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const names: string[] = [];
  let found = false;
  try {
    for await (const worksheet of workbook) {
      const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${names.length + 1}`;
      names.push(name);
      if (found || (sheet !== undefined && name !== sheet)) {
        // Read through the sheets not wanted, so the workbook's stream can go on.
        await drain(worksheet);
        continue;
      }
      found = true;
      let last = 0;
      for await (const row of worksheet) {
        for (let empty = last + 1; empty < row.number; empty++) yield { row: empty, cells: [] };
        last = row.number;
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(excelCellText(values[i]).trim());
        yield { row: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(
      'invalid_input',
      `The file could not be read as an Excel workbook (.xlsx): ${(error as Error).message}`,
      { field: 'file', reason: 'invalid_xlsx', cause: error },
    );
  }
  if (!found) {
    throw new DataError(
      'invalid_input',
      sheet === undefined
        ? 'The workbook has no worksheet'
        : `The workbook has no worksheet named "${sheet}" (it has ${names.map((n) => `"${n}"`).join(', ')})`,
      { field: 'sheet', reason: 'no_such_sheet' },
    );
  }
}

/** Rows of a workbook's sheet, some thousands at a time. */
async function* xlsxBatches(bytes: Readable, sheet: string | undefined): AsyncGenerator<TableRow[]> {
  let batch: TableRow[] = [];
  for await (const row of xlsxRows(bytes, sheet)) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The rows of a file, streaming, some thousands at a time, the header row first.
 * @throws {DataError} `invalid_input` for a file that is not valid CSV or .xlsx.
 */
export function readTableBatches(
  bytes: Readable,
  format: TableFormat,
  options: { readonly sheet?: string | undefined } = {},
): AsyncGenerator<TableRow[]> {
  return format === 'xlsx' ? xlsxBatches(bytes, options.sheet) : csvBatches(bytes);
}

/**
 * The rows of a file, streaming, the header row first.
 * @throws {DataError} `invalid_input` for a file that is not valid CSV or .xlsx.
 */
export async function* readTable(
  bytes: Readable,
  format: TableFormat,
  options: { readonly sheet?: string | undefined } = {},
): AsyncGenerator<TableRow> {
  for await (const batch of readTableBatches(bytes, format, options)) yield* batch;
}
