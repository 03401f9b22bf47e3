/**
 * @module reports/pdf/matrix
 * The summary matrix as a tagged table: a row per variation icon that some measure has, a column
 * per assurance icon (and one for none), each cell naming its measures. A row that would not fit
 * goes to the next page, with the header row again.
 */
import {
  assuranceLabel,
  renderAssuranceIcon,
  renderVariationIcon,
  variationLabel,
} from '@groundswell/charts';
import type { AssuranceIcon, VariationIcon } from '@groundswell/spc';
import type { ReportContent } from '../schemas.js';
import { GREY } from './writer.js';
import type { PdfWriter } from './writer.js';
import type { Struct } from './writer.js';

const COLUMNS: readonly (AssuranceIcon | null)[] = ['pass', 'hit_or_miss', 'fail', null];
const ROW_HEADER = 120;
const PAD = 4;
const ICON = 18;

/** The rows of the matrix (variation icons some measure has), with each cell's measure titles. */
export function matrixRows(content: ReportContent): { variation: VariationIcon; cells: string[][] }[] {
  const titles = new Map(
    content.domains.flatMap((d) => d.sections.map((s) => [s.seriesId, s.title] as const)),
  );
  const rows: { variation: VariationIcon; cells: string[][] }[] = [];
  for (const cell of content.matrix) {
    if (cell.count === 0) continue;
    let row = rows.find((r) => r.variation === cell.variation);
    if (row === undefined) {
      row = { variation: cell.variation, cells: COLUMNS.map(() => []) };
      rows.push(row);
    }
    row.cells[COLUMNS.indexOf(cell.assurance)]!.push(...cell.seriesIds.map((id) => titles.get(id) ?? id));
  }
  return rows;
}

/** A column's heading. */
const columnLabel = (assurance: AssuranceIcon | null): string =>
  assurance === null ? 'No assurance icon' : assuranceLabel(assurance);

/** Draws the matrix table at the current position. */
export function matrixTable(w: PdfWriter, content: ReportContent): void {
  const rows = matrixRows(content);
  if (rows.length === 0) {
    w.text(w.root, 'P', 'body', 'The report has no measures you may read.');
    return;
  }
  const cellWidth = (w.width - ROW_HEADER) / COLUMNS.length;
  const table = w.doc.struct('Table');
  w.root.add(table);

  const cell = (parent: Struct, type: 'TH' | 'TD', draw: () => void): void => {
    const element = w.doc.struct(type, {}, draw);
    parent.add(element);
    element.end();
  };

  const header = (): void => {
    const y = w.doc.y;
    const tr = w.doc.struct('TR');
    table.add(tr);
    const height = ICON + 2 * PAD + 24;
    cell(tr, 'TH', () => {
      w.style('h3');
      w.doc.text('Variation', w.left + PAD, y + PAD, { width: ROW_HEADER - 2 * PAD });
    });
    COLUMNS.forEach((assurance, c) => {
      const x = w.left + ROW_HEADER + c * cellWidth;
      if (assurance !== null)
        w.decoration(renderAssuranceIcon(assurance, { size: ICON }), x + PAD, y + PAD, ICON);
      cell(tr, 'TH', () => {
        w.style('small');
        w.doc.text(columnLabel(assurance), x + PAD, y + PAD + ICON + 2, { width: cellWidth - 2 * PAD });
      });
    });
    tr.end();
    w.doc.y = y + height;
    w.rule();
  };

  header();
  for (const row of rows) {
    w.style('small');
    const label = variationLabel(row.variation);
    const heights = row.cells.map((titles) =>
      titles.length === 0 ? 0 : w.doc.heightOfString(titles.join('\n'), { width: cellWidth - 2 * PAD }),
    );
    const labelHeight = ICON + 4 + w.doc.heightOfString(label, { width: ROW_HEADER - 2 * PAD });
    const height = Math.max(labelHeight, ...heights) + 2 * PAD;
    if (w.doc.y + height > w.bottom) {
      w.addPage();
      header();
    }
    const y = w.doc.y;
    const tr = w.doc.struct('TR');
    table.add(tr);
    w.decoration(renderVariationIcon(row.variation, { size: ICON }), w.left + PAD, y + PAD, ICON);
    cell(tr, 'TH', () => {
      w.style('small');
      w.doc.text(label, w.left + PAD, y + PAD + ICON + 4, { width: ROW_HEADER - 2 * PAD });
    });
    row.cells.forEach((titles, c) => {
      const x = w.left + ROW_HEADER + c * cellWidth;
      cell(tr, 'TD', () => {
        w.style('small', titles.length === 0 ? GREY : undefined);
        w.doc.text(titles.length === 0 ? '–' : titles.join('\n'), x + PAD, y + PAD, {
          width: cellWidth - 2 * PAD,
        });
      });
    });
    tr.end();
    w.doc.y = y + height;
    w.rule();
  }
  table.end();
}
