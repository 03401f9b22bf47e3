/**
 * @module chart
 * The SPC chart as a standalone SVG string: values, centre line, process limits, optional 1σ/2σ
 * lines, target, rebases, annotations, axes, legend, and the variation and assurance icons.
 */
import { line } from 'd3-shape';
import { COLOURS } from '@groundswell/spc';
import type { ChartType, SpcAnalysis, SpcPoint } from '@groundswell/spc';
import { xLabelIndices, yScale } from './axis.js';
import { describeAnalysis } from './describe.js';
import { formatNumber, periodFormatter, withUnit } from './format.js';
import type { PeriodFormatter } from './format.js';
import { renderHeader } from './header.js';
import { centreName, chartTypeName } from './labels.js';
import { layoutLegend, legendHeight, renderLegend } from './legend.js';
import type { LegendItem } from './legend.js';
import { marker } from './markers.js';
import type { MarkerKind } from './markers.js';
import { notesByPoint, renderBadges, renderNoteList } from './notes.js';
import type { SpcChartOptions } from './options.js';
import { stepSegments } from './step-path.js';
import { textWidth } from './text.js';
import { AXIS, LINE_STYLES, TEXT_SECONDARY } from './theme.js';
import type { LineStyle } from './theme.js';
import { AXIS_FONT, LINE_LABEL_FONT, renderLineLabels, renderYAxis } from './plot.js';
import type { PlotArea } from './plot.js';
import { pointTooltip } from './tooltip.js';
import { svgDocument } from './svg-document.js';
import { el, hashId, num, safeId, textEl } from './xml.js';

const X_LABEL_BAND = 24;

/** A proportion of 1 as a percentage, without the sign (`0.7845` → `78.45`). */
const percentOf = (v: number): string => formatNumber(v * 100);

/** The plot area and its scales. */
interface Plot extends PlotArea {
  /** Distance between neighbouring points. */
  readonly step: number;
  /** x of each point. */
  readonly xs: readonly number[];
}

/** The default title: the chart type's short name, or "Run chart". */
function chartName(chart: ChartType, limitsShown: boolean): string {
  return limitsShown ? chartTypeName(chart).replace(/ \(.*\)$/, '') : 'Run chart';
}

/** What the y axis shows by default: what T and G charts count, else the measure, else a generic name. */
function defaultYAxisLabel(chart: ChartType, measure: string | undefined): string | undefined {
  switch (chart) {
    case 't':
      return 'Days between events';
    case 'g':
      return 'Cases between events';
    case 'p':
    case 'pp':
      return measure ?? 'Proportion';
    case 'u':
    case 'up':
      return measure ?? 'Rate';
    case 'c':
      return measure ?? 'Count';
    case 'xmr':
    case 'run':
      return measure;
  }
}

/** A short stable hash of the chart's content, for default element ids. */
function contentId(a: SpcAnalysis, title: string): string {
  let text = `${a.chart}|${title}|`;
  for (const p of a.points) text += `${String(p.period)}=${p.value};`;
  return hashId('spc', text);
}

/** Which partitions share their lines: an inherited partition continues its source's lines. */
function lineGroups(a: SpcAnalysis): number[] {
  const groupOf = new Map<number, number>();
  for (const part of a.partitions) {
    const group = part.inherited ? (groupOf.get(part.partition - 1) ?? part.partition) : part.partition;
    groupOf.set(part.partition, group);
  }
  return a.points.map((p) => groupOf.get(p.partition) ?? p.partition);
}

function markerKind(p: SpcPoint): MarkerKind {
  return p.ghost ? 'ghost' : p.pointType;
}

/** Legend entries for the lines and marker kinds the chart shows. */
function legendItems(a: SpcAnalysis, showSigma: boolean, centreLabel: string): LegendItem[] {
  const points = a.points;
  const has = (f: (p: SpcPoint) => number | null): boolean => points.some((p) => f(p) !== null);
  const items: LegendItem[] = [];
  if (has((p) => p.mean)) items.push({ label: centreLabel, line: LINE_STYLES.mean });
  const upper = has((p) => p.upperLimit);
  const lower = has((p) => p.lowerLimit);
  if (upper || lower) {
    const label = upper && lower ? 'Process limits' : upper ? 'Upper process limit' : 'Lower process limit';
    items.push({ label, line: LINE_STYLES.limit });
  }
  if (showSigma && (has((p) => p.upper2Sigma) || has((p) => p.lower2Sigma))) {
    items.push({ label: '1σ and 2σ lines', line: LINE_STYLES.sigma });
  }
  if (has((p) => p.target)) items.push({ label: 'Target', line: LINE_STYLES.target });
  const kinds = new Set(points.map(markerKind));
  const kindLabels: [MarkerKind, string][] = [
    ['common_cause', a.summary.limitsShown ? 'Common cause' : 'Value'],
    ['improvement', 'Improvement'],
    ['concern', 'Concern'],
    ['neither_high', 'Special cause (high)'],
    ['neither_low', 'Special cause (low)'],
    ['ghost', 'Ghosted (not used)'],
  ];
  for (const [kind, label] of kindLabels) if (kinds.has(kind)) items.push({ label, marker: kind });
  return items;
}

function renderXAxis(a: SpcAnalysis, plot: Plot, period: PeriodFormatter, width: number): string {
  const labels = a.points.map((p) => period(p.period));
  const periods = a.points.map((p) => p.period);
  let out = el('path', {
    d: `M${num(plot.left)} ${num(plot.bottom)}H${num(plot.right)}`,
    stroke: AXIS,
    'stroke-width': 1,
  });
  for (const i of xLabelIndices(periods, labels, plot.step, AXIS_FONT)) {
    const x = plot.xs[i]!;
    const label = labels[i]!;
    const w = textWidth(label, AXIS_FONT);
    const anchor = x - w / 2 < 2 ? 'start' : x + w / 2 > width - 2 ? 'end' : 'middle';
    out += el('path', { d: `M${num(x)} ${num(plot.bottom)}v4`, stroke: AXIS, 'stroke-width': 1 });
    out += textEl(
      'text',
      { x, y: plot.bottom + 17, 'text-anchor': anchor, 'font-size': AXIS_FONT, fill: TEXT_SECONDARY },
      label,
    );
  }
  return el('g', { class: 'x-axis' }, out);
}

/** A faint vertical line where each partition that recalculates its limits begins. */
function renderRebases(a: SpcAnalysis, plot: Plot, period: PeriodFormatter): string {
  let out = '';
  for (const part of a.partitions.slice(1)) {
    const first = a.points[part.start];
    if (part.inherited || first === undefined) continue;
    const x = plot.left + part.start * plot.step;
    out += el(
      'path',
      {
        class: 'rebase',
        d: `M${num(x)} ${num(plot.top)}V${num(plot.bottom)}`,
        stroke: LINE_STYLES.rebase.stroke,
        'stroke-width': LINE_STYLES.rebase.width,
        'stroke-dasharray': LINE_STYLES.rebase.dash,
      },
      textEl('title', {}, `Limits recalculated from ${period(first.period)}`),
    );
  }
  return out === '' ? '' : el('g', { class: 'rebases' }, out);
}

/** One per-point line (centre, limit, σ line, target) as stepped segments, each with a tooltip. */
function renderLine(
  a: SpcAnalysis,
  plot: Plot,
  f: (p: SpcPoint) => number | null,
  cls: string,
  style: LineStyle,
  name: string,
  value: (v: number) => string,
  groups: readonly number[] | undefined,
): string {
  const ys = a.points.map((p) => {
    const v = f(p);
    return v === null ? null : plot.y.scale(v);
  });
  return stepSegments({ xs: plot.xs, ys, groups, step: plot.step })
    .map((seg) => {
      const v = f(a.points[seg.end]!);
      return el(
        'path',
        {
          class: `line ${cls}`,
          d: seg.d,
          fill: 'none',
          stroke: style.stroke,
          'stroke-width': style.width,
          'stroke-dasharray': style.dash,
        },
        v === null ? undefined : textEl('title', {}, `${name}: ${value(v)}`),
      );
    })
    .join('');
}

/** The line through the non-ghosted values (ghosts are bridged, as the moving ranges bridge them). */
function renderValueLine(a: SpcAnalysis, plot: Plot): string {
  const used = a.points.filter((p) => !p.ghost);
  if (used.length < 2) return '';
  const d = line<SpcPoint>()
    .x((p) => plot.xs[p.index]!)
    .y((p) => plot.y.scale(p.value))
    .digits(2)(used);
  return d === null
    ? ''
    : el('path', {
        class: 'value-line',
        d,
        fill: 'none',
        stroke: LINE_STYLES.value.stroke,
        'stroke-width': LINE_STYLES.value.width,
        'stroke-linejoin': 'round',
      });
}

/**
 * Renders an analysis as a standalone SVG (`<svg xmlns=… viewBox=… role="img" aria-labelledby=…>`)
 * with a `<title>` and a `<desc>` (the text alternative, from {@link describeAnalysis} unless
 * `options.description` is given). Pure: no DOM, no I/O. The root carries `width` and `height`
 * (for files and PDF); CSS may override them, the `viewBox` keeps the proportions.
 *
 * Draws the values joined by a line (ghosted points hollow and left out of the line), markers
 * coloured and shaped by point type each with a tooltip (period, value, point type and the rules
 * that fired), the centre line (solid; "centre line" on G charts), process limits (dashed; absent
 * lines are not drawn, so a G chart has no lower limit and a run chart only its centre line),
 * 1σ/2σ lines when asked, the target (red, stepped where it changes), each partition's lines
 * separately with a faint vertical separator where limits were recalculated, numbered annotation
 * markers with their notes listed below the plot, period and value axes, a legend, and the
 * variation and assurance icons with their labels in the top-right corner.
 *
 * @throws {RangeError} when `width`/`height` are not positive numbers or leave no room for the
 * plot, or an annotation's index is not a point of the analysis.
 * @example
 * const svg = renderSpcChart(xmr({ values, periods }, { direction: 'increase', target: 95 }), {
 *   title: 'Patients seen within 4 hours', unit: '%', idPrefix: 'ae-4h',
 * });
 */
export function renderSpcChart(analysis: SpcAnalysis, options: SpcChartOptions = {}): string {
  const a = analysis;
  const width = options.width ?? 800;
  const height = options.height ?? 400;
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new RangeError(`Chart width and height must be positive numbers (got ${width} × ${height})`);
  }
  const points = a.points;
  const n = points.length;
  const annotations = options.annotations ?? [];
  for (const note of annotations) {
    if (!Number.isInteger(note.index) || note.index < 0 || note.index >= n) {
      throw new RangeError(`Annotation index ${note.index} is not a point of the chart (0–${n - 1})`);
    }
  }

  const percent = options.percent === true;
  const unit = options.unit ?? (percent ? '%' : a.chart === 't' ? 'days' : undefined);
  const formatValue = options.formatValue ?? (percent ? percentOf : formatNumber);
  const value = (v: number): string => withUnit(formatValue(v), unit);
  const period = options.formatPeriod ?? periodFormatter(points.map((p) => p.period));
  const title = options.title ?? chartName(a.chart, a.summary.limitsShown);
  const id = safeId(options.idPrefix ?? contentId(a, title));
  const description =
    options.description ??
    describeAnalysis(a, {
      measure: options.measure ?? options.title,
      formatPeriod: options.formatPeriod,
      formatValue: percent ? formatValue : options.formatValue,
      unit: percent ? unit : options.unit,
    });
  const showSigma = options.showSigmaLines === true && a.summary.limitsShown;
  const centre = centreName(a.chart);
  const centreLabel = centre.charAt(0).toUpperCase() + centre.slice(1);

  // Vertical layout: header, plot, x labels, legend.
  const header = renderHeader(a, title, width);
  const legend = legendItems(a, showSigma, centreLabel);
  const top = header.height + 14;
  const bottom = height - (X_LABEL_BAND + 6 + legendHeight(layoutLegend(legend, width - 32).rows) + 8);
  if (bottom - top < 40) throw new RangeError(`Chart height ${height} leaves no room for the plot`);
  const domain: (number | null)[] = [];
  for (const p of points) {
    domain.push(p.value, p.mean, p.lowerLimit, p.upperLimit, p.target);
    if (showSigma) domain.push(p.lower1Sigma, p.upper1Sigma, p.lower2Sigma, p.upper2Sigma);
  }
  const y = yScale(domain, top, bottom, { percent });
  const tickText = (v: number): string => (unit === '%' && !percent ? `${y.format(v)}%` : y.format(v));

  // Horizontal layout: y tick labels at the left, the latest lines' labels at the right.
  const yAxisLabel = options.yAxisLabel ?? defaultYAxisLabel(a.chart, options.measure);
  const tickWidth = Math.max(0, ...y.ticks.map((t) => textWidth(tickText(t), AXIS_FONT)));
  const left = 12 + (yAxisLabel !== undefined && yAxisLabel !== '' ? 20 : 0) + tickWidth + 8;
  const lineLabels: { text: string; colour: string; y: number; cls: string }[] = [];
  const last = points[n - 1];
  if (last !== undefined) {
    const add = (v: number | null, text: string, colour: string, cls: string): void => {
      if (v !== null) lineLabels.push({ text: `${text} ${value(v)}`, colour, y: y.scale(v), cls });
    };
    add(last.upperLimit, 'UPL', LINE_STYLES.limit.stroke, 'upper-limit');
    add(last.mean, centre === 'centre line' ? 'Centre' : centreLabel, LINE_STYLES.mean.stroke, 'mean');
    add(last.lowerLimit, 'LPL', LINE_STYLES.limit.stroke, 'lower-limit');
    add(last.target, 'Target', COLOURS.target, 'target');
  }
  const labelWidth = Math.max(0, ...lineLabels.map((l) => textWidth(l.text, LINE_LABEL_FONT)));
  const right = width - Math.max(16, labelWidth + 14);
  if (right - left < 40) throw new RangeError(`Chart width ${width} leaves no room for the plot`);
  const step = (right - left) / Math.max(1, n);
  const plot: Plot = { left, right, top, bottom, step, xs: points.map((_, i) => left + (i + 0.5) * step), y };

  const parts: string[] = [
    el('rect', { class: 'background', width, height: '100%', fill: '#FFFFFF' }),
    renderYAxis(plot, tickText, yAxisLabel),
    renderXAxis(a, plot, period, width),
    renderRebases(a, plot, period),
  ];

  const groups = lineGroups(a);
  const draw = (f: (p: SpcPoint) => number | null, cls: string, style: LineStyle, name: string): string =>
    renderLine(a, plot, f, cls, style, name, value, groups);
  let lines = '';
  if (showSigma) {
    lines += draw((p) => p.upper2Sigma, 'line-sigma line-upper-2sigma', LINE_STYLES.sigma, 'Upper 2σ line');
    lines += draw((p) => p.upper1Sigma, 'line-sigma line-upper-1sigma', LINE_STYLES.sigma, 'Upper 1σ line');
    lines += draw((p) => p.lower1Sigma, 'line-sigma line-lower-1sigma', LINE_STYLES.sigma, 'Lower 1σ line');
    lines += draw((p) => p.lower2Sigma, 'line-sigma line-lower-2sigma', LINE_STYLES.sigma, 'Lower 2σ line');
  }
  lines += draw((p) => p.upperLimit, 'line-limit line-upper-limit', LINE_STYLES.limit, 'Upper process limit');
  lines += draw((p) => p.lowerLimit, 'line-limit line-lower-limit', LINE_STYLES.limit, 'Lower process limit');
  lines += draw((p) => p.mean, 'line-mean', LINE_STYLES.mean, centreLabel);
  // A target belongs to the measure, not to a partition: it does not break at a rebase.
  lines += renderLine(
    a,
    plot,
    (p) => p.target,
    'line-target',
    LINE_STYLES.target,
    'Target',
    value,
    undefined,
  );
  parts.push(el('g', { class: 'lines' }, lines), renderValueLine(a, plot));

  const notesAt = notesByPoint(annotations);
  let markers = '';
  let badges = '';
  for (const p of points) {
    const x = plot.xs[p.index]!;
    const py = y.scale(p.value);
    const numbers = notesAt.get(p.index) ?? [];
    const notes = numbers.map((k) => `Note ${k}: ${annotations[k - 1]!.text}`);
    markers += marker(
      markerKind(p),
      x,
      py,
      { class: `point point-${p.ghost ? 'ghost' : p.pointType.replace('_', '-')}`, 'data-index': p.index },
      textEl('title', {}, pointTooltip(a, p, period(p.period), value(p.value), notes)),
    );
    if (numbers.length > 0) badges += renderBadges(numbers, annotations, x, py, top);
  }
  parts.push(el('g', { class: 'points' }, markers));
  if (badges !== '') parts.push(el('g', { class: 'annotations' }, badges));

  const labels = renderLineLabels(lineLabels, top, bottom, right);
  if (labels !== '') parts.push(labels);
  parts.push(header.markup);
  if (legend.length > 0) parts.push(renderLegend(legend, 16, bottom + X_LABEL_BAND + 6, width - 32));
  const noteList = renderNoteList(
    annotations.map((note) => note.text),
    height,
    width,
  );
  if (noteList.height > 0) parts.push(noteList.markup);
  const totalHeight = height + noteList.height;

  return svgDocument(
    { id, width, height: totalHeight, title, description, className: 'spc-chart' },
    parts.join(''),
  );
}
