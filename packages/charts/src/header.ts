/**
 * @module header
 * The chart's header: title and subtitle at the left, the variation and assurance icons with
 * their text labels at the right.
 */
import type { SpcAnalysis } from '@groundswell/spc';
import { ICON_BOX, assuranceIconBody, variationIconBody } from './icons.js';
import { assuranceLabel, chartTypeName, variationLabel } from './labels.js';
import { truncateText, wrapText } from './text.js';
import { TEXT, TEXT_SECONDARY } from './theme.js';
import { el, num, textEl } from './xml.js';

const ICON_SIZE = 40;
const ICON_SLOT = 116;
const ICON_LABEL_FONT = 10;
const ICON_LABEL_ROW = 12;
const TITLE_FONT = 17;
const SUBTITLE_FONT = 12;

/** The subtitle: chart type (or why it is a run chart), number of points, improvement direction. */
export function subtitle(a: SpcAnalysis): string {
  const parts: string[] = [];
  const n = a.points.length;
  const ghosts = a.points.filter((p) => p.ghost).length;
  if (a.chart === 'run') parts.push('Run chart');
  else if (!a.summary.limitsShown) {
    parts.push(`Run chart: too few points for process limits (${a.options.minimumPoints} needed)`);
  } else parts.push(chartTypeName(a.chart).replace(' (', ': ').replace(/\)$/, ''));
  parts.push(`${n} ${n === 1 ? 'point' : 'points'}${ghosts > 0 ? ` (${ghosts} ghosted)` : ''}`);
  const dir = a.options.direction;
  parts.push(
    dir === 'increase'
      ? 'higher is better'
      : dir === 'decrease'
        ? 'lower is better'
        : 'no improvement direction',
  );
  return parts.join(' · ');
}

interface HeaderIcon {
  readonly kind: 'variation' | 'assurance';
  readonly body: string;
  readonly label: string;
}

/** The icons to show: variation (when there are limits and enough points), assurance (when there is one). */
function headerIcons(a: SpcAnalysis): HeaderIcon[] {
  const icons: HeaderIcon[] = [];
  const { variation, assurance, limitsShown } = a.summary;
  if (limitsShown && variation !== 'none') {
    icons.push({ kind: 'variation', body: variationIconBody(variation), label: variationLabel(variation) });
  }
  if (assurance !== null) {
    icons.push({ kind: 'assurance', body: assuranceIconBody(assurance), label: assuranceLabel(assurance) });
  }
  return icons;
}

/** The header's markup and height for a chart `width` pixels wide. */
export function renderHeader(
  a: SpcAnalysis,
  title: string,
  width: number,
): { readonly markup: string; readonly height: number } {
  const icons = headerIcons(a);
  const labels = icons.map((i) => wrapText(i.label, ICON_LABEL_FONT, ICON_SLOT - 6).slice(0, 3));
  const rows = Math.max(0, ...labels.map((l) => l.length));
  const height = icons.length > 0 ? 8 + ICON_SIZE + 6 + rows * ICON_LABEL_ROW : 56;
  let markup = '';
  icons.forEach((icon, k) => {
    const slotX = width - 8 - (icons.length - k) * ICON_SLOT;
    const iconX = slotX + (ICON_SLOT - ICON_SIZE) / 2;
    markup += el(
      'g',
      {
        class: `icon icon-${icon.kind}`,
        transform: `translate(${num(iconX)} 8) scale(${num(ICON_SIZE / ICON_BOX, 4)})`,
        role: 'img',
        'aria-label': icon.label,
      },
      textEl('title', {}, icon.label) + icon.body,
    );
    labels[k]!.forEach((text, row) => {
      markup += textEl(
        'text',
        {
          class: `icon-label icon-label-${icon.kind}`,
          x: slotX + ICON_SLOT / 2,
          y: 8 + ICON_SIZE + 14 + row * ICON_LABEL_ROW,
          'text-anchor': 'middle',
          'font-size': ICON_LABEL_FONT,
          fill: TEXT,
        },
        text,
      );
    });
  });
  markup += titleMarkup(title, subtitle(a), width - 32 - icons.length * ICON_SLOT);
  return { markup: el('g', { class: 'header' }, markup), height };
}

/** The title and the subtitle at the top left, each cut to `maxWidth`. */
function titleMarkup(title: string, sub: string, maxWidth: number): string {
  return (
    textEl(
      'text',
      { class: 'chart-title', x: 16, y: 26, 'font-size': TITLE_FONT, 'font-weight': 700, fill: TEXT },
      truncateText(title, TITLE_FONT, maxWidth, true),
    ) +
    textEl(
      'text',
      { class: 'chart-subtitle', x: 16, y: 46, 'font-size': SUBTITLE_FONT, fill: TEXT_SECONDARY },
      truncateText(sub, SUBTITLE_FONT, maxWidth),
    )
  );
}

/** A header of a title and a subtitle only (no icons), for charts other than SPC charts. */
export function renderTitleHeader(
  title: string,
  sub: string,
  width: number,
): { readonly markup: string; readonly height: number } {
  return { markup: el('g', { class: 'header' }, titleMarkup(title, sub, width - 32)), height: 56 };
}
