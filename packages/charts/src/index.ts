/**
 * @module @groundswell/charts
 * SVG rendering of SPC analyses from `@groundswell/spc`, shared by the CLI, the web app and PDF
 * reports: pure functions that return SVG or text strings (no DOM, no I/O), and the file name of
 * a series' export or downloaded chart.
 */
export { renderSpcChart } from './chart.js';
export type { SpcChartOptions, ChartAnnotation } from './options.js';
export { renderVariationIcon, renderAssuranceIcon } from './icons.js';
export type { IconOptions } from './icons.js';
export { describeAnalysis } from './describe.js';
export type { DescribeOptions } from './describe.js';
export { variationLabel, assuranceLabel, pointTypeLabel } from './labels.js';
export { periodFormatter, formatNumber, monthLabel, longDate } from './format.js';
export type { PeriodFormatter, ValueFormatter } from './format.js';
export { escapeXml } from './xml.js';
export { renderSparkline, describeSparkline } from './sparkline.js';
export type { SparklineData, SparklineOptions, SparklineDescribeOptions } from './sparkline.js';
export { renderFunnelChart } from './funnel-chart.js';
export type { FunnelChartOptions } from './options.js';
export { describeFunnel } from './funnel-describe.js';
export type { FunnelDescribeOptions } from './funnel-describe.js';
export type { UnitNoun } from './funnel-labels.js';
export { exportFileName, slug } from './filename.js';
export type { ExportNameParts } from './filename.js';
export { describeDriverDiagram, driverDiagramFileName, renderDriverDiagram } from './driver-diagram.js';
export type { DriverDiagramBox, DriverDiagramData, DriverDiagramOptions } from './driver-diagram.js';
