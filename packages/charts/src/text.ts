/**
 * @module text
 * Rough text measurement for layout without a DOM: widths from average glyph widths of a
 * sans-serif font, and greedy word wrapping. The widths err on the wide side: they fit Arial
 * and also the wider DejaVu Sans that servers without Arial fall back to.
 */

/** Average advance of a glyph in ems (DejaVu Sans, the widest likely fallback). */
function glyphEm(c: string): number {
  if (c === ' ') return 0.32;
  if (/[il.,:;'|!]/.test(c)) return 0.3;
  if (/[MWmw@%—]/.test(c)) return 0.9;
  if (/[A-Z]/.test(c)) return 0.72;
  return 0.62;
}

/** Estimated width in pixels of `text` at `fontSize` (errs on the wide side); bold text is wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += glyphEm(c);
  return em * fontSize * (bold ? 1.08 : 1);
}

/** Splits text into lines no wider than `maxWidth` (a single long word stays whole). */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line === '' ? w : `${line} ${w}`;
    if (line !== '' && textWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Cuts text to fit `maxWidth`, ending it with an ellipsis when cut. */
export function truncateText(text: string, fontSize: number, maxWidth: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize, bold) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
