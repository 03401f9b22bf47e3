/**
 * @module reports/pdf/writer
 * A thin layer over pdfkit for report PDFs: an A4 tagged document (a structure tree, so screen
 * readers get headings, paragraphs, tables and each chart's text alternative), the embedded fonts,
 * text blocks that break onto a new page when they would not fit, SVG drawn as vector graphics
 * (svg-to-pdfkit), and page footers ("Page n of N") written last as artifacts.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { BODY, BOLD, fontFiles, svgFont } from './fonts.js';

/** A structure element of the document (pdfkit's). */
export type Struct = ReturnType<PDFKit.PDFDocument['struct']>;

/** Colours: NHS.UK design system's text, secondary text and borders. */
export const INK = '#212B32';
export const GREY = '#4C6272';
export const LINE = '#D8DDE0';
export const BLUE = '#005EB8';

/** Text styles. */
const STYLES = {
  title: { font: BOLD, size: 26, gap: 10 },
  h1: { font: BOLD, size: 18, gap: 8 },
  h2: { font: BOLD, size: 13, gap: 4 },
  h3: { font: BOLD, size: 10.5, gap: 2 },
  body: { font: BODY, size: 9.5, gap: 6 },
  small: { font: BODY, size: 8.5, gap: 4 },
  lead: { font: BODY, size: 13, gap: 8 },
} as const;
export type Style = keyof typeof STYLES;

/** The document and its structure, with the helpers the report's pages use. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly root: Struct;
  readonly #chunks: Buffer[] = [];
  readonly #ended: Promise<void>;

  constructor(info: { title: string; author: string; subject: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 50, right: 50 },
      bufferPages: true,
      autoFirstPage: false,
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Groundswell' },
    });
    const files = fontFiles();
    this.doc.registerFont(BODY, files.body);
    this.doc.registerFont(BOLD, files.bold);
    this.doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => {
        resolve();
      });
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** The width between the margins. */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  /** The y where the writable area ends. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The 0-based index of the page being written. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  addPage(): void {
    this.doc.addPage();
  }

  /** A new page unless `height` points fit below the current position. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.addPage();
  }

  /** Sets a style's font and size and returns its gap. */
  style(style: Style, colour: string = INK): number {
    const s = STYLES[style];
    this.doc.font(s.font).fontSize(s.size).fillColor(colour);
    return s.gap;
  }

  /** The height of `text` in a style across `width` (default the page's). */
  heightOf(text: string, style: Style, width = this.width): number {
    const s = STYLES[style];
    this.doc.font(s.font).fontSize(s.size);
    return this.doc.heightOfString(text, { width }) + s.gap;
  }

  /**
   * A tagged block of text (`type`: P, H1, H2…) in `parent`, at the left margin, flowing onto new
   * pages as needed; a heading never starts within 60 points of a page's foot.
   */
  text(
    parent: Struct,
    type: string,
    style: Style,
    text: string,
    options: { colour?: string | undefined; destination?: string; keepWithNext?: number } = {},
  ): void {
    const keep = options.keepWithNext ?? (type.startsWith('H') ? 60 : 0);
    this.ensure(Math.min(this.heightOf(text, style) + keep, this.bottom - this.doc.page.margins.top));
    const gap = this.style(style, options.colour);
    const y = this.doc.y;
    if (options.destination !== undefined)
      this.doc.addNamedDestination(options.destination, 'XYZ', null, y, null);
    const element = this.doc.struct(type, {}, () => {
      this.doc.text(text, this.left, y, { width: this.width });
    });
    parent.add(element);
    element.end();
    this.doc.moveDown(0);
    this.doc.y += gap;
  }

  /** A tagged figure: SVG drawn at (x, y) scaled to `width` × `height`, with its text alternative. */
  figure(
    parent: Struct,
    svg: string,
    x: number,
    y: number,
    width: number,
    height: number,
    alt: string,
  ): void {
    const element = this.doc.struct('Figure', { alt }, () => {
      SVGtoPDF(this.doc, svg, x, y, {
        width,
        height,
        fontCallback: svgFont,
        preserveAspectRatio: 'xMinYMin meet',
        precision: 2,
      });
    });
    parent.add(element);
    element.end();
  }

  /** SVG drawn as decoration (an artifact: its meaning is in the text beside it). */
  decoration(svg: string, x: number, y: number, size: number): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    SVGtoPDF(this.doc, svg, x, y, {
      width: size,
      height: size,
      fontCallback: svgFont,
    });
    this.doc.endMarkedContent();
  }

  /** A horizontal rule (an artifact). */
  rule(y: number = this.doc.y): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.75)
      .strokeColor(LINE)
      .stroke();
    this.doc.endMarkedContent();
  }

  /** Each page's footer, "Page n of N" with `label`, as pagination artifacts (call once, at the end). */
  footers(label: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - 40;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.style('small', GREY);
      this.doc.text(label, this.left, y, { width: this.width * 0.7, lineBreak: false, ellipsis: true });
      this.doc.text(`Page ${i + 1} of ${range.count}`, this.left, y, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
  }

  /** Ends the document and returns the PDF's bytes. */
  async finish(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    await this.#ended;
    return Buffer.concat(this.#chunks);
  }
}
