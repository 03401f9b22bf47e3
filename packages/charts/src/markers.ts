/**
 * @module markers
 * Point markers. Colour shows the point type (Making Data Count colours) and so does shape, for
 * readers who cannot tell the colours apart: common cause is a small grey dot, improvement a
 * larger circle, concern a diamond, neither a triangle pointing up (high) or down (low), and a
 * ghosted point a hollow circle. A highlighted point (funnel plots) is ringed in NHS blue.
 */
import { COLOURS } from '@groundswell/spc';
import type { PointType } from '@groundswell/spc';
import { HIGHLIGHT } from './theme.js';
import { el, num } from './xml.js';
import type { AttrValue } from './xml.js';

/** What a marker shows: a point type, a ghosted point, or a highlighted one (a dot in a ring, for legends). */
export type MarkerKind = PointType | 'ghost' | 'highlight';

/** The fill colour of a point type. */
export function pointColour(type: PointType): string {
  switch (type) {
    case 'common_cause':
      return COLOURS.commonCause;
    case 'improvement':
      return COLOURS.improvement;
    case 'concern':
      return COLOURS.concern;
    case 'neither_high':
    case 'neither_low':
      return COLOURS.neither;
  }
}

/**
 * A marker centred on (x, y). `extra` attributes (class, data-*) come first; `children` (e.g. a
 * `<title>`) go inside the element. `scale` shrinks or grows the shape (sparklines draw them smaller).
 */
export function marker(
  kind: MarkerKind,
  x: number,
  y: number,
  extra: Readonly<Record<string, AttrValue>> = {},
  children?: string,
  scale = 1,
): string {
  switch (kind) {
    case 'highlight':
      return el('g', extra, (children ?? '') + highlightRing(x, y) + marker('common_cause', x, y));
    case 'ghost':
      return el(
        'circle',
        {
          ...extra,
          cx: x,
          cy: y,
          r: 3.5 * scale,
          fill: '#FFFFFF',
          stroke: COLOURS.commonCause,
          'stroke-width': 1.5,
        },
        children,
      );
    case 'common_cause':
      return el('circle', { ...extra, cx: x, cy: y, r: 3.5 * scale, fill: pointColour(kind) }, children);
    case 'improvement':
      return el(
        'circle',
        {
          ...extra,
          cx: x,
          cy: y,
          r: 5.5 * scale,
          fill: pointColour(kind),
          stroke: '#FFFFFF',
          'stroke-width': 1,
        },
        children,
      );
    case 'concern': {
      const s = 6.5 * scale;
      const d = `M${num(x)} ${num(y - s)}L${num(x + s)} ${num(y)}L${num(x)} ${num(y + s)}L${num(x - s)} ${num(y)}Z`;
      return el(
        'path',
        { ...extra, d, fill: pointColour(kind), stroke: '#FFFFFF', 'stroke-width': 1 },
        children,
      );
    }
    case 'neither_high':
    case 'neither_low': {
      const s = 6.5 * scale;
      const dir = kind === 'neither_high' ? -1 : 1; // apex up for high, down for low
      const d =
        `M${num(x)} ${num(y + dir * s)}` +
        `L${num(x + s)} ${num(y - dir * s * 0.75)}L${num(x - s)} ${num(y - dir * s * 0.75)}Z`;
      return el(
        'path',
        { ...extra, d, fill: pointColour(kind), stroke: '#FFFFFF', 'stroke-width': 1 },
        children,
      );
    }
  }
}

/** The ring drawn around a highlighted point, centred on (x, y), with a white halo to stand out. */
export function highlightRing(x: number, y: number): string {
  return (
    el('circle', { cx: x, cy: y, r: 9, fill: 'none', stroke: '#FFFFFF', 'stroke-width': 4.5 }) +
    el('circle', { cx: x, cy: y, r: 9, fill: 'none', stroke: HIGHLIGHT, 'stroke-width': 2.2 })
  );
}
