/**
 * @module imports/repeats
 * Finds periods given twice for the same series in a file, without a map entry per row: each
 * series keeps its days and rows in typed arrays (8 bytes a row), sorted once at the end.
 */

/** A row that repeats an earlier row's series and period. */
export interface Repeat {
  readonly row: number;
  readonly firstRow: number;
  /** The day number (days since 1970-01-01). */
  readonly day: number;
}

class Days {
  days = new Int32Array(64);
  rows = new Int32Array(64);
  n = 0;

  add(day: number, row: number): void {
    if (this.n === this.days.length) {
      const days = new Int32Array(this.n * 2);
      days.set(this.days);
      this.days = days;
      const rows = new Int32Array(this.n * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.days[this.n] = day;
    this.rows[this.n] = row;
    this.n++;
  }
}

/** Collects (series, day, row) and reports the repeats. */
export class RepeatFinder {
  private readonly bySeries = new Map<string, Days>();

  add(seriesId: string, day: number, row: number): void {
    let days = this.bySeries.get(seriesId);
    if (days === undefined) {
      days = new Days();
      this.bySeries.set(seriesId, days);
    }
    days.add(day, row);
  }

  /** Every row whose series and day an earlier row already had, in row order. */
  repeats(): Repeat[] {
    const found: Repeat[] = [];
    for (const series of this.bySeries.values()) {
      // Day and row in one sortable number: day × 2³¹ + row stays below 2⁵³.
      const keys = new Float64Array(series.n);
      for (let i = 0; i < series.n; i++) keys[i] = series.days[i]! * 2 ** 31 + series.rows[i]!;
      keys.sort();
      for (let i = 1, first = 0; i < keys.length; i++) {
        const day = Math.floor(keys[i]! / 2 ** 31);
        if (day === Math.floor(keys[first]! / 2 ** 31)) {
          found.push({ row: keys[i]! - day * 2 ** 31, firstRow: keys[first]! - day * 2 ** 31, day });
        } else {
          first = i;
        }
      }
    }
    return found.sort((a, b) => a.row - b.row);
  }
}
