/**
 * @module components/measure/notes
 * Where a series' notes (annotations) go on its chart: each note on the point of its period,
 * numbered in period order as the chart numbers them; a note on a period the chart has no point
 * for (no data yet, or not plottable) is listed apart, unnumbered.
 */
import type { ChartAnnotation } from '@groundswell/charts';
import type { Annotation } from './data';

export interface NotePlan {
  /** The notes drawn on the chart, numbered 1… in this order. */
  readonly numbered: readonly {
    readonly number: number;
    readonly index: number;
    readonly note: Annotation;
  }[];
  /** Notes on periods without a point. */
  readonly unplaced: readonly Annotation[];
  /** What the chart renderer takes. */
  readonly chart: readonly ChartAnnotation[];
  /** Note numbers by point index. */
  readonly byPoint: ReadonlyMap<number, readonly number[]>;
}

/** Places notes (in period order) on the points (their periods, in order; a period may repeat on a T chart). */
export function planNotes(notes: readonly Annotation[], periods: readonly (string | number)[]): NotePlan {
  const indexOf = new Map<string, number>();
  periods.forEach((period, i) => {
    const key = String(period);
    if (!indexOf.has(key)) indexOf.set(key, i);
  });
  const numbered: { number: number; index: number; note: Annotation }[] = [];
  const unplaced: Annotation[] = [];
  const byPoint = new Map<number, number[]>();
  for (const note of notes) {
    const index = indexOf.get(note.period);
    if (index === undefined) {
      unplaced.push(note);
      continue;
    }
    const number = numbered.length + 1;
    numbered.push({ number, index, note });
    byPoint.set(index, [...(byPoint.get(index) ?? []), number]);
  }
  return {
    numbered,
    unplaced,
    chart: numbered.map(({ index, note }) => ({ index, text: note.text })),
    byPoint,
  };
}
