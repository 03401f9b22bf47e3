/**
 * @module legend
 * The legend below the plot: a swatch and a label per kind of line and marker shown, laid out
 * in rows that wrap at the available width.
 */
import { marker } from './markers.js';
import type { MarkerKind } from './markers.js';
import { textWidth } from './text.js';
import { TEXT_SECONDARY } from './theme.js';
import type { LineStyle } from './theme.js';
import { el, num, textEl } from './xml.js';

/** A legend entry: a line sample or a marker with its label, or a note (text only). */
export type LegendItem =
  | { readonly label: string; readonly line: LineStyle }
  | { readonly label: string; readonly marker: MarkerKind }
  | { readonly label: string; readonly note: true };

const SWATCH = 22;
const FONT_SIZE = 11;
const ROW = 17;
const ITEM_GAP = 16;

/** The width of an item's label, after its swatch when it has one. */
const itemWidth = (item: LegendItem): number =>
  ('note' in item ? 0 : SWATCH + 6) + textWidth(item.label, FONT_SIZE);

/** Positions of legend items in rows no wider than `maxWidth`. */
export function layoutLegend(
  items: readonly LegendItem[],
  maxWidth: number,
): { readonly rows: number; readonly placed: readonly { item: LegendItem; x: number; row: number }[] } {
  const placed: { item: LegendItem; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = itemWidth(item);
    if (x > 0 && x + w > maxWidth) {
      row++;
      x = 0;
    }
    placed.push({ item, x, row });
    x += w + ITEM_GAP;
  }
  return { rows: items.length === 0 ? 0 : row + 1, placed };
}

/** Height in pixels of a legend with `rows` rows. */
export const legendHeight = (rows: number): number => rows * ROW;

/** The legend's markup, its first row centred on `top + ROW / 2`, starting at `left`. */
export function renderLegend(
  items: readonly LegendItem[],
  left: number,
  top: number,
  maxWidth: number,
): string {
  const { placed } = layoutLegend(items, maxWidth);
  let out = '';
  for (const { item, x, row } of placed) {
    const cx = left + x;
    const cy = top + row * ROW + ROW / 2;
    if ('note' in item) {
      out += textEl(
        'text',
        { class: 'legend-note', x: cx, y: cy + 4, 'font-size': FONT_SIZE, fill: TEXT_SECONDARY },
        item.label,
      );
      continue;
    }
    const swatch =
      'line' in item
        ? el('path', {
            d: `M${num(cx)} ${num(cy)}h${SWATCH}`,
            stroke: item.line.stroke,
            'stroke-width': item.line.width,
            'stroke-dasharray': item.line.dash,
          })
        : marker(item.marker, cx + SWATCH / 2, cy);
    out +=
      swatch +
      textEl(
        'text',
        { x: cx + SWATCH + 6, y: cy + 4, 'font-size': FONT_SIZE, fill: TEXT_SECONDARY },
        item.label,
      );
  }
  return el('g', { class: 'legend' }, out);
}
