/**
 * @module svg-document
 * The outer `<svg>` of every chart: size, accessible name and description, font.
 */
import { FONT } from './theme.js';
import { el, num, textEl } from './xml.js';

export interface SvgDocument {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  /** The text alternative, referenced by `aria-labelledby` with the title. */
  readonly description: string;
  readonly className: string;
}

/** A standalone `<svg role="img">` whose `<title>` and `<desc>` name and describe `body`. */
export function svgDocument(doc: SvgDocument, body: string): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${num(doc.width)} ${num(doc.height)}`,
      width: doc.width,
      height: doc.height,
      role: 'img',
      'aria-labelledby': `${doc.id}-title ${doc.id}-desc`,
      'font-family': FONT,
      class: doc.className,
    },
    textEl('title', { id: `${doc.id}-title` }, doc.title) +
      textEl('desc', { id: `${doc.id}-desc` }, doc.description) +
      body,
  );
}
