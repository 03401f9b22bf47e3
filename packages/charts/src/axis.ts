/**
 * @module axis
 * Axis layout: which period labels to show so they do not overlap, the y scale with nice ticks,
 * and the denominator scale of funnel plots (linear or logarithmic).
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import type { Period } from '@groundswell/spc';
import { isMonthly, isoDateParts } from './format.js';
import { textWidth } from './text.js';

/** Steps between labels tried for monthly series: every month, 2, 3, 4, 6 months, a year, 2 years… */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];
/** Steps tried for other series. */
const OTHER_STEPS = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * Indices of the points whose period labels are shown: every k-th point, with k the smallest step
 * at which the widest label fits (plus `padding`) in the space of k points. Monthly series step by
 * 1, 2, 3, 4, 6 or 12 months and label months that divide the year evenly (Jan, Apr, Jul, Oct).
 */
export function xLabelIndices(
  periods: readonly Period[],
  labels: readonly string[],
  step: number,
  fontSize: number,
  padding = 10,
): number[] {
  const n = labels.length;
  if (n === 0) return [];
  const widest = Math.max(...labels.map((l) => textWidth(l, fontSize))) + padding;
  const monthly = isMonthly(periods);
  const steps = monthly ? MONTH_STEPS : OTHER_STEPS;
  const need = step > 0 ? widest / step : Infinity;
  const k = steps.find((s) => s >= need) ?? Math.max(1, Math.ceil(need));
  let offset = 0;
  if (monthly && k > 1 && k <= 12 && 12 % k === 0) {
    // Start on a month that divides the year into k-month blocks (Jan for 12, Jan/Jul for 6, …).
    const firstMonth = isoDateParts(periods[0]!)!.month - 1;
    offset = (k - (firstMonth % k)) % k;
  } else if (monthly && k > 12) {
    const firstMonth = isoDateParts(periods[0]!)!.month - 1;
    offset = (12 - firstMonth) % 12;
  }
  if (offset >= n) offset = 0;
  const out: number[] = [];
  for (let i = offset; i < n; i += k) out.push(i);
  return out;
}

/** The y scale of the plot and its ticks. */
export interface YScale {
  readonly scale: ScaleLinear<number, number>;
  readonly ticks: readonly number[];
  readonly format: (value: number) => string;
}

/** Options of {@link yScale}. */
export interface YScaleOptions {
  /** Tick labels as percentages of 1 (`0.25` → `25%`). */
  readonly percent?: boolean | undefined;
  /** The domain does not go above this when no value does (e.g. 1 for proportions). */
  readonly max?: number | undefined;
}

/**
 * A linear y scale over `values` (absent and non-finite ones ignored), padded by 5% of the range
 * and made nice with d3's `nice()`; a scale over non-negative values does not go below zero, nor
 * above `options.max` when no value does.
 */
export function yScale(
  values: readonly (number | null)[],
  top: number,
  bottom: number,
  options: YScaleOptions = {},
): YScale {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = finite.length > 0 ? Math.min(...finite) : 0;
  let hi = finite.length > 0 ? Math.max(...finite) : 1;
  const nonNegative = lo >= 0;
  const max = options.max !== undefined && hi <= options.max ? options.max : Infinity;
  const pad = lo === hi ? (lo === 0 ? 1 : Math.abs(lo) * 0.1) : (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  if (nonNegative && lo < 0) lo = 0;
  if (hi > max) hi = max;
  const count = Math.max(3, Math.round((bottom - top) / 45));
  const scale = scaleLinear().domain([lo, hi]).range([bottom, top]).nice(count);
  const format = scale.tickFormat(count, options.percent === true ? '%' : undefined);
  return { scale, ticks: scale.ticks(count), format };
}

/** The x scale of a funnel plot: denominators, linear from 0 or logarithmic. */
export interface DenominatorScale {
  readonly scale: (value: number) => number;
  readonly ticks: readonly number[];
  /** Whether the scale is logarithmic. */
  readonly log: boolean;
}

/** Denominators spanning more than this ratio (largest / smallest) get a log scale. */
export const LOG_SCALE_SPAN = 50;

/**
 * The x scale of a funnel plot over `[left, right]`: linear from 0 to just past the largest
 * denominator, or logarithmic (just around the smallest to the largest) when the largest is more
 * than {@link LOG_SCALE_SPAN} times the smallest. Ticks are as many as fit their labels
 * (`label(tick)` at `fontSize`): round numbers on a linear scale; 1, 2, 5 × 10ᵏ, or powers of 10,
 * on a log scale.
 */
export function denominatorScale(
  denominators: readonly number[],
  left: number,
  right: number,
  label: (value: number) => string,
  fontSize: number,
): DenominatorScale {
  const finite = denominators.filter((d) => Number.isFinite(d) && d > 0);
  const lo = finite.length > 0 ? Math.min(...finite) : 1;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  const width = right - left;
  const fits = (ticks: readonly number[], scale: (v: number) => number): boolean => {
    for (let i = 1; i < ticks.length; i++) {
      const gap = scale(ticks[i]!) - scale(ticks[i - 1]!);
      const need =
        (textWidth(label(ticks[i]!), fontSize) + textWidth(label(ticks[i - 1]!), fontSize)) / 2 + 12;
      if (gap < need) return false;
    }
    return true;
  };
  if (hi / lo > LOG_SCALE_SPAN) {
    const scale = scaleLog()
      .domain([lo / 1.15, hi * 1.15])
      .range([left, right]);
    const [d0, d1] = scale.domain() as [number, number];
    const inDomain = (v: number): boolean => v >= d0 && v <= d1;
    const decades: number[] = [];
    for (let k = Math.floor(Math.log10(d0)); k <= Math.ceil(Math.log10(d1)); k++) decades.push(10 ** k);
    const candidates = [
      decades.flatMap((p) => [p, 2 * p, 5 * p]).filter(inDomain),
      decades.flatMap((p) => [p, 3 * p]).filter(inDomain),
      decades.filter(inDomain),
      decades.filter((_, k) => k % 2 === 0).filter(inDomain),
    ];
    const ticks = candidates.find((t) => t.length >= 2 && fits(t, scale)) ?? candidates[2]!;
    return { scale: (v) => scale(v), ticks, log: true };
  }
  const scale = scaleLinear()
    .domain([0, hi * 1.04])
    .range([left, right]);
  let ticks = scale.ticks(2);
  for (let count = Math.max(2, Math.floor(width / 50)); count > 2; count--) {
    const t = scale.ticks(count);
    if (fits(t, scale)) {
      ticks = t;
      break;
    }
  }
  return { scale: (v) => scale(v), ticks, log: false };
}
