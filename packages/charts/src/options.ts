/**
 * @module options
 * Options of the chart renderers.
 */
import type { PeriodFormatter, ValueFormatter } from './format.js';
import type { FunnelDescribeOptions } from './funnel-describe.js';

/** A note attached to a point: drawn as a numbered marker, its text listed below the plot. */
export interface ChartAnnotation {
  /** Index of the point in `analysis.points`. */
  readonly index: number;
  readonly text: string;
}

/** Options of {@link renderSpcChart}. Every option may be left out. */
export interface SpcChartOptions {
  /** Heading shown above the chart and used as the SVG `<title>` (default: the chart type). */
  readonly title?: string | undefined;
  /** What is measured, for the text alternative (default: the title). */
  readonly measure?: string | undefined;
  /** Replaces the generated text alternative (`<desc>`). */
  readonly description?: string | undefined;
  /** Width in pixels (default 800). */
  readonly width?: number | undefined;
  /** Height in pixels, without the list of annotations, which adds rows below (default 400). */
  readonly height?: number | undefined;
  /** Draws the 1σ and 2σ lines, lighter than the process limits (default false). */
  readonly showSigmaLines?: boolean | undefined;
  /** Numbered markers on points, with their text listed below the plot. */
  readonly annotations?: readonly ChartAnnotation[] | undefined;
  /** How periods are written (default: `Mar 2024` for monthly ISO dates, `1 Mar 2024` for other dates). */
  readonly formatPeriod?: PeriodFormatter | undefined;
  /** How values are written in tooltips, line labels and the description (default: `21,289`, `95.5`). */
  readonly formatValue?: ValueFormatter | undefined;
  /** Unit of the values: `%` is attached (`95%`), others follow a space (T charts default to `days`). */
  readonly unit?: string | undefined;
  /**
   * The values are proportions of 1 shown as percentages (p and p′ charts): y-axis ticks read
   * `90%` for 0.9, and unless `formatValue` and `unit` are given, values are written `78.45%`
   * (default false).
   */
  readonly percent?: boolean | undefined;
  /** Label of the y axis (default: the measure; for T and G charts, what they count). */
  readonly yAxisLabel?: string | undefined;
  /** Prefix of the element ids, to keep them unique when several charts share a page (default: derived from the data). */
  readonly idPrefix?: string | undefined;
}

/** Options of {@link renderFunnelChart}. Every option may be left out. */
export interface FunnelChartOptions extends FunnelDescribeOptions {
  /** Heading shown above the chart and used as the SVG `<title>` (default "Funnel plot"). */
  readonly title?: string | undefined;
  /** Replaces the generated text alternative (`<desc>`, default from {@link describeFunnel}). */
  readonly description?: string | undefined;
  /** Width in pixels (default 800). */
  readonly width?: number | undefined;
  /** Height in pixels, without the notes on warnings, which add rows below (default 450). */
  readonly height?: number | undefined;
  /** Label of the x axis (default "Denominator", or "Expected count" for standardised ratios). */
  readonly xAxisLabel?: string | undefined;
  /** Label of the y axis (default: the measure, else "Proportion", "Ratio (observed ÷ expected)" or "Ratio"). */
  readonly yAxisLabel?: string | undefined;
  /** Prefix of the element ids, to keep them unique when several charts share a page (default: derived from the data). */
  readonly idPrefix?: string | undefined;
}
