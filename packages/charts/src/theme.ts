/**
 * @module theme
 * Fonts, text colours and line styles of the chart (NHS identity greys; Making Data Count
 * colours for the target and the points).
 */
import { COLOURS } from '@groundswell/spc';

/** The font stack: Arial as in NHS documents, with the usual fallbacks. */
export const FONT = 'Arial, Helvetica, sans-serif';
/** Main text (NHS black). */
export const TEXT = '#212B32';
/** Secondary text: axes, subtitle, legend (NHS dark grey). */
export const TEXT_SECONDARY = '#4C6272';
/** Axis lines and rebase separators. */
export const AXIS = '#AEB7BD';
/** Grid lines. */
export const GRID = '#E8EDEE';

/** A line's look: colour, width, dash pattern. */
export interface LineStyle {
  readonly stroke: string;
  readonly width: number;
  readonly dash?: string | undefined;
}

/**
 * Line styles. The centre line is solid, the process limits dashed, the 1σ/2σ lines dotted and
 * lighter, the target red and dash-dotted: each can be told apart without its colour.
 */
export const LINE_STYLES = {
  mean: { stroke: '#425563', width: 1.6 },
  limit: { stroke: '#768692', width: 1.3, dash: '6 4' },
  sigma: { stroke: '#AEB7BD', width: 1, dash: '2 3' },
  target: { stroke: COLOURS.target, width: 1.6, dash: '9 3 2 3' },
  value: { stroke: '#9A9A9A', width: 1.5 },
  rebase: { stroke: AXIS, width: 1, dash: '3 3' },
} as const satisfies Record<string, LineStyle>;

/** The highlighted unit of a funnel plot: its ring and label (NHS blue). */
export const HIGHLIGHT = '#005EB8';

/**
 * Funnel plot lines: the target (pooled average) solid like a centre line, the widest limits
 * dashed and darker, narrower limits dotted and lighter.
 */
export const FUNNEL_LINE_STYLES = {
  target: LINE_STYLES.mean,
  outer: { stroke: '#425563', width: 1.4, dash: '7 4' },
  inner: { stroke: '#768692', width: 1.2, dash: '2 3' },
} as const satisfies Record<string, LineStyle>;
