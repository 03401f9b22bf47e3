/**
 * @module imports/file-store
 * An uploaded file's rows kept in the database until it is committed, so that any server can
 * preview or commit it. Rows are stored as lines of text (`7,["2024-01-01","RF4","12"]`: the
 * spreadsheet row, then the cells as JSON), about a megabyte a chunk, every chunk holding whole lines. Reading fetches one
 * chunk at a time, so a file of any size is never all in memory.
 */
import { and, eq, sql } from 'drizzle-orm';
import { importFileChunks } from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { TableRow } from './table-reader.js';

/** Bytes of JSON lines per stored chunk. */
const CHUNK_CHARS = 1 << 20;

/** Writes rows into an import's file, chunk by chunk (call `flush` at the end). */
export class FileWriter {
  private lines = '';
  private seq = 0;

  constructor(
    private readonly db: Database,
    private readonly importId: string,
  ) {}

  /**
   * Adds a row; when enough have gathered, writes a chunk and returns the promise of that write
   * (otherwise nothing, so that a caller awaits only when there is something to wait for).
   */
  add(row: TableRow): Promise<void> | undefined {
    this.lines += `${row.row},${JSON.stringify(row.cells)}\n`;
    return this.lines.length >= CHUNK_CHARS ? this.flush() : undefined;
  }

  /** Writes what has gathered. */
  async flush(): Promise<void> {
    if (this.lines === '') return;
    const lines = this.lines;
    this.lines = '';
    await this.db.insert(importFileChunks).values({ importId: this.importId, seq: this.seq++, lines });
  }
}

/**
 * The stored rows of an import's file, in order (the header row first), a chunk (some thousands
 * of rows) at a time: one query and one JSON parse per chunk.
 */
export async function* readFileChunks(db: Database, importId: string): AsyncGenerator<TableRow[]> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await db
      .select({ lines: importFileChunks.lines })
      .from(importFileChunks)
      .where(and(eq(importFileChunks.importId, importId), eq(importFileChunks.seq, seq)));
    if (chunk === undefined) return;
    // Each line is `row,["cell",…]`: together, the elements of one JSON array.
    const flat = JSON.parse(`[${chunk.lines.slice(0, -1).replaceAll('\n', ',')}]`) as (number | string[])[];
    const rows: TableRow[] = new Array<TableRow>(flat.length / 2);
    for (let i = 0; i < flat.length; i += 2)
      rows[i / 2] = { row: flat[i] as number, cells: flat[i + 1] as string[] };
    yield rows;
  }
}

/** Deletes an import's stored file. */
export async function deleteFile(db: Database, importId: string): Promise<void> {
  await db.delete(importFileChunks).where(eq(importFileChunks.importId, importId));
}

/** How many bytes of stored rows the database holds for this import. */
export async function storedBytes(db: Database, importId: string): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(octet_length(${importFileChunks.lines})), 0)` })
    .from(importFileChunks)
    .where(eq(importFileChunks.importId, importId));
  return Number(row?.bytes ?? 0);
}
