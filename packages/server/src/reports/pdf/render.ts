/**
 * @module reports/pdf/render
 * A report's content as a PDF board pack, made on the server without a browser: A4; a cover; a
 * contents page listing the summary, each domain and each measure with its page number (and a
 * link to it); the summary matrix of variation × assurance icons as a table; then one section per
 * measure, grouped by domain: its icons with their labels, the SPC chart as vector graphics (the
 * same SVG the web app draws, with its text alternative as the figure's alternate text), the
 * analysis in words as visible text, and the owner's commentary. Every page's footer says "Page n
 * of N". The document is tagged (headings, paragraphs, table, figures), in English, and its
 * bookmarks follow the contents.
 */
import { renderAssuranceIcon, renderVariationIcon } from '@groundswell/charts';
import type { ReportContent, ReportSection } from '../schemas.js';
import { BLUE, GREY, PdfWriter } from './writer.js';
import type { Struct } from './writer.js';
import { matrixTable } from './matrix.js';

/** How the report was made: issued (with its version), or a draft run. */
export interface PdfStatus {
  readonly issued?:
    { readonly version: number; readonly issuedBy: string | null; readonly issuedAt: Date } | undefined;
}

/** An entry of the contents. */
interface Entry {
  readonly label: string;
  readonly level: 0 | 1;
  readonly destination: string;
  page: number;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayOf = (iso: string): string => longDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/** The PDF of a report's content. */
export async function renderReportPdf(content: ReportContent, status: PdfStatus = {}): Promise<Buffer> {
  const w = new PdfWriter({
    title: `${content.title}: ${content.periodLabel}`,
    author: content.organisation.name,
    subject: `Board report (integrated performance report) for ${content.periodLabel}`,
  });
  const entries: Entry[] = [
    { label: 'Summary: variation and assurance', level: 0, destination: 'summary', page: 0 },
  ];
  content.domains.forEach((domain, d) => {
    entries.push({ label: domain.label, level: 0, destination: `domain-${d}`, page: 0 });
    domain.sections.forEach((section, s) => {
      entries.push({ label: section.title, level: 1, destination: `section-${d}-${s}`, page: 0 });
    });
  });

  cover(w, content, status);
  const contents = reserveContents(w, entries);

  w.addPage();
  entries[0]!.page = w.pageIndex;
  w.text(w.root, 'H1', 'h1', 'Summary: variation and assurance', { destination: 'summary' });
  w.text(
    w.root,
    'P',
    'body',
    `Each measure of the report by its variation icon (rows) and its assurance icon (columns), for ${content.periodLabel}, ` +
      'as NHS England’s Making Data Count sets them out. A measure without a target, or with too few points for limits, ' +
      'has no assurance icon.',
  );
  matrixTable(w, content);

  let entry = 1;
  content.domains.forEach((domain, d) => {
    w.addPage();
    const group = w.doc.struct('Sect');
    w.root.add(group);
    entries[entry++]!.page = w.pageIndex;
    w.text(group, 'H1', 'h1', domain.label, { destination: `domain-${d}` });
    domain.sections.forEach((section, s) => {
      sectionOf(w, group, section, `section-${d}-${s}`, content.periodLabel, entries[entry++]!);
    });
    group.end();
  });

  fillContents(w, contents, entries);
  outline(w, entries);
  w.footers(`${content.organisation.name} · ${content.title} · ${content.periodLabel}`);
  return w.finish();
}

function cover(w: PdfWriter, content: ReportContent, status: PdfStatus): void {
  w.addPage();
  w.doc.y = 180;
  w.text(w.root, 'P', 'lead', content.organisation.name, { colour: GREY });
  w.text(w.root, 'H1', 'title', content.title, { keepWithNext: 0 });
  w.text(w.root, 'P', 'lead', `Board report for ${content.periodLabel}`, { colour: BLUE });
  if (content.description !== '') w.text(w.root, 'P', 'body', content.description);
  w.doc.y += 12;
  const count = content.domains.reduce((n, d) => n + d.sections.length, 0);
  const facts = [
    `${count} ${count === 1 ? 'measure' : 'measures'}, analysed on their data up to ${dayOf(content.dataTo)}.`,
    status.issued === undefined
      ? `Draft: run on ${dayOf(content.generatedAt)}, not issued.`
      : `Issued on ${dayOf(status.issued.issuedAt.toISOString())}${status.issued.issuedBy === null ? '' : ` by ${status.issued.issuedBy}`} (version ${status.issued.version}).`,
    'Statistical process control as NHS England’s Making Data Count: every chart’s analysis is written out in words beside it.',
  ];
  for (const fact of facts) w.text(w.root, 'P', 'body', fact, { colour: GREY });
}

/** Space for the contents: as many pages as its entries need (filled in at the end). */
interface ContentsPages {
  readonly first: number;
  readonly pages: number;
  readonly element: Struct;
}

const CONTENTS_LINE = 16;

function reserveContents(w: PdfWriter, entries: readonly Entry[]): ContentsPages {
  w.addPage();
  const first = w.pageIndex;
  const perPage = Math.floor((w.bottom - w.doc.page.margins.top - 40) / CONTENTS_LINE);
  const lines = entries.reduce((n, e) => n + lineCount(w, e), 0);
  const pages = Math.max(1, Math.ceil(lines / perPage));
  for (let i = 1; i < pages; i++) w.addPage();
  const element = w.doc.struct('TOC');
  w.root.add(element);
  return { first, pages, element };
}

/** Lines an entry's label takes in the contents' column. */
function lineCount(w: PdfWriter, entry: Entry): number {
  w.style(entry.level === 0 ? 'h3' : 'body');
  return Math.max(
    1,
    Math.round(w.doc.heightOfString(entry.label, { width: labelWidth(w, entry) }) / (CONTENTS_LINE - 3)),
  );
}

const labelWidth = (w: PdfWriter, entry: Entry): number => w.width - 50 - (entry.level === 1 ? 14 : 0);

function fillContents(w: PdfWriter, contents: ContentsPages, entries: readonly Entry[]): void {
  let page = contents.first;
  w.doc.switchToPage(page);
  w.doc.y = w.doc.page.margins.top;
  w.text(contents.element, 'H1', 'h1', 'Contents');
  for (const entry of entries) {
    const lines = lineCount(w, entry);
    if (w.doc.y + lines * CONTENTS_LINE > w.bottom && page < contents.first + contents.pages - 1) {
      w.doc.switchToPage(++page);
      w.doc.y = w.doc.page.margins.top;
    }
    const y = w.doc.y;
    const x = w.left + (entry.level === 1 ? 14 : 0);
    const item = w.doc.struct('TOCI', {}, () => {
      w.style(entry.level === 0 ? 'h3' : 'body', entry.level === 0 ? '#212B32' : BLUE);
      w.doc.text(entry.label, x, y, { width: labelWidth(w, entry), goTo: entry.destination });
      w.doc.text(String(entry.page + 1), w.left + w.width - 40, y, {
        width: 40,
        align: 'right',
        goTo: entry.destination,
      });
    });
    contents.element.add(item);
    item.end();
    w.doc.y = y + lines * CONTENTS_LINE;
  }
  contents.element.end();
}

function outline(w: PdfWriter, entries: readonly Entry[]): void {
  let parent: PDFKit.PDFOutline | undefined;
  for (const entry of entries) {
    w.doc.switchToPage(entry.page);
    if (entry.level === 0) parent = w.doc.outline.addItem(entry.label);
    else (parent ?? w.doc.outline).addItem(entry.label);
  }
}

const CHART_RATIO = 400 / 800;
const ICON = 26;

function sectionOf(
  w: PdfWriter,
  group: Struct,
  section: ReportSection,
  destination: string,
  periodLabel: string,
  entry: Entry,
): void {
  const chartHeight = section.chartSvg === null ? 0 : w.width * CHART_RATIO;
  const commentary = section.commentary?.text ?? `No commentary for ${periodLabel}.`;
  const needed =
    w.heightOf(section.title, 'h2') +
    40 +
    ICON +
    chartHeight +
    w.heightOf(section.analysis, 'body') +
    w.heightOf(commentary, 'body') +
    40;
  const available = w.bottom - w.doc.page.margins.top;
  // A section starts on a new page unless the whole of it fits below what is already there.
  if (w.doc.y + Math.min(needed, available) > w.bottom) w.addPage();
  else if (w.doc.y > w.doc.page.margins.top + 60) {
    w.doc.y += 6;
    w.rule();
    w.doc.y += 10;
  }
  entry.page = w.pageIndex;
  const sect = w.doc.struct('Sect');
  group.add(sect);
  w.text(sect, 'H2', 'h2', section.title, { destination, keepWithNext: 40 + ICON + chartHeight });
  const facts = [
    section.latest === null
      ? 'No data yet'
      : `Latest: ${section.latest.text} (${dayOf(section.latest.period)})`,
    section.target === null ? 'No target' : `Target: ${section.target}`,
    `${section.pointCount} ${section.pointCount === 1 ? 'point' : 'points'}`,
  ];
  w.text(sect, 'P', 'small', facts.join(' · '), { colour: GREY });

  // The icons, each with its label beside it (the label is the text; the icon is decoration).
  const y = w.doc.y;
  w.decoration(renderVariationIcon(section.icons.variation, { size: ICON }), w.left, y, ICON);
  const half = w.width / 2;
  const label = (text: string, x: number): void => {
    const p = w.doc.struct('P', {}, () => {
      w.style('small');
      w.doc.text(text, x, y + 4, { width: half - ICON - 12 });
    });
    sect.add(p);
    p.end();
  };
  label(`Variation: ${section.icons.variationLabel}`, w.left + ICON + 6);
  if (section.icons.assurance !== null) {
    w.decoration(renderAssuranceIcon(section.icons.assurance, { size: ICON }), w.left + half, y, ICON);
  }
  label(
    `Assurance: ${section.icons.assuranceLabel ?? 'none (no target, or too few points)'}`,
    w.left + half + (section.icons.assurance === null ? 0 : ICON + 6),
  );
  w.doc.y = y + ICON + 8;

  if (section.chartSvg !== null) {
    w.ensure(chartHeight);
    const top = w.doc.y;
    w.figure(sect, section.chartSvg, w.left, top, w.width, chartHeight, section.analysis);
    w.doc.y = top + chartHeight + 8;
  }
  w.text(sect, 'H3', 'h3', 'What the chart shows');
  w.text(sect, 'P', 'body', section.analysis);
  for (const warning of section.warnings) w.text(sect, 'P', 'small', `Note: ${warning}.`, { colour: GREY });
  w.text(sect, 'H3', 'h3', `Commentary for ${periodLabel}`);
  w.text(sect, 'P', 'body', commentary, { colour: section.commentary === null ? GREY : undefined });
  if (section.commentary !== null) {
    const by = section.commentary.author === null ? '' : `${section.commentary.author}, `;
    w.text(sect, 'P', 'small', `${by}${dayOf(section.commentary.updatedAt)}`, { colour: GREY });
  }
  sect.end();
}
