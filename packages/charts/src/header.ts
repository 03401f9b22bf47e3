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
  if (a.chart === 'run') {
    // A chart with limits analysed as a run chart while it has too few points says why.
    parts.push(
      a.warnings.some((w) => w.code === 'too_few_points')
        ? `Run chart: too few points for process limits (${a.options.minimumPoints} needed)`
        : 'Run chart',
    );
  } else if (!a.summary.limitsShown) {
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

/** Below this width, or with less than `MIN_TITLE_WIDTH` beside the icons, the header stacks. */
const NARROW_WIDTH = 480;
const MIN_TITLE_WIDTH = 200;
const TITLE_ROW = 21;
const SUBTITLE_ROW = 15;

/**
 * The header's markup and height for a chart `width` pixels wide. On a wide chart the title and
 * subtitle sit at the left on one line each (cut with an ellipsis) and the icons at the right; on
 * a narrow one (a phone) the title and subtitle wrap onto up to two lines each, and the icons sit
 * in a row below them, so that neither is cut to a few letters.
 */
export function renderHeader(
  a: SpcAnalysis,
  title: string,
  width: number,
): { readonly markup: string; readonly height: number } {
  const icons = headerIcons(a);
  const narrow =
    width < NARROW_WIDTH || (icons.length > 0 && width - 32 - icons.length * ICON_SLOT < MIN_TITLE_WIDTH);
  let markup = '';
  let iconsTop = 8;
  let firstSlot = width - 8 - icons.length * ICON_SLOT;
  if (narrow) {
    const text = stackedTitleMarkup(title, subtitle(a), width - 32);
    markup += text.markup;
    iconsTop = text.bottom + 8;
    firstSlot = 8;
  }
  const labels = icons.map((i) => wrapText(i.label, ICON_LABEL_FONT, ICON_SLOT - 6).slice(0, 3));
  const rows = Math.max(0, ...labels.map((l) => l.length));
  const iconsHeight = icons.length > 0 ? iconsTop + ICON_SIZE + 6 + rows * ICON_LABEL_ROW : 0;
  const height = narrow ? Math.max(iconsHeight, iconsTop) : icons.length > 0 ? iconsHeight : 56;
  icons.forEach((icon, k) => {
    const slotX = firstSlot + k * ICON_SLOT;
    const iconX = slotX + (ICON_SLOT - ICON_SIZE) / 2;
    markup += el(
      'g',
      {
        class: `icon icon-${icon.kind}`,
        transform: `translate(${num(iconX)} ${num(iconsTop)}) scale(${num(ICON_SIZE / ICON_BOX, 4)})`,
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
          y: iconsTop + ICON_SIZE + 14 + row * ICON_LABEL_ROW,
          'text-anchor': 'middle',
          'font-size': ICON_LABEL_FONT,
          fill: TEXT,
        },
        text,
      );
    });
  });
  if (!narrow) markup += titleMarkup(title, subtitle(a), width - 32 - icons.length * ICON_SLOT);
  return { markup: el('g', { class: 'header' }, markup), height };
}

/** Up to `max` wrapped lines of `text`, the last cut with an ellipsis if more would follow. */
function wrappedLines(text: string, fontSize: number, maxWidth: number, max: number, bold = false): string[] {
  const lines = wrapText(text, fontSize, maxWidth);
  if (lines.length <= max) return lines.map((line) => truncateText(line, fontSize, maxWidth, bold));
  const kept = lines.slice(0, max);
  kept[max - 1] = truncateText(`${kept[max - 1]!} ${lines.slice(max).join(' ')}`, fontSize, maxWidth, bold);
  return kept;
}

/** The title and subtitle at the top left, each wrapped onto up to two lines, and where they end. */
function stackedTitleMarkup(
  title: string,
  sub: string,
  maxWidth: number,
): { readonly markup: string; readonly bottom: number } {
  let markup = '';
  let y = 26;
  for (const line of wrappedLines(title, TITLE_FONT, maxWidth, 2, true)) {
    markup += textEl(
      'text',
      { class: 'chart-title', x: 16, y, 'font-size': TITLE_FONT, 'font-weight': 700, fill: TEXT },
      line,
    );
    y += TITLE_ROW;
  }
  y += SUBTITLE_ROW - TITLE_ROW + 5;
  for (const line of wrappedLines(sub, SUBTITLE_FONT, maxWidth, 2)) {
    markup += textEl(
      'text',
      { class: 'chart-subtitle', x: 16, y, 'font-size': SUBTITLE_FONT, fill: TEXT_SECONDARY },
      line,
    );
    y += SUBTITLE_ROW;
  }
  return { markup, bottom: y - SUBTITLE_ROW + 4 };
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
