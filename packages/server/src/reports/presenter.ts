/**
 * @module reports/presenter
 * The exact JSON sent for report definitions, issued reports and commentaries, and the file names
 * of report PDFs.
 */
import { slug } from '@groundswell/charts';
import type { CommentaryRow, IssuedSummary } from './repository.js';
import type { IssuedReportView, ReportDefinitionView } from './schemas.js';
import type { DefinitionWithItems } from './service.js';

/** A definition with the series its reader may read. */
export function presentDefinition({ definition, items }: DefinitionWithItems): ReportDefinitionView {
  return {
    id: definition.id,
    organisationId: definition.organisationId,
    title: definition.title,
    description: definition.description,
    items: items.map((row) => ({
      seriesId: row.seriesId,
      measure: {
        id: row.measure.id,
        code: row.measure.code,
        name: row.measure.name,
        domain: row.measure.domain,
        visibility: row.measure.visibility,
      },
      unit: row.unitId === null ? null : { id: row.unitId, name: row.unitName ?? '' },
    })),
    createdAt: definition.createdAt.toISOString(),
    updatedAt: definition.updatedAt.toISOString(),
  };
}

/** An issued report without its content. */
export function presentIssued(issued: IssuedSummary): IssuedReportView {
  return {
    id: issued.id,
    definitionId: issued.definitionId,
    organisationId: issued.organisationId,
    title: issued.title,
    period: issued.period,
    version: issued.version,
    issuedBy: issued.issuedBy,
    issuedAt: new Date(issued.issuedAt).toISOString(),
    pdfBytes: issued.pdfBytes,
  };
}

/** A commentary. */
export function presentCommentary(row: CommentaryRow): {
  seriesId: string;
  period: string;
  text: string;
  author: string | null;
  updatedAt: string;
} {
  return {
    seriesId: row.seriesId,
    period: row.period,
    text: row.text,
    author: row.author,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A report PDF's file name: `RF4-monthly-board-report-2019-03-v2.pdf` (a draft: `…-2019-03-draft.pdf`). */
export function pdfFileName(odsCode: string, title: string, period: string, version: number | null): string {
  const name = slug(title) || 'report';
  return `${odsCode}-${name}-${period.slice(0, 7)}-${version === null ? 'draft' : `v${version}`}.pdf`;
}
