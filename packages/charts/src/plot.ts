/**
 * @module plot
 * Pieces shared by the charts' plot areas: the value axis with its grid lines, and labels at the
 * right of the plot moved apart so they do not overlap.
 */
import type { YScale } from './axis.js';
import { truncateText } from './text.js';
import { GRID, TEXT_SECONDARY } from './theme.js';
import { el, num, textEl } from './xml.js';

/** Font size of axis ticks and labels. */
export const AXIS_FONT = 11;
/** Font size of the labels of lines at the right of the plot. */
export const LINE_LABEL_FONT = 10;

/** The plot area (pixels) and its value scale. */
export interface PlotArea {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly y: YScale;
}

/** Moves labels apart vertically so that neighbours are at least `gap` apart, within [top, bottom]. */
export function spreadLabels<T extends { y: number }>(
  labels: T[],
  gap: number,
  top: number,
  bottom: number,
): T[] {
  const sorted = [...labels].sort((p, q) => p.y - q.y);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.y - prev.y < gap) cur.y = prev.y + gap;
  }
  const last = sorted[sorted.length - 1];
  if (last !== undefined && last.y > bottom) {
    last.y = bottom;
    for (let i = sorted.length - 2; i >= 0; i--) {
      const next = sorted[i + 1]!;
      const cur = sorted[i]!;
      if (next.y - cur.y < gap) cur.y = next.y - gap;
    }
  }
  for (const l of sorted) l.y = Math.max(top, l.y);
  return sorted;
}

/** The value axis: a grid line and a label per tick, and the axis label turned upright at the left. */
export function renderYAxis(
  plot: PlotArea,
  tickText: (v: number) => string,
  label: string | undefined,
): string {
  let out = '';
  for (const t of plot.y.ticks) {
    const ty = plot.y.scale(t);
    out += el('path', {
      d: `M${num(plot.left)} ${num(ty)}H${num(plot.right)}`,
      stroke: GRID,
      'stroke-width': 1,
    });
    out += textEl(
      'text',
      { x: plot.left - 6, y: ty + 4, 'text-anchor': 'end', 'font-size': AXIS_FONT, fill: TEXT_SECONDARY },
      tickText(t),
    );
  }
  let markup = el('g', { class: 'y-axis' }, out);
  if (label !== undefined && label !== '') {
    markup += textEl(
      'text',
      {
        class: 'y-axis-label',
        transform: `translate(16 ${num((plot.top + plot.bottom) / 2)}) rotate(-90)`,
        'text-anchor': 'middle',
        'font-size': AXIS_FONT,
        fill: TEXT_SECONDARY,
      },
      truncateText(label, AXIS_FONT, plot.bottom - plot.top),
    );
  }
  return markup;
}

/** A label at the right-hand end of a horizontal line (mean, limits, target). */
export interface LineLabel {
  readonly y: number;
  readonly text: string;
  readonly colour: string;
  /** Added to the class name: `line-label-<cls>`. */
  readonly cls: string;
}

/** The labels of the lines at the right of the plot, spread so that they don't overlap ('' if none). */
export function renderLineLabels(
  lineLabels: LineLabel[],
  top: number,
  bottom: number,
  right: number,
): string {
  let labels = '';
  for (const l of spreadLabels(lineLabels, 12, top, bottom)) {
    labels += textEl(
      'text',
      {
        class: `line-label line-label-${l.cls}`,
        x: right + 6,
        y: l.y + 3.5,
        'font-size': LINE_LABEL_FONT,
        fill: l.colour,
      },
      l.text,
    );
  }
  return labels === '' ? '' : el('g', { class: 'line-labels' }, labels);
}
