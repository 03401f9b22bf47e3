/**
 * @module reports/section
 * One section of a board report, worked out from a series' points up to the end of the month: the
 * SPC chart (the shared renderer's SVG, as the web app draws it), the variation and assurance
 * icons, the analysis in words (the chart's text alternative) and the owner's commentary; and the
 * report's content from its sections (grouped by domain, the summary matrix first). Pure.
 */
import {
  assuranceLabel,
  describeAnalysis,
  formatNumber,
  renderSpcChart,
  variationLabel,
  monthLabel,
} from '@groundswell/charts';
import { SpcInputError } from '@groundswell/spc';
import type { SpcAnalysis } from '@groundswell/spc';
import { analyse, plottable } from '../analysis/engine.js';
import type { StoredPoint } from '../analysis/engine.js';
import { effectiveSpcOptions } from '../analysis/options.js';
import { summaryMatrix } from '../dashboard/cards.js';
import type { Domain, Visibility } from '../db/schema/vocabulary.js';
import type { Measure } from '../measures/repository.js';
import { targetOn } from '../measures/targets.js';
import type { MeasureTarget } from '../measures/targets.js';
import { monthEnd } from './period.js';
import type { CommentaryRow, ReportSeriesRow } from './repository.js';
import type { ReportContent, ReportSection } from './schemas.js';

/** How a measure's values are written: proportions as percentages, T charts in days. */
export interface ValueFormat {
  readonly formatValue: (value: number) => string;
  readonly unit: string | undefined;
  readonly percent: boolean;
}

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The web app's measure formats (components/measure/format.ts), for the same charts and words. */
export function valueFormat(measure: Pick<Measure, 'dataType' | 'chartType' | 'unitLabel'>): ValueFormat {
  if (measure.dataType === 'proportion') {
    return { formatValue: (v) => oneDecimal.format(v * 100), unit: '%', percent: true };
  }
  if (measure.chartType === 't') return { formatValue: formatNumber, unit: 'days', percent: false };
  return {
    formatValue: formatNumber,
    unit: measure.unitLabel === '' ? undefined : measure.unitLabel,
    percent: false,
  };
}

function withUnit(format: ValueFormat, value: number): string {
  const text = format.formatValue(value);
  if (format.unit === undefined) return text;
  return format.unit === '%' ? `${text}%` : `${text} ${format.unit}`;
}

const DOMAIN_LABELS: Readonly<Record<Domain, string>> = {
  safety: 'Safety',
  experience: 'Experience',
  effectiveness: 'Effectiveness',
  workforce: 'Workforce',
  finance: 'Finance',
  other: 'Other',
};

/** A domain in words. */
export const domainLabel = (domain: Domain): string => DOMAIN_LABELS[domain];

/** Everything a section is made from. */
export interface SectionInput {
  readonly row: ReportSeriesRow;
  /** The series' points up to the end of the month, in period order. */
  readonly points: readonly StoredPoint[];
  readonly targets: readonly MeasureTarget[];
  readonly commentary: CommentaryRow | undefined;
  /** The month, as its first day. */
  readonly period: string;
}

/** A section's title: the measure, and its unit for a unit's series. */
export function sectionTitle(row: Pick<ReportSeriesRow, 'measure' | 'unitName' | 'unitId'>): string {
  return row.unitId === null ? row.measure.name : `${row.measure.name}: ${row.unitName ?? 'a unit'}`;
}

/** The analysis of the points, or why there is none. */
function analysed(input: SectionInput): SpcAnalysis | string {
  const { measure } = input.row;
  const points = plottable(measure.dataType, input.points);
  if (points.length === 0) return `There are no data up to the end of ${monthLabel(input.period)}.`;
  const withTargets = input.targets.length > 0 && measure.chartType !== 't' && measure.chartType !== 'g';
  try {
    return analyse({
      chartType: measure.chartType,
      dataType: measure.dataType,
      options: effectiveSpcOptions(measure.spcOptions, input.row.seriesOptions),
      points,
      targets: withTargets ? points.map((point) => targetOn(input.targets, point.period)) : undefined,
    });
  } catch (error) {
    if (!(error instanceof SpcInputError)) throw error;
    return `The data cannot be analysed: ${error.message}.`;
  }
}

/** A section of the report for one series and month. */
export function reportSection(input: SectionInput, index: number): ReportSection {
  const { row } = input;
  const { measure } = row;
  const format = valueFormat(measure);
  const title = sectionTitle(row);
  const latest = input.points.at(-1);
  const latestValue =
    latest === undefined
      ? null
      : (latest.value ??
        (latest.numerator !== null && latest.denominator ? latest.numerator / latest.denominator : null));
  const target = latest === undefined ? null : targetOn(input.targets, latest.period);
  const analysis = analysed(input);
  const common = {
    seriesId: row.seriesId,
    title,
    measure: {
      id: measure.id,
      code: measure.code,
      name: measure.name,
      description: measure.description,
      domain: measure.domain,
      visibility: measure.visibility,
      unitLabel: measure.unitLabel,
    },
    unit: row.unitId === null ? null : { id: row.unitId, name: row.unitName ?? '' },
    pointCount: input.points.length,
    latest:
      latest === undefined || latestValue === null
        ? null
        : { period: latest.period, text: withUnit(format, latestValue) },
    target:
      target === null || measure.chartType === 't' || measure.chartType === 'g'
        ? null
        : withUnit(format, target),
    commentary:
      input.commentary === undefined
        ? null
        : {
            text: input.commentary.text,
            author: input.commentary.author,
            updatedAt: input.commentary.updatedAt.toISOString(),
          },
  };
  if (typeof analysis === 'string') {
    return {
      ...common,
      icons: {
        variation: 'none',
        assurance: null,
        variationLabel: variationLabel('none'),
        assuranceLabel: null,
      },
      analysis,
      chartSvg: null,
      warnings: [],
    };
  }
  const { variation, assurance } = analysis.summary;
  return {
    ...common,
    icons: {
      variation,
      assurance,
      variationLabel: variationLabel(variation),
      assuranceLabel: assurance === null ? null : assuranceLabel(assurance),
    },
    analysis: describeAnalysis(analysis, {
      measure: title,
      unit: format.unit,
      formatValue: format.formatValue,
    }),
    chartSvg: renderSpcChart(analysis, {
      title,
      measure: title,
      unit: format.unit,
      formatValue: format.formatValue,
      percent: format.percent,
      idPrefix: `report-${index}`,
    }),
    warnings: analysis.warnings.map((warning) => warning.message),
  };
}

const RANK: Readonly<Record<Visibility, number>> = { public: 0, internal: 1, private: 2 };

/** What a report's content is made from, apart from its sections. */
export interface ContentHeader {
  readonly definitionId: string;
  readonly title: string;
  readonly description: string;
  readonly organisation: { readonly id: string; readonly odsCode: string; readonly name: string };
  /** The month, as its first day. */
  readonly period: string;
  readonly generatedAt: Date;
}

/**
 * A report's content: the summary matrix of every section's icons, then the sections grouped by
 * their measures' domain (domains in the order their first series comes in the report; sections
 * in the report's order within each).
 */
export function reportContent(header: ContentHeader, sections: readonly ReportSection[]): ReportContent {
  const domains: ReportContent['domains'] = [];
  for (const section of sections) {
    let group = domains.find((d) => d.domain === section.measure.domain);
    if (group === undefined) {
      group = { domain: section.measure.domain, label: domainLabel(section.measure.domain), sections: [] };
      domains.push(group);
    }
    group.sections.push(section);
  }
  const visibility = sections.reduce<Visibility>(
    (most, s) => (RANK[s.measure.visibility] > RANK[most] ? s.measure.visibility : most),
    'public',
  );
  return {
    format: 'report-1',
    definitionId: header.definitionId,
    title: header.title,
    description: header.description,
    organisation: { ...header.organisation },
    period: header.period,
    periodLabel: monthLabel(header.period),
    dataTo: monthEnd(header.period),
    generatedAt: header.generatedAt.toISOString(),
    visibility,
    matrix: summaryMatrix(
      sections.map((s) => ({ id: s.seriesId, variation: s.icons.variation, assurance: s.icons.assurance })),
    ),
    domains,
  };
}
