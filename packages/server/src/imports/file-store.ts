/**
 * @module imports/file-store
 * An uploaded file's rows kept in the database until it is committed, so that any server can
 * preview or commit it. Rows are stored as lines of text (`7,["2024-01-01","RF4","12"]`: the
 * spreadsheet row, then the cells as JSON), about a megabyte a chunk, every chunk holding whole
 * lines. Reading fetches one chunk at a time, so a file of any size is never all in memory.
 */
import { and, eq, sql } from 'drizzle-orm';
import { importFileChunks } from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { TableRow } from './table-reader.js';

/** Bytes of JSON lines per stored chunk (about). */
const CHUNK_BYTES = 1 << 20;

/**
 * Writes rows into an import's file, chunk by chunk (call `flush` at the end). Lines are written
 * into one reused buffer as they come (nothing is kept per row), and a full chunk is inserted
 * while the rows after it are read: one insert in flight at a time.
 */
export class FileWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES + (64 << 10));
  private at = 0;
  private seq = 0;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly importId: string,
  ) {}

  /**
   * Adds a row; when a chunk is full, starts writing it and returns a promise to wait for before
   * adding more (the write of the chunk before), otherwise nothing, so that a caller awaits only
   * when there is something to wait for.
   */
  add(row: TableRow): Promise<void> | undefined {
    const cells = JSON.stringify(row.cells);
    // A character takes at most 3 bytes in UTF-8 (a surrogate pair: 4 for 2).
    const needed = 12 + cells.length * 3;
    if (this.at + needed > this.buffer.length) this.grow(needed);
    this.at += this.buffer.write(String(row.row), this.at, 'latin1');
    this.buffer[this.at++] = 44; // ,
    this.at += this.buffer.write(cells, this.at, 'utf8');
    this.buffer[this.at++] = 10; // newline
    return this.at >= CHUNK_BYTES ? this.send() : undefined;
  }

  /** Writes what has gathered, and waits for every write. */
  async flush(): Promise<void> {
    if (this.at > 0) await this.send();
    await this.writing;
  }

  /** Waits for the write in flight, if any, ignoring its failure (already reported, or to be). */
  async idle(): Promise<void> {
    await this.writing?.catch(() => undefined);
  }

  /** Starts writing the gathered lines once the write before has ended. */
  private async send(): Promise<void> {
    const lines = this.buffer.toString('utf8', 0, this.at);
    this.at = 0;
    await this.writing;
    const seq = this.seq++;
    const writing = this.db
      .insert(importFileChunks)
      .values({ importId: this.importId, seq, lines })
      .then(() => undefined);
    // Its failure is met when it is next awaited; until then it must not count as unhandled.
    writing.catch(() => undefined);
    this.writing = writing;
  }

  private grow(needed: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + needed));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }
}

const NEWLINE = 10;
/** Lines of a stored chunk parsed together (the rows of a chunk are not all made at once). */
const PARSED_LINES = 2000;

/**
 * The stored rows of an import's file, in order (the header row first), a few thousand at a time:
 * one query per chunk, the next one asked for as soon as a chunk arrives (it may be read while
 * this one is); its lines are parsed a few thousand at a time as they are asked for, so that the
 * rows made live only while they are read.
 */
export async function* readFileChunks(db: Database, importId: string): AsyncGenerator<TableRow[]> {
  const fetch = async (seq: number): Promise<string | undefined> => {
    const [chunk] = await db
      .select({ lines: importFileChunks.lines })
      .from(importFileChunks)
      .where(and(eq(importFileChunks.importId, importId), eq(importFileChunks.seq, seq)));
    return chunk?.lines;
  };
  let next = fetch(0);
  try {
    for (let seq = 1; ; seq++) {
      const lines = await next;
      if (lines === undefined) return;
      next = fetch(seq);
      // Its failure is met when it is awaited; until then it must not count as unhandled.
      next.catch(() => undefined);
      for (let start = 0; start < lines.length;) {
        // Up to PARSED_LINES whole lines, the newline after each included.
        let end = start;
        for (let n = 0; n < PARSED_LINES && end < lines.length; n++) {
          const newline = lines.indexOf('\n', end);
          end = newline === -1 ? lines.length : newline + 1;
        }
        yield parseLines(lines.slice(start, lines.charCodeAt(end - 1) === NEWLINE ? end - 1 : end));
        start = end;
      }
    }
  } finally {
    // Stopped early (or failed): let the query in flight end first.
    await next.catch(() => undefined);
  }
}

/** Rows from stored lines (`row,["cell",…]`, without the last newline): one JSON parse. */
function parseLines(lines: string): TableRow[] {
  // Each line is `row,["cell",…]`: together, the elements of one JSON array.
  const flat = JSON.parse(`[${lines.replaceAll('\n', ',')}]`) as (number | string[])[];
  const rows: TableRow[] = new Array<TableRow>(flat.length / 2);
  for (let i = 0; i < flat.length; i += 2)
    rows[i / 2] = { row: flat[i] as number, cells: flat[i + 1] as string[] };
  return rows;
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
