/**
 * @module imports/copy-text
 * The COPY text of a file's observations for the staging table (see staged-load.ts), written
 * byte by byte into one reused buffer as rows are mapped: no string, array or object per row,
 * so the garbage collector has next to nothing to do; the text of some tens of thousands of rows
 * is then taken as one string for one COPY.
 *
 * A line is PostgreSQL CSV: `ord,series_no,period,value,numerator,denominator,ghost`, where `ord`
 * counts the rows from 0, `series_no` numbers the series (their ids go to a second table), the
 * period is an ISO date and an empty field is null.
 */
import { formatPeriod } from '@groundswell/spc';

const COMMA = 44;
const NEWLINE = 10;
const ZERO = 48;
/** Bytes a line may take at most: two counters, a date, three numbers as JavaScript writes them, a flag. */
const MAX_LINE = 160;
/** Periods' bytes kept by day, at most (a file's distinct days; as formatPeriod's own cache). */
const PERIODS_KEPT = 100_000;

/** COPY text being written, taken a COPY's worth at a time. */
export class CopyText {
  private buffer = Buffer.allocUnsafe(1 << 21);
  private at = 0;
  private readonly periods = new Map<number, Buffer>();
  /** Rows written in all (the next row's `ord`). */
  rows = 0;
  /** Rows written since the text was last taken. */
  pending = 0;

  /**
   * Writes one observation of the series numbered `series` on day `day` (days since 1970-01-01);
   * null numbers and flags are written as nulls.
   */
  add(
    series: number,
    day: number,
    value: number | null,
    numerator: number | null,
    denominator: number | null,
    ghost: boolean | null,
  ): void {
    if (this.at + MAX_LINE > this.buffer.length) this.grow();
    this.writeNumber(this.rows++);
    this.buffer[this.at++] = COMMA;
    this.writeNumber(series);
    this.buffer[this.at++] = COMMA;
    this.writePeriod(day);
    this.buffer[this.at++] = COMMA;
    if (value !== null) this.writeNumber(value);
    this.buffer[this.at++] = COMMA;
    if (numerator !== null) this.writeNumber(numerator);
    this.buffer[this.at++] = COMMA;
    if (denominator !== null) this.writeNumber(denominator);
    this.buffer[this.at++] = COMMA;
    if (ghost !== null) this.buffer[this.at++] = ghost ? 116 : 102; // t, f
    this.buffer[this.at++] = NEWLINE;
    this.pending++;
  }

  /** The text written since it was last taken, as one string (ASCII); the buffer is reused. */
  take(): string {
    const text = this.buffer.toString('latin1', 0, this.at);
    this.at = 0;
    this.pending = 0;
    return text;
  }

  /** Forgets the text not yet taken (the rows stay counted). */
  clear(): void {
    this.at = 0;
    this.pending = 0;
  }

  /**
   * A number as `String(n)` writes it (which PostgreSQL reads back exactly): whole numbers up
   * to 2³¹ digit by digit, others through a string.
   */
  private writeNumber(n: number): void {
    const buffer = this.buffer;
    if (n >= 0 && n < 2_147_483_648 && n === Math.floor(n)) {
      let digits = 1;
      for (let limit = 10; limit <= n; limit *= 10) digits++;
      let rest = n;
      for (let i = this.at + digits - 1; i >= this.at; i--) {
        buffer[i] = ZERO + (rest % 10);
        rest = Math.floor(rest / 10);
      }
      this.at += digits;
    } else {
      this.at += buffer.write(String(n), this.at, 'latin1');
    }
  }

  private writePeriod(day: number): void {
    let bytes = this.periods.get(day);
    if (bytes === undefined) {
      bytes = Buffer.from(formatPeriod(day, 'date'), 'latin1');
      if (this.periods.size < PERIODS_KEPT) this.periods.set(day, bytes);
    }
    bytes.copy(this.buffer, this.at);
    this.at += bytes.length;
  }

  private grow(): void {
    const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }
}
