/**
 * @module sparkline
 * A series' latest points as a small standalone SVG (a dashboard card's chart), drawn from the
 * compact columns the dashboard API sends: values, centre line, process limits and target per
 * point, and the indexes of special-cause, ghosted and annotated points.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { COLOURS } from '@groundswell/spc';
import type { ChartType } from '@groundswell/spc';
import { formatNumber, periodFormatter, withUnit } from './format.js';
import type { PeriodFormatter, ValueFormatter } from './format.js';
import { centreName } from './labels.js';
import { marker, pointColour } from './markers.js';
import type { MarkerKind } from './markers.js';
import { stepSegments } from './step-path.js';
import { LINE_STYLES, TEXT_SECONDARY } from './theme.js';
import type { LineStyle } from './theme.js';
import { svgDocument } from './svg-document.js';
import { el, hashId, num, safeId, textEl } from './xml.js';

/**
 * A series' latest points as parallel arrays, one entry per point (the dashboard API's `Sparkline`).
 * Points listed in none of `improvement`, `concern` and `neither` are common cause.
 */
export interface SparklineData {
  /** Each point's period, oldest first (ISO dates, or any label). */
  readonly periods: readonly string[];
  /** The plotted values. */
  readonly values: readonly number[];
  /** The centre line at each point (null where there is none). */
  readonly mean: readonly (number | null)[];
  /** The lower process limit at each point (null where there is none). */
  readonly lower: readonly (number | null)[];
  /** The upper process limit at each point (null where there is none). */
  readonly upper: readonly (number | null)[];
  /** The target at each point; null when no point has one. */
  readonly target: readonly (number | null)[] | null;
  /** Indexes of special cause improvement points. */
  readonly improvement: readonly number[];
  /** Indexes of special cause concern points. */
  readonly concern: readonly number[];
  /** Indexes of special cause points where neither direction is better. */
  readonly neither: readonly number[];
  /** Indexes of ghosted points (drawn hollow, left out of the calculations). */
  readonly ghosts: readonly number[];
  /** Indexes of points with at least one annotation. */
  readonly annotated: readonly number[];
}

/** Options of {@link renderSparkline}. Every option may be left out. */
export interface SparklineOptions {
  /** The SVG `<title>` (default: the measure, else "Sparkline"). */
  readonly title?: string | undefined;
  /** What is measured, for the text alternative (default: the title). */
  readonly measure?: string | undefined;
  /** Replaces the generated text alternative (`<desc>`, default from {@link describeSparkline}). */
  readonly description?: string | undefined;
  /** Width in pixels (default 300); the `viewBox` lets CSS scale it to its container. */
  readonly width?: number | undefined;
  /** Height in pixels (default 120). */
  readonly height?: number | undefined;
  /** How periods are written (default: `Mar 2024` for monthly ISO dates). */
  readonly formatPeriod?: PeriodFormatter | undefined;
  /** How values are written in tooltips and the description (default: `21,289`, `95.5`). */
  readonly formatValue?: ValueFormatter | undefined;
  /** Unit of the written values: `%` is attached (`95%`), others follow a space. */
  readonly unit?: string | undefined;
  /** The chart type, to name the centre line in the description (`median` for run charts, `centre line` for T and G). */
  readonly chart?: ChartType | undefined;
  /** Labels the first and last periods under the plot (default true). */
  readonly periodLabels?: boolean | undefined;
  /** Prefix of the element ids, unique on the page (default: derived from the data). */
  readonly idPrefix?: string | undefined;
}

/**
 * Whether the target is too far from the data to share the scale (more than the data's own span
 * beyond it), and if so the latest target and which side it is on; null when it fits (or there is none).
 */
function targetOffScale(
  target: readonly (number | null)[] | null,
  lo: number,
  hi: number,
): { value: number; side: 'above' | 'below' } | null {
  if (target === null) return null;
  const span = Math.max(hi - lo, Math.abs(hi) * 0.01, 1e-9);
  let latest: number | null = null;
  let far = false;
  for (const t of target) {
    if (t === null || !Number.isFinite(t)) continue;
    latest = t;
    if (t < lo - span || t > hi + span) far = true;
  }
  if (!far || latest === null) return null;
  return { value: latest, side: latest > hi ? 'above' : 'below' };
}

/** Markers are drawn at this share of the full chart's size. */
const MARKER_SCALE = 0.62;
/** The radius of a common cause dot in the full chart (markers.ts). */
const COMMON_RADIUS = 3.5;
const PAD_X = 4;
const PAD_TOP = 6;
const PERIOD_FONT = 10;
const PERIOD_BAND = 14;

/** Each point's marker kind, from the index lists (a ghost is hollow whatever its type). */
function markerKinds(spark: SparklineData): MarkerKind[] {
  const n = spark.values.length;
  const kinds: MarkerKind[] = new Array<MarkerKind>(n).fill('common_cause');
  const set = (indexes: readonly number[], kind: (i: number) => MarkerKind): void => {
    for (const i of indexes) if (i >= 0 && i < n) kinds[i] = kind(i);
  };
  set(spark.improvement, () => 'improvement');
  set(spark.concern, () => 'concern');
  // Neither: a triangle up above the centre line, down below it.
  set(spark.neither, (i) => {
    const centre = spark.mean[i] ?? null;
    return centre !== null && spark.values[i]! < centre ? 'neither_low' : 'neither_high';
  });
  set(spark.ghosts, () => 'ghost');
  return kinds;
}

/**
 * The partition of each point: a new one starts where the centre line changes (limits recalculated),
 * so that lines break there instead of joining across a rebase.
 */
export function sparklineGroups(mean: readonly (number | null)[]): number[] {
  const groups: number[] = [];
  let group = 0;
  for (let i = 0; i < mean.length; i++) {
    if (i > 0 && (mean[i] ?? null) !== (mean[i - 1] ?? null)) group++;
    groups.push(group);
  }
  return groups;
}

function countIn(indexes: readonly number[], n: number, exclude: ReadonlySet<number>): number {
  let count = 0;
  for (const i of new Set(indexes)) if (i >= 0 && i < n && !exclude.has(i)) count++;
  return count;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Options of {@link describeSparkline}. */
export interface SparklineDescribeOptions {
  readonly measure?: string | undefined;
  /** Names the centre line (default `mean`). */
  readonly chart?: ChartType | undefined;
  readonly formatPeriod?: PeriodFormatter | undefined;
  readonly formatValue?: ValueFormatter | undefined;
  readonly unit?: string | undefined;
}

/**
 * The sparkline in plain English (its text alternative): what it covers, the latest value, the
 * latest centre line, limits and target, how many points are special cause, ghosted or annotated,
 * and how often the limits were recalculated.
 * @example describeSparkline(spark, { measure: 'Falls', unit: 'falls' })
 * // 'Falls: 24 points from Jan 2023 to Dec 2024. Latest value 12 falls (Dec 2024). Mean 10.5 falls, process limits …'
 */
export function describeSparkline(spark: SparklineData, options: SparklineDescribeOptions = {}): string {
  const n = spark.values.length;
  const lead = options.measure !== undefined && options.measure !== '' ? `${options.measure}: ` : '';
  if (n === 0) return `${lead}no data yet.`;
  const period = options.formatPeriod ?? periodFormatter(spark.periods, 'long');
  const value = (v: number): string => withUnit((options.formatValue ?? formatNumber)(v), options.unit);
  const last = n - 1;
  const parts: string[] = [];
  parts.push(
    n === 1
      ? `${lead}1 point, ${period(spark.periods[0]!)}.`
      : `${lead}${n} points from ${period(spark.periods[0]!)} to ${period(spark.periods[last]!)}.`,
  );
  parts.push(`Latest value ${value(spark.values[last]!)} (${period(spark.periods[last]!)}).`);
  const mean = spark.mean[last] ?? null;
  const lower = spark.lower[last] ?? null;
  const upper = spark.upper[last] ?? null;
  const centre = capitalise(options.chart === undefined ? 'mean' : centreName(options.chart));
  const anyLimits = spark.lower.some((v) => v !== null) || spark.upper.some((v) => v !== null);
  if (!anyLimits) {
    parts.push(
      `Run chart: no process limits${options.chart === 'run' ? '' : ' (too few points)'}` +
        `${mean === null ? '' : `; ${centre.toLowerCase()} ${value(mean)}`}.`,
    );
  } else {
    const limits: string[] = [];
    if (mean !== null) limits.push(`${centre} ${value(mean)}`);
    if (lower !== null && upper !== null) limits.push(`process limits ${value(lower)} to ${value(upper)}`);
    else if (lower !== null) limits.push(`lower process limit ${value(lower)}`);
    else if (upper !== null) limits.push(`upper process limit ${value(upper)}`);
    if (limits.length > 0) parts.push(`${capitalise(limits.join(', '))}.`);
  }
  const target = spark.target?.[last] ?? null;
  if (target !== null) {
    const changed = spark.target!.some((t, i) => i > 0 && t !== spark.target![i - 1]);
    parts.push(`Target ${value(target)}${changed ? ' (it changed over the period)' : ''}.`);
  }
  const ghosts = new Set(spark.ghosts);
  const counts = [
    ['special cause improvement', countIn(spark.improvement, n, ghosts)],
    ['special cause concern', countIn(spark.concern, n, ghosts)],
    ['special cause neither improvement nor concern', countIn(spark.neither, n, ghosts)],
  ] as const;
  const special = counts.filter(([, count]) => count > 0).map(([what, count]) => `${count} ${what}`);
  parts.push(special.length === 0 ? 'No special cause points.' : `Points: ${special.join(', ')}.`);
  const ghosted = countIn(spark.ghosts, n, new Set());
  if (ghosted > 0) parts.push(`${plural(ghosted, 'point is', 'points are')} ghosted (not used).`);
  const annotated = countIn(spark.annotated, n, new Set());
  if (annotated > 0) parts.push(`${plural(annotated, 'point has', 'points have')} annotations.`);
  const groups = sparklineGroups(spark.mean);
  const rebases = groups[last]!;
  if (rebases > 0) parts.push(`Limits recalculated ${rebases === 1 ? 'once' : `${rebases} times`}.`);
  return parts.join(' ');
}

/**
 * Renders a sparkline as a standalone SVG (`<svg role="img">` with `<title>` and `<desc>`, the
 * text alternative), 300 × 120 by default; the root's `viewBox` lets CSS scale it to its
 * container's width (`width: 100%; height: auto`). Pure: no DOM, no I/O; fast enough for dozens on a page.
 *
 * Draws the value line through the points that are not ghosted; each point as in the full chart
 * (coloured and shaped by type: common cause a small grey dot, improvement a larger blue circle,
 * concern an orange diamond, neither a purple triangle up or down, ghosted hollow), smaller; the
 * centre line solid, the process limits dashed, each broken where the centre line
 * changes (a recalculation, marked by a faint vertical line); the target red and dash-dotted, in
 * steps where it changes (or, when it is so far from the data that it would flatten them, named
 * below the plot with the side it is on); a small tick above each annotated point; and the first
 * and last periods. No tooltips: the card links to the full chart, and a `<title>` per point made
 * the browser's style recalculation of a page of 50 sparklines about five times slower. Common
 * cause dots are one path; other points carry `data-index` (their index in the arrays).
 * CSS classes: `sparkline`, `value-line`, `line-mean`, `line-upper-limit`, `line-lower-limit`,
 * `line-target`, `target-off-scale`, `rebase`, `points-common` (every common cause dot, one path),
 * `point`, `point-<type>` (special cause; `point-ghost` for ghosts), `annotation-mark`, `period-label`.
 * @throws {RangeError} when `width`/`height` are not positive numbers leaving room for the plot.
 */
export function renderSparkline(spark: SparklineData, options: SparklineOptions = {}): string {
  const width = options.width ?? 300;
  const height = options.height ?? 120;
  const labels = options.periodLabels ?? true;
  const bottom = height - (labels ? PERIOD_BAND + 2 : 4);
  if (!(Number.isFinite(width) && Number.isFinite(height) && width > 2 * PAD_X && bottom - PAD_TOP >= 10)) {
    throw new RangeError(`Sparkline width and height leave no room for the plot (got ${width} × ${height})`);
  }
  const n = spark.values.length;
  const title = options.title ?? options.measure ?? 'Sparkline';
  const formatValue = options.formatValue ?? formatNumber;
  const value = (v: number): string => withUnit(formatValue(v), options.unit);
  const period = options.formatPeriod ?? periodFormatter(spark.periods);
  const id = safeId(
    options.idPrefix ?? hashId('spark', `${title}|${spark.periods[0] ?? ''}|${spark.values.join(',')}`),
  );
  const description =
    options.description ??
    describeSparkline(spark, {
      measure: options.measure ?? options.title,
      chart: options.chart,
      formatPeriod: options.formatPeriod,
      formatValue: options.formatValue,
      unit: options.unit,
    });
  const doc = (body: string): string =>
    svgDocument({ id, width, height, title, description, className: 'sparkline' }, body);

  if (n === 0) {
    return doc(
      textEl(
        'text',
        { x: width / 2, y: height / 2 + 4, 'text-anchor': 'middle', 'font-size': 12, fill: TEXT_SECONDARY },
        'No data yet',
      ),
    );
  }

  // Scales: points centred in equal steps; y over every value and line, padded a little.
  const left = PAD_X;
  const right = width - PAD_X;
  const step = (right - left) / n;
  const xs: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) xs[i] = left + (i + 0.5) * step;
  let lo = Infinity;
  let hi = -Infinity;
  const extend = (list: readonly (number | null)[] | null): void => {
    if (list === null) return;
    for (const v of list) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  extend(spark.values);
  extend(spark.mean);
  extend(spark.lower);
  extend(spark.upper);
  // The target widens the scale only when it is near the data: one far away (a 95% standard for
  // values close to 100%) would flatten the series into a line, so it is named below the plot instead.
  const offScale = lo === Infinity ? null : targetOffScale(spark.target, lo, hi);
  if (offScale === null) extend(spark.target);
  if (lo === Infinity) {
    lo = 0;
    hi = 1;
  }
  const pad = lo === hi ? (lo === 0 ? 1 : Math.abs(lo) * 0.1) : (hi - lo) * 0.06;
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([bottom, PAD_TOP]);

  const groups = sparklineGroups(spark.mean);
  const parts: string[] = [];

  // Faint separators where the limits were recalculated.
  let rebases = '';
  for (let i = 1; i < n; i++) {
    if (groups[i] === groups[i - 1] || spark.mean[i] == null || spark.mean[i - 1] == null) continue;
    const x = left + i * step;
    rebases += el('path', {
      class: 'rebase',
      'data-index': i,
      d: `M${num(x)} ${PAD_TOP}V${num(bottom)}`,
      stroke: LINE_STYLES.rebase.stroke,
      'stroke-width': 1,
      'stroke-dasharray': LINE_STYLES.rebase.dash,
    });
  }
  if (rebases !== '') parts.push(el('g', { class: 'rebases' }, rebases));

  const drawLine = (
    list: readonly (number | null)[] | null,
    cls: string,
    style: LineStyle,
    byGroup: boolean,
  ): string => {
    if (list === null) return '';
    const ys = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      const v = list[i] ?? null;
      ys[i] = v === null || !Number.isFinite(v) ? null : y(v);
    }
    return stepSegments({ xs, ys, groups: byGroup ? groups : undefined, step, gap: 1 })
      .map((seg) =>
        el('path', {
          class: `line ${cls}`,
          d: seg.d,
          fill: 'none',
          stroke: style.stroke,
          'stroke-width': Math.min(style.width, 1.3),
          'stroke-dasharray': style.dash,
        }),
      )
      .join('');
  };
  let lines = '';
  lines += drawLine(spark.upper, 'line-limit line-upper-limit', LINE_STYLES.limit, true);
  lines += drawLine(spark.lower, 'line-limit line-lower-limit', LINE_STYLES.limit, true);
  lines += drawLine(spark.mean, 'line-mean', LINE_STYLES.mean, true);
  // A target belongs to the measure, not to a partition: it does not break at a recalculation.
  if (offScale === null) lines += drawLine(spark.target, 'line-target', LINE_STYLES.target, false);
  if (lines !== '') parts.push(el('g', { class: 'lines' }, lines));

  // The value line, bridging ghosted points.
  const ghosts = new Set(spark.ghosts);
  const used: number[] = [];
  for (let i = 0; i < n; i++) if (!ghosts.has(i) && Number.isFinite(spark.values[i])) used.push(i);
  if (used.length >= 2) {
    const d = line<number>()
      .x((i) => xs[i]!)
      .y((i) => y(spark.values[i]!))
      .digits(2)(used);
    if (d !== null) {
      parts.push(
        el('path', {
          class: 'value-line',
          d,
          fill: 'none',
          stroke: LINE_STYLES.value.stroke,
          'stroke-width': 1.2,
          'stroke-linejoin': 'round',
        }),
      );
    }
  }

  // Annotation ticks at the top.
  let marks = '';
  for (const i of new Set(spark.annotated)) {
    if (i < 0 || i >= n) continue;
    marks += el('path', {
      class: 'annotation-mark',
      'data-index': i,
      d: `M${num(xs[i]!)} 0v${PAD_TOP - 1}`,
      stroke: TEXT_SECONDARY,
      'stroke-width': 1.5,
    });
  }
  if (marks !== '') parts.push(el('g', { class: 'annotations' }, marks));

  // Points: the common cause dots as one path (most of the points: one element, not dozens), then
  // ghosts and special cause markers over them, one element each.
  const kinds = markerKinds(spark);
  const r = COMMON_RADIUS * MARKER_SCALE;
  let dots = '';
  let others = '';
  let special = '';
  for (let i = 0; i < n; i++) {
    const v = spark.values[i]!;
    if (!Number.isFinite(v)) continue;
    const kind = kinds[i]!;
    const cx = xs[i]!;
    const cy = y(v);
    if (kind === 'common_cause') {
      dots += `M${num(cx - r)} ${num(cy)}a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0`;
      continue;
    }
    const markup = marker(
      kind,
      cx,
      cy,
      { class: `point point-${kind}`, 'data-index': i },
      undefined,
      MARKER_SCALE,
    );
    if (kind === 'ghost') others += markup;
    else special += markup;
  }
  const commonDots =
    dots === '' ? '' : el('path', { class: 'points-common', d: dots, fill: pointColour('common_cause') });
  parts.push(el('g', { class: 'points' }, commonDots + others + special));

  if (offScale !== null) {
    const words = `Target ${value(offScale.value)}: ${offScale.side} the chart`;
    parts.push(
      textEl(
        'text',
        {
          class: 'target-off-scale',
          x: width / 2,
          y: labels ? height - 4 : bottom - 2,
          'text-anchor': 'middle',
          'font-size': PERIOD_FONT,
          fill: COLOURS.target,
        },
        `${words} ${offScale.side === 'above' ? '▲' : '▼'}`,
      ),
    );
  }
  if (labels) {
    const first = period(spark.periods[0]!);
    const lastLabel = period(spark.periods[n - 1]!);
    const ly = height - 4;
    let text = textEl(
      'text',
      { class: 'period-label', x: left, y: ly, 'font-size': PERIOD_FONT, fill: TEXT_SECONDARY },
      first,
    );
    if (n > 1) {
      text += textEl(
        'text',
        {
          class: 'period-label',
          x: right,
          y: ly,
          'text-anchor': 'end',
          'font-size': PERIOD_FONT,
          fill: TEXT_SECONDARY,
        },
        lastLabel,
      );
    }
    parts.push(text);
  }
  return doc(parts.join(''));
}
