/**
 * @module imports/csv-records
 * A CSV parser for text that arrives in pieces: records (arrays of cells) out as soon as they are
 * complete. It reads what csv-parse reads with the options the importer used (`bom`, one
 * delimiter, `relax_column_count`, empty lines kept as one empty cell, line endings `\n`, `\r\n`
 * or `\r` as the first line has them, `"` quoting with `""` inside quotes), refuses what it
 * refuses with the same messages and line numbers, but works on the decoded text itself: no
 * conversion back to bytes, no copy of each cell byte by byte, no stream per record. A file's
 * cells are slices of the text read.
 */

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** A file that is not valid CSV: what is wrong, at which line (as csv-parse counts lines). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_INVALID_CLOSING_QUOTE' | 'INVALID_OPENING_QUOTE',
    message: string,
    readonly lines: number,
  ) {
    super(message);
  }
}

/** Parses CSV text piece by piece (`write`, then `end`); call with each record as it completes. */
export class CsvRecords {
  private readonly delimiter: number;
  /** The record delimiter, found at the first line break outside quotes ('' until then). */
  private recordDelimiter: '' | '\n' | '\r\n' | '\r' = '';
  /** Characters to look ahead of the one being read (a quote, a line ending). */
  private lookahead = 2;
  /** The line being read, counted as csv-parse counts (each line-break character read). */
  private lines = 1;
  private wasRowDelimiter = false;
  private quoting = false;
  /** The cell's closing quote was just read: `""` then is an empty cell, not nothing. */
  private wasQuoting = false;
  /** The quote just read escapes the next (`""` inside quotes). */
  private escaping = false;
  private record: string[] = [];
  /** The current cell's text read from earlier pieces (or before an escaped quote). */
  private cell = '';
  /** The end of the last piece, kept to look ahead from when the next comes. */
  private rest = '';
  private started = false;

  /** @param delimiter one character: `,`, `;` or a tab. */
  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Reads the next piece of text, calling `push` with each record completed.
   * @throws {CsvSyntaxError}
   */
  write(text: string, push: (record: string[]) => void): void {
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.parse(this.rest === '' ? text : this.rest + text, false, push);
  }

  /**
   * Reads what is left at the end of the text, calling `push` with the last record.
   * @throws {CsvSyntaxError} for a quote not closed.
   */
  end(push: (record: string[]) => void): void {
    this.parse(this.rest, true, push);
  }

  private setRecordDelimiter(found: '\n' | '\r\n' | '\r'): void {
    this.recordDelimiter = found;
    this.setLookahead();
  }

  private setLookahead(): void {
    const delimiterLength = this.recordDelimiter === '' ? 2 : this.recordDelimiter.length;
    this.lookahead = this.quoting ? 1 + delimiterLength : delimiterLength;
  }

  /** The length of the record delimiter at `pos` (discovering it if not known yet), or 0. */
  private recordDelimiterAt(buf: string, pos: number): number {
    const c = buf.charCodeAt(pos);
    if (c !== CR && c !== LF) return 0;
    const found = this.recordDelimiter;
    if (found === '') {
      if (c === CR && buf.charCodeAt(pos + 1) === LF) this.setRecordDelimiter('\r\n');
      else this.setRecordDelimiter(c === LF ? '\n' : '\r');
      return this.recordDelimiter.length;
    }
    if (found === '\n') return c === LF ? 1 : 0;
    if (found === '\r') return c === CR ? 1 : 0;
    return c === CR && buf.charCodeAt(pos + 1) === LF ? 2 : 0;
  }

  private parse(buf: string, end: boolean, push: (record: string[]) => void): void {
    const len = buf.length;
    const delimiter = this.delimiter;
    let pos = 0;
    /** Where the current cell's text not yet in `this.cell` starts. */
    let start = 0;
    for (; pos < len; pos++) {
      // Like csv-parse, stop where the characters after this one are not here yet.
      if (!end && len - pos - 1 < this.lookahead) break;
      if (this.wasRowDelimiter) {
        this.lines++;
        this.wasRowDelimiter = false;
      }
      const c = buf.charCodeAt(pos);
      if (!this.quoting && this.recordDelimiter === '' && (c === CR || c === LF)) {
        this.recordDelimiterAt(buf, pos);
      }
      if (c === CR || c === LF) this.wasRowDelimiter = true;
      if (this.escaping) {
        // The second quote of `""`: a quote in the cell's text (the first one was left out).
        this.escaping = false;
        continue;
      }
      if (this.quoting) {
        if (c !== QUOTE) continue;
        const next = buf.charCodeAt(pos + 1);
        if (next === QUOTE && pos + 1 < len) {
          // `""`: leave this quote out of the text, keep the next.
          this.cell += buf.slice(start, pos);
          start = pos + 1;
          this.escaping = true;
          continue;
        }
        // The end of a quoted cell: a delimiter, a line ending (the first one found sets the
        // file's), the end of the text (NaN) or, as in csv-parse, NUL.
        if (!(next > 0) || next === delimiter || this.recordDelimiterAt(buf, pos + 1) !== 0) {
          this.cell += buf.slice(start, pos);
          start = pos + 1;
          this.quoting = false;
          this.wasQuoting = true;
          this.setLookahead();
          continue;
        }
        throw new CsvSyntaxError(
          'CSV_INVALID_CLOSING_QUOTE',
          `Invalid Closing Quote: got "${String.fromCharCode(next)}" at line ${this.lines} instead of delimiter, record delimiter, trimable character (if activated) or comment`,
          this.lines,
        );
      }
      if (c === QUOTE) {
        if (this.cell.length !== 0 || pos > start) {
          const text = this.cell + buf.slice(start, pos);
          throw new CsvSyntaxError(
            'INVALID_OPENING_QUOTE',
            `Invalid Opening Quote: a quote is found on field ${this.record.length} at line ${this.lines}, value is ${JSON.stringify(text)}`,
            this.lines,
          );
        }
        this.quoting = true;
        this.setLookahead();
        start = pos + 1;
        continue;
      }
      if (c === delimiter) {
        this.record.push(this.cell === '' ? buf.slice(start, pos) : this.cell + buf.slice(start, pos));
        this.cell = '';
        this.wasQuoting = false;
        start = pos + 1;
        continue;
      }
      if (c === CR || c === LF) {
        const ending = this.recordDelimiterAt(buf, pos);
        if (ending !== 0) {
          this.record.push(this.cell === '' ? buf.slice(start, pos) : this.cell + buf.slice(start, pos));
          this.cell = '';
          this.wasQuoting = false;
          push(this.record);
          this.record = [];
          pos += ending - 1;
          start = pos + 1;
        }
      }
    }
    if (end) {
      if (this.quoting) {
        throw new CsvSyntaxError(
          'CSV_QUOTE_NOT_CLOSED',
          `Quote Not Closed: the parsing is finished with an opening quote at line ${this.lines}`,
          this.lines,
        );
      }
      const last = this.cell + buf.slice(start, pos);
      if (this.wasQuoting || this.record.length > 0 || last.length > 0) {
        this.record.push(last);
        push(this.record);
        this.record = [];
      }
      this.cell = '';
      this.rest = '';
    } else {
      this.cell += buf.slice(start, pos);
      this.rest = buf.slice(pos);
    }
  }
}
