/**
 * @module funnel-chart
 * The funnel plot as a standalone SVG string: one point per unit against its denominator, the
 * target line, the limit curves of each level, an optional highlighted unit, axes, a legend and
 * notes on the result's warnings. Units are drawn in the order given: never ranked.
 */
import { line } from 'd3-shape';
import type {
  FunnelCurve,
  FunnelCurvePoint,
  FunnelResult,
  FunnelType,
  FunnelUnitResult,
} from '@groundswell/spc';
import { denominatorScale, yScale } from './axis.js';
import type { DenominatorScale } from './axis.js';
import { formatNumber } from './format.js';
import { describeFunnel, findHighlight } from './funnel-describe.js';
import {
  DEFAULT_UNIT_NOUN,
  countOf,
  countsText,
  crossingText,
  defaultFunnelFormatter,
  funnelTypeName,
  levelText,
  levelsText,
  phiText,
  targetName,
  widestLevel,
  zText,
} from './funnel-labels.js';
import { renderTitleHeader } from './header.js';
import { layoutLegend, legendHeight, renderLegend } from './legend.js';
import type { LegendItem } from './legend.js';
import { highlightRing, marker } from './markers.js';
import type { MarkerKind } from './markers.js';
import { renderNoteList } from './notes.js';
import type { FunnelChartOptions } from './options.js';
import { AXIS_FONT, LINE_LABEL_FONT, renderLineLabels, renderYAxis } from './plot.js';
import type { PlotArea } from './plot.js';
import { textWidth, truncateText } from './text.js';
import { AXIS, FUNNEL_LINE_STYLES, HIGHLIGHT, TEXT_SECONDARY } from './theme.js';
import type { LineStyle } from './theme.js';
import { svgDocument } from './svg-document.js';
import { el, hashId, num, safeId, textEl } from './xml.js';

/** Space below the plot for the x tick labels, then for the x axis label. */
const X_TICK_BAND = 20;
const X_LABEL_BAND = 16;
const HIGHLIGHT_FONT = 12;

/** The plot area with both scales. */
interface FunnelPlot extends PlotArea {
  readonly x: DenominatorScale;
}

function defaultXAxisLabel(type: FunnelType): string {
  return type === 'ratio' ? 'Expected count' : 'Denominator';
}

function defaultYAxisLabel(type: FunnelType): string {
  switch (type) {
    case 'proportion':
      return 'Proportion';
    case 'ratio':
      return 'Ratio (observed ÷ expected)';
    case 'ratio-of-counts':
      return 'Ratio';
  }
}

/** The marker of a unit: a small grey dot inside the widest limits, a triangle up or down beyond them. */
function unitMarkerKind(u: FunnelUnitResult): MarkerKind {
  return u.outlier === 'high' ? 'neither_high' : u.outlier === 'low' ? 'neither_low' : 'common_cause';
}

/** The CSS classes of a unit's marker. */
function unitClass(u: FunnelUnitResult): string {
  return `point point-${u.outlier ?? 'inside'}`;
}

/** A short stable hash of the plot's content, for default element ids. */
function contentId(r: FunnelResult, title: string): string {
  let text = `${r.type}|${title}|`;
  for (const u of r.units) text += `${u.unit}=${u.numerator}/${u.denominator};`;
  return hashId('funnel', text);
}

/** The style of a level's curves: the widest dashed and darker, the others dotted and lighter. */
function curveStyle(r: FunnelResult, level: number): LineStyle {
  return level === widestLevel(r) ? FUNNEL_LINE_STYLES.outer : FUNNEL_LINE_STYLES.inner;
}

/** Legend entries: the target, the levels (widest first), the kinds of marker shown, the highlight, the adjustment. */
function legendItems(r: FunnelResult, highlighted: FunnelUnitResult | undefined): LegendItem[] {
  const items: LegendItem[] = [{ label: targetName(r.type), line: FUNNEL_LINE_STYLES.target }];
  for (const level of [...r.levels].reverse()) {
    items.push({ label: `${levelText(level)} limits`, line: curveStyle(r, level) });
  }
  const widest = widestLevel(r);
  if (widest !== undefined) {
    const w = levelText(widest);
    const shown = new Set(r.units.map((u) => u.outlier));
    if (shown.has(null)) items.push({ label: `Within the ${w} limits`, marker: 'common_cause' });
    if (shown.has('high')) items.push({ label: `Above the ${w} limit`, marker: 'neither_high' });
    if (shown.has('low')) items.push({ label: `Below the ${w} limit`, marker: 'neither_low' });
  }
  if (highlighted !== undefined) {
    items.push({ label: truncateText(highlighted.unit, 11, 260), marker: 'highlight' });
  }
  if (r.adjusted)
    items.push({ label: `Limits adjusted for overdispersion (φ = ${phiText(r.phi)})`, note: true });
  return items;
}

/** The chart's subtitle, e.g. `Proportions · 10 organisations · 95% and 99.8% limits`. */
function subtitle(r: FunnelResult, unitCount: string): string {
  const what = funnelTypeName(r.type, true);
  const parts = [what.charAt(0).toUpperCase() + what.slice(1), unitCount];
  if (r.levels.length > 0) {
    parts.push(`${levelsText(r.levels)} limits${r.adjusted ? ', adjusted for overdispersion' : ''}`);
  }
  return parts.join(' · ');
}

/** The x axis: a baseline, tick marks and labels, and its label centred below. */
function renderXAxis(plot: FunnelPlot, label: string, width: number): string {
  let out = el('path', {
    d: `M${num(plot.left)} ${num(plot.bottom)}H${num(plot.right)}`,
    stroke: AXIS,
    'stroke-width': 1,
  });
  for (const t of plot.x.ticks) {
    const x = plot.x.scale(t);
    const text = formatNumber(t);
    const w = textWidth(text, AXIS_FONT);
    const anchor = x - w / 2 < 2 ? 'start' : x + w / 2 > width - 2 ? 'end' : 'middle';
    out += el('path', { d: `M${num(x)} ${num(plot.bottom)}v4`, stroke: AXIS, 'stroke-width': 1 });
    out += textEl(
      'text',
      { x, y: plot.bottom + 17, 'text-anchor': anchor, 'font-size': AXIS_FONT, fill: TEXT_SECONDARY },
      text,
    );
  }
  let markup = el('g', { class: 'x-axis' }, out);
  if (label !== '') {
    markup += textEl(
      'text',
      {
        class: 'x-axis-label',
        x: (plot.left + plot.right) / 2,
        y: plot.bottom + X_TICK_BAND + X_LABEL_BAND - 2,
        'text-anchor': 'middle',
        'font-size': AXIS_FONT,
        fill: TEXT_SECONDARY,
      },
      truncateText(label, AXIS_FONT, plot.right - plot.left),
    );
  }
  return markup;
}

/** One side of a level's limits as a path (breaking where a limit is not finite), with a tooltip. */
function renderCurve(
  plot: FunnelPlot,
  curve: FunnelCurve,
  side: 'upper' | 'lower',
  style: LineStyle,
  outer: boolean,
): string {
  const finite = (p: FunnelCurvePoint): boolean => Number.isFinite(p[side]);
  const shown = curve.points.filter(finite);
  if (shown.length === 0) return '';
  let d: string | null;
  if (curve.points.length === 1) {
    // All denominators equal: the limit is a single value, drawn as a short level mark.
    const p = shown[0]!;
    const x = plot.x.scale(p.denominator);
    d = `M${num(x - 20)} ${num(plot.y.scale(p[side]))}H${num(Math.min(x + 20, plot.right))}`;
  } else {
    d = line<FunnelCurvePoint>()
      .defined(finite)
      .x((p) => plot.x.scale(p.denominator))
      .y((p) => plot.y.scale(p[side]))
      .digits(2)(curve.points);
  }
  if (d === null) return '';
  const name = `${side === 'upper' ? 'Upper' : 'Lower'} ${levelText(curve.level)} limit`;
  return el(
    'path',
    {
      class: `line funnel-limit funnel-limit-${side} funnel-limit-${outer ? 'outer' : 'inner'}`,
      'data-level': String(curve.level),
      d,
      fill: 'none',
      stroke: style.stroke,
      'stroke-width': style.width,
      'stroke-dasharray': style.dash,
    },
    textEl('title', {}, name),
  );
}

/** A unit's tooltip: name, value with its counts, z-score, and where it lies against the limits. */
function unitTooltip(r: FunnelResult, u: FunnelUnitResult, value: (v: number) => string): string {
  const where = crossingText(u);
  return [
    u.unit,
    `${value(u.value)} (${countsText(r.type, u)})`,
    `z = ${zText(u.z)}`,
    where.charAt(0).toUpperCase() + where.slice(1),
  ].join('\n');
}

/**
 * Renders a funnel plot as a standalone SVG (`<svg xmlns=… viewBox=… role="img" aria-labelledby=…>`)
 * with a `<title>` and a `<desc>` (the text alternative, from {@link describeFunnel} unless
 * `options.description` is given). Pure: no DOM, no I/O.
 *
 * The x axis is the denominator (expected count for standardised ratios), linear from 0, or
 * logarithmic (and labelled so) when the largest denominator is more than 50 times the smallest;
 * the y axis the value, covering every unit and every finite point of the limit curves. Draws the
 * target (solid: the pooled average, or 1 for standardised ratios), the lower and upper limit
 * curves of each level (the widest dashed and darker, narrower ones dotted and lighter, each
 * labelled with its level at the right), and one point per unit in the order given: a small grey
 * dot within the widest limits, a larger triangle pointing up above them or down below them. Each
 * point has a tooltip: the unit, its value and counts, its z-score and the limit it crosses in
 * words. The highlighted unit is drawn last, ringed and labelled with its name. The legend names
 * the levels and, when the limits were adjusted, φ; the result's warnings are listed below.
 *
 * @throws {RangeError} when `width`/`height` are not positive numbers or leave no room for the
 * plot, or `highlight` is not the name of a unit.
 * @example
 * const svg = renderFunnelChart(funnel(units, { type: 'proportion' }), {
 *   title: 'Deaths within 30 days of admission', highlight: 'Trust3', idPrefix: 'mortality',
 * });
 */
export function renderFunnelChart(result: FunnelResult, options: FunnelChartOptions = {}): string {
  const r = result;
  const width = options.width ?? 800;
  const height = options.height ?? 450;
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new RangeError(`Chart width and height must be positive numbers (got ${width} × ${height})`);
  }
  const highlighted = findHighlight(r, options.highlight);
  const noun = options.unitNoun ?? DEFAULT_UNIT_NOUN;
  const value = options.formatValue ?? defaultFunnelFormatter(r.type);
  const title = options.title ?? 'Funnel plot';
  const id = safeId(options.idPrefix ?? contentId(r, title));
  const description =
    options.description ??
    describeFunnel(r, {
      measure: options.measure ?? options.title,
      formatValue: options.formatValue,
      highlight: options.highlight,
      unitNoun: options.unitNoun,
    });

  // Vertical layout: header, plot, x ticks and label, legend.
  const header = renderTitleHeader(title, subtitle(r, countOf(r.units.length, noun)), width);
  const legend = legendItems(r, highlighted);
  const top = header.height + 14;
  const bottom =
    height - (X_TICK_BAND + X_LABEL_BAND + 8 + legendHeight(layoutLegend(legend, width - 32).rows) + 8);
  if (bottom - top < 40) throw new RangeError(`Chart height ${height} leaves no room for the plot`);
  const domain: number[] = [r.target];
  for (const u of r.units) domain.push(u.value);
  for (const c of r.curves) for (const p of c.points) domain.push(p.lower, p.upper);
  const proportion = r.type === 'proportion';
  const y = yScale(domain, top, bottom, {
    percent: proportion && options.formatValue === undefined,
    max: proportion ? 1 : undefined,
  });
  const tickText = options.formatValue ?? y.format;

  // Horizontal layout: y tick labels at the left, the curves' and target's labels at the right.
  const yAxisLabel = options.yAxisLabel ?? options.measure ?? defaultYAxisLabel(r.type);
  const tickWidth = Math.max(0, ...y.ticks.map((t) => textWidth(tickText(t), AXIS_FONT)));
  const left = 12 + (yAxisLabel !== '' ? 20 : 0) + tickWidth + 8;
  const lineLabels: { text: string; colour: string; y: number; cls: string }[] = [];
  if (Number.isFinite(r.target)) {
    const name = r.type === 'ratio' ? 'Expected' : 'Overall';
    lineLabels.push({
      text: `${name} ${value(r.target)}`,
      colour: FUNNEL_LINE_STYLES.target.stroke,
      y: y.scale(r.target),
      cls: 'target',
    });
  }
  for (const c of r.curves) {
    const end = c.points[c.points.length - 1];
    if (end === undefined) continue;
    const colour = curveStyle(r, c.level).stroke;
    for (const side of ['upper', 'lower'] as const) {
      if (Number.isFinite(end[side])) {
        lineLabels.push({ text: levelText(c.level), colour, y: y.scale(end[side]), cls: `limit-${side}` });
      }
    }
  }
  const labelWidth = Math.max(0, ...lineLabels.map((l) => textWidth(l.text, LINE_LABEL_FONT)));
  const right = width - Math.max(16, labelWidth + 14);
  if (right - left < 40) throw new RangeError(`Chart width ${width} leaves no room for the plot`);
  const x = denominatorScale(
    r.units.map((u) => u.denominator),
    left,
    right,
    formatNumber,
    AXIS_FONT,
  );
  const plot: FunnelPlot = { left, right, top, bottom, y, x };
  const xAxisLabel = options.xAxisLabel ?? defaultXAxisLabel(r.type);

  const parts: string[] = [
    el('rect', { class: 'background', width, height: '100%', fill: '#FFFFFF' }),
    renderYAxis(plot, tickText, yAxisLabel),
    renderXAxis(plot, x.log && xAxisLabel !== '' ? `${xAxisLabel} (log scale)` : xAxisLabel, width),
  ];

  // Narrower levels first, so the widest limits are drawn over them.
  let lines = '';
  for (const c of r.curves) {
    const style = curveStyle(r, c.level);
    const outer = c.level === widestLevel(r);
    lines += renderCurve(plot, c, 'upper', style, outer) + renderCurve(plot, c, 'lower', style, outer);
  }
  if (Number.isFinite(r.target)) {
    const ty = y.scale(r.target);
    lines += el(
      'path',
      {
        class: 'line line-target funnel-target',
        d: `M${num(left)} ${num(ty)}H${num(right)}`,
        fill: 'none',
        stroke: FUNNEL_LINE_STYLES.target.stroke,
        'stroke-width': FUNNEL_LINE_STYLES.target.width,
      },
      textEl('title', {}, `${targetName(r.type)}: ${value(r.target)}`),
    );
  }
  parts.push(el('g', { class: 'lines' }, lines));

  // Units in the order given; those within the limits first so the flagged ones stay visible.
  const drawUnit = (u: FunnelUnitResult): string =>
    marker(
      unitMarkerKind(u),
      x.scale(u.denominator),
      y.scale(u.value),
      { class: unitClass(u), 'data-unit': u.unit },
      textEl('title', {}, unitTooltip(r, u, value)),
    );
  let points = '';
  for (const u of r.units) if (u !== highlighted && u.outlier === null) points += drawUnit(u);
  for (const u of r.units) if (u !== highlighted && u.outlier !== null) points += drawUnit(u);
  parts.push(el('g', { class: 'points' }, points));

  const labels = renderLineLabels(lineLabels, top, bottom, right);
  if (labels !== '') parts.push(labels);

  if (highlighted !== undefined) {
    const hx = x.scale(highlighted.denominator);
    const hy = y.scale(highlighted.value);
    const name = truncateText(highlighted.unit, HIGHLIGHT_FONT, Math.max(60, (right - left) / 2), true);
    const w = textWidth(name, HIGHLIGHT_FONT, true);
    // Right of the point, unless that runs into the labels at the right and there is room at the left.
    const before = hx + 12 + w > right && hx - 12 - w >= 4;
    // Above the point, clear of the ring and of the target line it often sits on.
    const ly = Math.min(Math.max(hy - 9, top + 10), bottom - 4);
    parts.push(
      el(
        'g',
        { class: 'highlight' },
        el(
          'g',
          { class: `${unitClass(highlighted)} point-highlight`, 'data-unit': highlighted.unit },
          textEl('title', {}, unitTooltip(r, highlighted, value)) +
            highlightRing(hx, hy) +
            marker(unitMarkerKind(highlighted), hx, hy),
        ) +
          textEl(
            'text',
            {
              class: 'highlight-label',
              x: before ? hx - 12 : hx + 12,
              y: ly,
              'text-anchor': before ? 'end' : 'start',
              'font-size': HIGHLIGHT_FONT,
              'font-weight': 700,
              fill: HIGHLIGHT,
              stroke: '#FFFFFF',
              'stroke-width': 3,
              'stroke-linejoin': 'round',
              'paint-order': 'stroke',
            },
            name,
          ),
      ),
    );
  }

  parts.push(header.markup);
  if (legend.length > 0) {
    parts.push(renderLegend(legend, 16, bottom + X_TICK_BAND + X_LABEL_BAND + 8, width - 32));
  }
  const notes = renderNoteList(r.warnings, height, width, () => 'Note:');
  if (notes.height > 0) parts.push(notes.markup);
  const totalHeight = height + notes.height;

  return svgDocument(
    { id, width, height: totalHeight, title, description, className: 'funnel-chart' },
    parts.join(''),
  );
}
