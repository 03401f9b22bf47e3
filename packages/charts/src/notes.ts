/**
 * @module notes
 * Annotations: numbered badges on their points, and the numbered list of their text below the chart.
 */
import type { ChartAnnotation } from './options.js';
import { textWidth, wrapText } from './text.js';
import { TEXT } from './theme.js';
import { el, textEl } from './xml.js';

const NOTE_FONT = 11;
const NOTE_ROW = 15;
const BADGE_GAP = 17;

/** Note numbers (1-based, in the order given) of each annotated point index. */
export function notesByPoint(annotations: readonly ChartAnnotation[]): Map<number, number[]> {
  const at = new Map<number, number[]>();
  annotations.forEach((note, k) => {
    at.set(note.index, [...(at.get(note.index) ?? []), k + 1]);
  });
  return at;
}

/**
 * A point's numbered badges, stacked above it (or below, if there is no room above `top`).
 * `x`, `y` are the point's position.
 */
export function renderBadges(
  numbers: readonly number[],
  annotations: readonly ChartAnnotation[],
  x: number,
  y: number,
  top: number,
): string {
  const above = y - 16 - (numbers.length - 1) * BADGE_GAP > top + 2;
  return numbers
    .map((k, j) => {
      const by = above ? y - 16 - j * BADGE_GAP : y + 16 + j * BADGE_GAP;
      return el(
        'g',
        { class: 'annotation' },
        textEl('title', {}, `Note ${k}: ${annotations[k - 1]!.text}`) +
          el('circle', { cx: x, cy: by, r: 7.5, fill: '#FFFFFF', stroke: TEXT, 'stroke-width': 1.2 }) +
          textEl(
            'text',
            { x, y: by + 3.5, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 700, fill: TEXT },
            String(k),
          ),
      );
    })
    .join('');
}

/**
 * A list of notes below the chart, starting at `top`, and its height: each note's label (by
 * default its number, `1.`) in bold, then its text wrapped to the width.
 */
export function renderNoteList(
  texts: readonly string[],
  top: number,
  width: number,
  label: (k: number) => string = (k) => `${k + 1}.`,
): { readonly markup: string; readonly height: number } {
  const labels = texts.map((_, k) => label(k));
  const indent = Math.max(22, ...labels.map((l) => textWidth(l, NOTE_FONT, true) + 6));
  let markup = '';
  let row = 0;
  texts.forEach((text, k) => {
    const wrapped = wrapText(text, NOTE_FONT, width - 32 - indent);
    (wrapped.length > 0 ? wrapped : ['']).forEach((line, j) => {
      const y = top + 4 + (row + 1) * NOTE_ROW;
      if (j === 0) {
        markup += textEl(
          'text',
          { x: 16, y, 'font-size': NOTE_FONT, 'font-weight': 700, fill: TEXT },
          labels[k]!,
        );
      }
      markup += textEl('text', { x: 16 + indent, y, 'font-size': NOTE_FONT, fill: TEXT }, line);
      row++;
    });
  });
  return { markup: el('g', { class: 'notes' }, markup), height: row === 0 ? 0 : 10 + row * NOTE_ROW };
}
