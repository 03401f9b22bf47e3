/**
 * @module public/open-data
 * A published series as open data, each file carrying the organisation's licence:
 *
 * - CSV: the series export's columns (exports/csv.ts: period, counts, value, every analysis
 *   column, annotation) and then `licence`, `licence_url` and `publisher` on every row. A
 *   comment line above the header breaks most CSV readers (spreadsheets, pandas, R), so the
 *   licence is in columns a reader keeps however the rows are cut, and in the `Link` header.
 * - JSON: `licence` ({ id, name, url }) and `attribution` at the top, then the publisher, measure,
 *   summary and points with their analysis.
 * - FHIR R4: the series' MeasureReports in a collection Bundle (fhir/export.ts), the Bundle and
 *   every MeasureReport tagged (`meta.tag`) with the licence's SPDX identifier, so that a report
 *   taken out of the Bundle keeps it.
 *
 * Pure: content in, text or objects out.
 */
import type { MeasureReport } from 'fhir/r4.js';
import { seriesCsv } from '../exports/csv.js';
import type { ReportBundle } from '../fhir/export.js';
import { toBundle } from '../fhir/export.js';
import { effectiveSpcOptions } from '../analysis/options.js';
import type { SeriesPageContent } from './content.js';
import { explanationOf, seriesName } from './chart.js';
import { attribution, LICENCES } from './licences.js';
import type { LicenceInfo } from './licences.js';

/** The system of the licence tags: SPDX licence identifiers. */
export const SPDX_SYSTEM = 'http://spdx.org/licenses';

/** The CSV's extra columns, after the series export's. */
export const LICENCE_COLUMNS = ['licence', 'licence_url', 'publisher'] as const;

const csvCell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * `cells` added at the end of every record of `csv` (`header` on the first): records end at line
 * feeds outside quotes, so a quoted annotation over several lines stays one record.
 */
export function appendColumns(csv: string, header: readonly string[], cells: readonly string[]): string {
  const head = ',' + header.map(csvCell).join(',');
  const tail = ',' + cells.map(csvCell).join(',');
  let out = '';
  let quoted = false;
  let first = true;
  let from = 0;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      out += csv.slice(from, i) + (first ? head : tail) + '\n';
      first = false;
      from = i + 1;
    }
  }
  return out + csv.slice(from);
}

/** The series as CSV with the licence on every row. */
export function openDataCsv(content: SeriesPageContent): string {
  const info = LICENCES[content.profile.licence];
  const csv = seriesCsv({
    analysis: content.analysis.analysis,
    dataType: content.analysis.measure.dataType,
    observations: content.points,
    annotations: content.annotations,
  });
  return appendColumns(csv, LICENCE_COLUMNS, [info.id, info.url, content.organisation.name]);
}

/** The licence as the JSON and the page name it. */
export function licenceOf(content: Pick<SeriesPageContent, 'profile'>): LicenceInfo {
  return LICENCES[content.profile.licence];
}

/** The series as JSON open data. */
export function openDataJson(
  content: SeriesPageContent,
  pageUrl: string,
  generatedAt: Date,
): Record<string, unknown> {
  const info = licenceOf(content);
  const { measure, analysis, series } = content.analysis;
  const explanation = explanationOf(content);
  const stored = new Map(content.points.map((p) => [p.period, p]));
  return {
    licence: { id: info.id, name: info.name, url: info.url },
    attribution: attribution(info.id, content.organisation.name),
    publisher: { odsCode: content.organisation.odsCode, name: content.organisation.name },
    page: pageUrl,
    generatedAt: generatedAt.toISOString(),
    series: { id: series.id, name: seriesName(content), unit: content.unitName },
    measure: {
      code: measure.code,
      name: measure.name,
      description: measure.description,
      unitLabel: measure.unitLabel,
      domain: measure.domain,
      dataType: measure.dataType,
      chartType: measure.chartType,
      frequency: measure.frequency,
      direction: analysis.options.direction,
      source: measure.source,
    },
    summary: {
      variation: analysis.summary.variation,
      assurance: analysis.summary.assurance,
      headline: explanation.headline,
      explanation: explanation.sentences.join(' '),
    },
    points: analysis.points.map((point) => {
      const period = String(point.period);
      const raw = stored.get(period);
      return {
        period,
        value: point.value,
        numerator: raw?.numerator ?? null,
        denominator: raw?.denominator ?? null,
        mean: point.mean,
        lowerLimit: point.lowerLimit,
        upperLimit: point.upperLimit,
        target: point.target,
        pointType: point.pointType,
        ghost: point.ghost,
      };
    }),
    annotations: content.annotations.map((a) => ({ period: a.period, text: a.text })),
  };
}

/** The series as a FHIR Bundle of MeasureReports, each tagged with the licence. */
export function openDataFhir(content: SeriesPageContent, generatedAt: Date): ReportBundle {
  const info = licenceOf(content);
  const tag = { system: SPDX_SYSTEM, code: info.id, display: info.name };
  const measure = {
    ...content.analysis.measure,
    spcOptions: effectiveSpcOptions(content.analysis.measure.spcOptions, content.analysis.series.spcOptions),
  };
  const bundle = toBundle(
    { measure, organisation: content.organisation, unit: content.unitName },
    content.points,
    generatedAt,
  );
  const tagged = (report: MeasureReport): MeasureReport => ({
    ...report,
    meta: { ...report.meta, tag: [tag] },
  });
  return {
    ...bundle,
    meta: { tag: [tag] },
    entry: bundle.entry.map((entry) => ({ ...entry, resource: tagged(entry.resource) })),
  };
}
