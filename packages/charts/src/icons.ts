/**
 * @module icons
 * Making Data Count style variation and assurance icons, drawn here (no NHS image files): a
 * white disc with a coloured ring, a letter, and a small pattern of dots. Every icon carries a
 * `<title>` naming it in words; a text label should accompany it wherever it is shown.
 */
import { COLOURS } from '@groundswell/spc';
import type { AssuranceIcon, VariationIcon } from '@groundswell/spc';
import { assuranceLabel, variationLabel } from './labels.js';
import { el, num, textEl } from './xml.js';

/** Options of the icon renderers. */
export interface IconOptions {
  /** Width and height in pixels (default 48). */
  readonly size?: number;
}

/** Icons are drawn in a 100 × 100 box. */
export const ICON_BOX = 100;

const FONT = 'Arial, Helvetica, sans-serif';
const NEUTRAL = '#C8C8C8';
const LINK = '#A6A6A6';
const DOT_X = [24, 32.5, 41, 49.5, 58, 66.5, 75];
const DOT_R = 4.2;

function ring(colour: string, dashed = false): string {
  return el('circle', {
    cx: 50,
    cy: 50,
    r: 44,
    fill: '#FFFFFF',
    stroke: colour,
    'stroke-width': 8,
    'stroke-dasharray': dashed ? '10 6' : undefined,
  });
}

function letter(text: string, colour: string): string {
  return textEl(
    'text',
    {
      x: 50,
      y: 46,
      'text-anchor': 'middle',
      'font-family': FONT,
      'font-size': 34,
      'font-weight': 700,
      fill: colour,
    },
    text,
  );
}

/** Dots joined by a thin line; `colours[i]` colours dot i. */
function dots(ys: readonly number[], colours: readonly string[]): string {
  const path = ys.map((y, i) => `${i === 0 ? 'M' : 'L'}${num(DOT_X[i]!)} ${num(y)}`).join('');
  const link = el('path', { d: path, fill: 'none', stroke: LINK, 'stroke-width': 1.5 });
  const marks = ys
    .map((y, i) => el('circle', { cx: DOT_X[i]!, cy: y, r: DOT_R, fill: colours[i]! }))
    .join('');
  return link + marks;
}

const grey = (n: number): string[] => Array.from({ length: n }, () => COLOURS.commonCause);

function variationColour(icon: VariationIcon): string {
  switch (icon) {
    case 'common_cause':
      return COLOURS.commonCause;
    case 'improvement_high':
    case 'improvement_low':
      return COLOURS.improvement;
    case 'concern_high':
    case 'concern_low':
      return COLOURS.concern;
    case 'neither_high':
    case 'neither_low':
      return COLOURS.neither;
    case 'none':
      return NEUTRAL;
  }
}

/** The drawing of a variation icon inside a 100 × 100 box (no `<svg>` wrapper, no title). */
export function variationIconBody(icon: VariationIcon): string {
  const colour = variationColour(icon);
  if (icon === 'none') {
    return (
      ring(NEUTRAL, true) +
      dots(
        [62, 62, 62, 62, 62, 62, 62],
        Array.from({ length: 7 }, () => NEUTRAL),
      )
    );
  }
  if (icon === 'common_cause') {
    return ring(colour) + dots([62, 60, 63, 61, 62, 60, 62], grey(7));
  }
  const high = icon.endsWith('_high');
  const ys = high ? [65, 67, 64, 66, 57, 54, 52] : [60, 62, 59, 61, 70, 72, 74];
  return ring(colour) + letter(high ? 'H' : 'L', colour) + dots(ys, [...grey(4), colour, colour, colour]);
}

function assuranceColour(icon: AssuranceIcon): string {
  switch (icon) {
    case 'pass':
      return COLOURS.improvement;
    case 'fail':
      return COLOURS.concern;
    case 'hit_or_miss':
      return COLOURS.commonCause;
  }
}

function assuranceLetter(icon: AssuranceIcon): string {
  switch (icon) {
    case 'pass':
      return 'P';
    case 'fail':
      return 'F';
    case 'hit_or_miss':
      return '?';
  }
}

/** The drawing of an assurance icon inside a 100 × 100 box (no `<svg>` wrapper, no title). */
export function assuranceIconBody(icon: AssuranceIcon): string {
  const colour = assuranceColour(icon);
  const targetY = 65;
  const ys =
    icon === 'pass'
      ? [57, 54, 58, 55, 57, 54, 56]
      : icon === 'fail'
        ? [73, 76, 72, 75, 73, 76, 74]
        : [58, 72, 59, 73, 57, 71, 60];
  const target = el('path', {
    d: `M20 ${targetY}H80`,
    stroke: COLOURS.target,
    'stroke-width': 3,
    'stroke-linecap': 'round',
  });
  return (
    ring(colour) +
    letter(assuranceLetter(icon), icon === 'hit_or_miss' ? '#6E6E6E' : colour) +
    target +
    dots(ys, icon === 'hit_or_miss' ? grey(7) : Array.from({ length: 7 }, () => colour))
  );
}

function standalone(body: string, label: string, options: IconOptions | undefined): string {
  const size = options?.size ?? 48;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${ICON_BOX} ${ICON_BOX}`,
      width: size,
      height: size,
      role: 'img',
      'aria-label': label,
    },
    textEl('title', {}, label) + body,
  );
}

/**
 * A variation icon as a standalone `<svg role="img">` whose `<title>` names it in words
 * (e.g. "Special cause improvement (high)"). Special cause icons show `H` or `L` and dots whose
 * last three, coloured, sit high or low; common cause is grey with level grey dots.
 *
 * `'none'` (a run chart: too few points for SPC) gives a neutral icon (a dashed light-grey ring
 * with level dots and no letter) titled "Too few points for SPC", so that tables of icons stay
 * aligned; callers that prefer nothing can test for `'none'` first.
 */
export function renderVariationIcon(icon: VariationIcon, options?: IconOptions): string {
  return standalone(variationIconBody(icon), variationLabel(icon), options);
}

/**
 * An assurance icon as a standalone `<svg role="img">` whose `<title>` names it in words:
 * `P` (consistently passing, blue) with the dots above a red target line, `F` (consistently
 * failing, orange) with the dots below it, `?` (hit or miss, grey) with the line through them.
 */
export function renderAssuranceIcon(icon: AssuranceIcon, options?: IconOptions): string {
  return standalone(assuranceIconBody(icon), assuranceLabel(icon), options);
}
