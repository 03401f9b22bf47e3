/**
 * @module components/reports/test-support
 * A report as the API sends it, for the report pages' tests: RF4's monthly report for March 2019
 * with two domains, a measure with a commentary and one without, and its issued versions.
 */
import type { IssuedReport, ReportContent, ReportDefinition, ReportRun, ReportSection } from './data';

export const REPORT_ID = '40000000-0000-4000-8000-000000000001';
export const FALLS_ID = '40000000-0000-4000-8000-0000000000a1';
export const FFT_ID = '40000000-0000-4000-8000-0000000000a2';
const ORG_ID = '00000000-0000-4000-8000-0000000000f4';

const SVG = (title: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 400" role="img" aria-labelledby="t-${title.length}"><title id="t-${title.length}">${title}</title><rect width="800" height="400" fill="#fff"/></svg>`;

export const FALLS: ReportSection = {
  seriesId: FALLS_ID,
  title: 'Inpatient falls: Ward 10',
  measure: {
    id: '40000000-0000-4000-8000-0000000000b1',
    code: 'demo-falls',
    name: 'Inpatient falls',
    description: '',
    domain: 'safety',
    visibility: 'internal',
    unitLabel: 'falls per 1,000 bed days',
  },
  unit: { id: '40000000-0000-4000-8000-0000000000c1', name: 'Ward 10' },
  pointCount: 36,
  latest: { period: '2019-03-01', text: '3.9 falls per 1,000 bed days' },
  target: null,
  icons: {
    variation: 'improvement_low',
    assurance: null,
    variationLabel: 'Special cause improvement (low)',
    assuranceLabel: null,
  },
  analysis: 'Inpatient falls: Ward 10: u chart, 36 points. Special cause improvement since December 2017.',
  chartSvg: SVG('Inpatient falls: Ward 10'),
  warnings: [],
  commentary: {
    text: 'Sustained since the rounding project.',
    author: 'Demo QI lead',
    updatedAt: '2019-04-05T10:00:00.000Z',
  },
};

export const FFT: ReportSection = {
  ...FALLS,
  seriesId: FFT_ID,
  title: 'Would recommend: Ward 12',
  measure: {
    ...FALLS.measure,
    id: '40000000-0000-4000-8000-0000000000b2',
    name: 'Would recommend',
    domain: 'experience',
  },
  latest: { period: '2019-03-01', text: '91.2%' },
  target: '90%',
  icons: {
    variation: 'common_cause',
    assurance: 'hit_or_miss',
    variationLabel: 'Common cause variation',
    assuranceLabel: 'Hit or miss the target',
  },
  analysis: 'Would recommend: Ward 12: p chart, 36 points. Common cause variation only.',
  chartSvg: SVG('Would recommend: Ward 12'),
  commentary: null,
};

export const CONTENT: ReportContent = {
  format: 'report-1',
  definitionId: REPORT_ID,
  title: 'Monthly board report',
  description: 'For the board.',
  organisation: { id: ORG_ID, odsCode: 'RF4', name: 'Barking, Havering and Redbridge' },
  period: '2019-03-01',
  periodLabel: 'March 2019',
  dataTo: '2019-03-31',
  generatedAt: '2026-11-26T10:00:00.000Z',
  visibility: 'internal',
  matrix: [
    { variation: 'improvement_low', assurance: null, count: 1, seriesIds: [FALLS_ID] },
    { variation: 'common_cause', assurance: 'hit_or_miss', count: 1, seriesIds: [FFT_ID] },
    { variation: 'common_cause', assurance: 'pass', count: 0, seriesIds: [] },
  ],
  domains: [
    { domain: 'safety', label: 'Safety', sections: [FALLS] },
    { domain: 'experience', label: 'Experience', sections: [FFT] },
  ],
};

export const RUN: ReportRun = { content: CONTENT, canManage: true, canComment: [FALLS_ID, FFT_ID] };

export const DEFINITION: ReportDefinition = {
  id: REPORT_ID,
  organisationId: ORG_ID,
  title: 'Monthly board report',
  description: 'For the board.',
  items: [FALLS, FFT].map((s) => ({
    seriesId: s.seriesId,
    measure: {
      id: s.measure.id,
      code: s.measure.code,
      name: s.measure.name,
      domain: s.measure.domain,
      visibility: s.measure.visibility,
    },
    unit: s.unit,
  })),
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

export const ISSUED: IssuedReport = {
  id: '40000000-0000-4000-8000-0000000000e1',
  definitionId: REPORT_ID,
  organisationId: ORG_ID,
  title: 'Monthly board report',
  period: '2019-03-01',
  version: 1,
  issuedBy: 'Demo chief executive (board)',
  issuedAt: '2026-11-20T09:30:00.000Z',
  pdfBytes: 412_000,
};
