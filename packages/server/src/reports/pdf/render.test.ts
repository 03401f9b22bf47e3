/**
 * The board report PDF, read back with pdf.js (unpdf): A4 pages, a cover, a contents page whose
 * entries point at the pages where each measure's section really is, "Page n of N" on every page,
 * each measure's title, analysis and commentary, characters outside the PDF standard fonts (£, ≥)
 * kept, a structure tree (tagged PDF) with the charts' text alternatives as figures' alternate text.
 */
import { writeFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { sampleContent } from '../sample.js';
import { renderReportPdf } from './render.js';

async function pages(pdf: Buffer): Promise<{ count: number; text: string[]; size: number[] }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const first = await doc.getPage(1);
  const [, , width, height] = first.view;
  return { count: totalPages, text, size: [Math.round(width!), Math.round(height!)] };
}

/** Text with runs of white space made single spaces (pdf.js splits lines and items). */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('report PDF', () => {
  it('has a cover, contents with true page numbers, page footers and every section', async () => {
    const content = sampleContent(12);
    const pdf = await renderReportPdf(content, {
      issued: { version: 2, issuedBy: 'Demo chief executive', issuedAt: new Date('2019-04-12T12:00:00Z') },
    });
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await pages(pdf);
    expect(read.size).toEqual([595, 842]);
    const text = read.text.map(flat);
    expect(read.count).toBeGreaterThan(4);

    // Cover.
    expect(text[0]).toContain('Sample NHS Trust');
    expect(text[0]).toContain('Integrated performance report');
    expect(text[0]).toContain('Board report for March 2019');
    expect(text[0]).toContain('Issued on 12 April 2019 by Demo chief executive (version 2)');

    // Footers: "Page n of N" on every page.
    text.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${read.count}`);
    });

    // Contents: every measure, with the page its section starts on.
    expect(text[1]).toContain('Contents');
    const sections = content.domains.flatMap((d) => d.sections);
    expect(sections).toHaveLength(12);
    for (const section of sections) {
      const match = new RegExp(`${escape(section.title)} (\\d+)`).exec(text[1]!);
      expect(match, section.title).not.toBeNull();
      const page = Number(match![1]);
      expect(text[page - 1], `${section.title} on page ${page}`).toContain(section.title);
      expect(text[page - 1]).toContain(flat(section.analysis).slice(0, 60));
    }
    for (const domain of content.domains) expect(text[1]).toContain(domain.label);

    // The summary matrix names its columns and every measure.
    const summary = text.find(
      (page) => page.includes('Summary: variation and assurance') && !page.includes('Contents'),
    )!;
    expect(summary).toContain('Consistently failing the target');
    expect(summary).toContain('No assurance icon');

    // Each measure's title, analysis and commentary; £ and ≥ survive.
    const all = text.join(' ');
    for (const section of sections) {
      expect(all).toContain(flat(section.analysis));
      if (section.commentary !== null) expect(all).toContain(section.commentary.text);
      else expect(all).toContain('No commentary for March 2019.');
    }
    expect(all).toContain('≥ 95%');
    expect(all).toContain('£');

    // Tagged: a structure tree with figures carrying the charts' text alternatives.
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Marked true');
    expect(raw).toMatch(/\/S \/Figure/);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
  }, 60_000);

  it('says so when the reader may read no measure of the report', async () => {
    const content = {
      ...sampleContent(1),
      domains: [],
      matrix: sampleContent(1).matrix.map((c) => ({ ...c, count: 0, seriesIds: [] })),
    };
    const read = await pages(await renderReportPdf(content));
    const text = read.text.map(flat).join(' ');
    expect(text).toContain('The report has no measures you may read.');
    expect(text).toContain('Draft: run on 10 April 2019, not issued.');
    expect(read.count).toBe(3);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
