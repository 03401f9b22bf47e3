/**
 * @module reports/pdf/fonts
 * The fonts embedded in report PDFs: DejaVu Sans (regular and bold, from the `dejavu-fonts-ttf`
 * package), which has every character a report may hold (£, ≥, ≤, ′, σ, –, “ ”), unlike the PDF
 * standard fonts. pdfkit embeds only the glyphs used. Charts' SVG text asks for "Arial, Helvetica,
 * sans-serif": `svgFont` maps it to these.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The names the fonts are registered under in each document. */
export const BODY = 'GsBody';
export const BOLD = 'GsBold';

const folder = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

let cache: { body: Buffer; bold: Buffer } | undefined;

/** The font files' bytes (read once per process). */
export function fontFiles(): { body: Buffer; bold: Buffer } {
  cache ??= {
    body: readFileSync(join(folder, 'DejaVuSans.ttf')),
    bold: readFileSync(join(folder, 'DejaVuSans-Bold.ttf')),
  };
  return cache;
}

/** svg-to-pdfkit's font callback: every family is DejaVu Sans, bold or not. */
export function svgFont(_family: string, bold: boolean): string {
  return bold ? BOLD : BODY;
}
