/**
 * @module step-path
 * Per-point horizontal lines (centre line, limits, target) drawn as steps centred on the points:
 * each point's value spans half a step either side of it. A line breaks where its value is
 * absent and where its group changes (a new partition), so segments never join across a rebase.
 */
import { num } from './xml.js';

/** One contiguous piece of a stepped line. */
export interface StepSegment {
  /** First and last point index covered. */
  readonly start: number;
  readonly end: number;
  /** SVG path data. */
  readonly d: string;
}

/** Input of {@link stepSegments}. */
export interface StepInput {
  /** x of each point (pixels), increasing with a constant `step` between points. */
  readonly xs: readonly number[];
  /** y of each point's line (pixels), or null where the line is absent. */
  readonly ys: readonly (number | null)[];
  /** Group of each point; a segment never spans two groups. Leave out to ignore groups. */
  readonly groups?: readonly number[] | undefined;
  /** Distance between neighbouring points (pixels). */
  readonly step: number;
  /** Space left either side of a break between groups (pixels, default 2). */
  readonly gap?: number | undefined;
}

/** Splits a per-point line into stepped path segments. */
export function stepSegments(input: StepInput): StepSegment[] {
  const { xs, ys, groups, step } = input;
  const gap = input.gap ?? 2;
  const half = step / 2;
  const out: StepSegment[] = [];
  let i = 0;
  const n = xs.length;
  while (i < n) {
    if ((ys[i] ?? null) === null) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    while (
      end + 1 < n &&
      (ys[end + 1] ?? null) !== null &&
      (groups === undefined || groups[end + 1] === groups[start])
    ) {
      end++;
    }
    const groupBreakBefore = groups !== undefined && start > 0 && groups[start - 1] !== groups[start];
    const groupBreakAfter = groups !== undefined && end + 1 < n && groups[end + 1] !== groups[end];
    const x0 = xs[start]! - half + (groupBreakBefore ? gap : 0);
    let d = `M${num(x0)} ${num(ys[start]!)}`;
    for (let k = start; k <= end; k++) {
      const y = ys[k]!;
      if (k > start && y !== ys[k - 1]) d += `V${num(y)}`;
      const right = xs[k]! + half - (k === end && groupBreakAfter ? gap : 0);
      if (k === end || ys[k + 1] !== y) d += `H${num(right)}`;
    }
    out.push({ start, end, d });
    i = end + 1;
  }
  return out;
}
