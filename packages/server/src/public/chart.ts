/**
 * @module public/chart
 * A published series' SPC chart as the public pages, the embeddable SVG and the embed page draw
 * it (the shared renderer, with the measure's value format and the series' annotations), and the
 * words that go with it: the plain-English headline and the full text alternative. Pure.
 */
import { describeAnalysis, renderSpcChart } from '@groundswell/charts';
import type { SeriesAnalysis } from '../analysis/service.js';
import { valueFormat, withUnit } from './format.js';
import type { ValueFormat } from './format.js';
import { explainForPublic } from './plain-english.js';
import type { PublicExplanation } from './plain-english.js';

/** What a series' chart is drawn and described from. */
export interface ChartSource {
  readonly analysis: SeriesAnalysis;
  readonly organisation: { readonly name: string };
  readonly unitName: string | null;
  readonly annotations: readonly { readonly period: string; readonly text: string }[];
}

/** "A&E 4-hour performance, Type 1 A&E": the measure and where it is measured. */
export function seriesName(source: Pick<ChartSource, 'analysis' | 'unitName'>): string {
  const { measure } = source.analysis;
  return source.unitName === null ? measure.name : `${measure.name}, ${source.unitName}`;
}

/** The series' value format. */
export function formatOf(source: Pick<ChartSource, 'analysis'>): ValueFormat {
  return valueFormat(source.analysis.measure);
}

/** The headline and sentences for the public. */
export function explanationOf(source: Pick<ChartSource, 'analysis'>): PublicExplanation {
  const { analysis } = source.analysis;
  const format = formatOf(source);
  const last = analysis.points.at(-1);
  const target = last?.target ?? null;
  return explainForPublic({
    variation: analysis.summary.variation,
    assurance: analysis.summary.assurance,
    direction: analysis.options.direction,
    target: target === null ? null : withUnit(format, target),
    points: analysis.points.length,
  });
}

/** The full text alternative (the charts package's, as the web app's measure page gives it). */
export function detailOf(source: Pick<ChartSource, 'analysis' | 'unitName'>): string {
  const format = formatOf(source);
  return describeAnalysis(source.analysis.analysis, {
    measure: seriesName(source),
    formatValue: format.formatValue,
    unit: format.unit,
  });
}

/** The chart as a standalone SVG document (`width` × `height`, scaled by its `viewBox`). */
export function chartSvg(
  source: ChartSource,
  size: { width: number; height: number } = { width: 800, height: 420 },
): string {
  const { analysis } = source.analysis;
  const format = formatOf(source);
  const periods = analysis.points.map((p) => String(p.period));
  const annotations = source.annotations
    .map((a) => ({ index: periods.indexOf(a.period), text: a.text }))
    .filter((a) => a.index >= 0);
  const name = seriesName(source);
  return renderSpcChart(analysis, {
    title: `${name}: ${source.organisation.name}`,
    measure: name,
    unit: format.unit,
    formatValue: format.formatValue,
    percent: format.percent,
    annotations,
    idPrefix: `public-${size.width}-${source.analysis.series.id.slice(0, 8)}`,
    ...size,
  });
}

/** The phone layout's size (the renderer wraps its title and moves its icons below 480 px). */
export const NARROW = { width: 360, height: 480 } as const;

/**
 * The chart for a page: drawn for a wide screen and for a phone, the stylesheet showing the one
 * that fits (no script needed; the hidden one is hidden from assistive technology too).
 */
export function responsiveChart(source: ChartSource): string {
  return (
    `<div class="gs-chart-wide">${chartSvg(source)}</div>` +
    `<div class="gs-chart-narrow">${chartSvg(source, NARROW)}</div>`
  );
}
