/**
 * @module @groundswell/spc
 * Statistical process control exactly as NHS England's Making Data Count (preset `mdc`) and
 * NHSRplotthedots (preset `nhsr`) compute it. Pure functions, no I/O.
 */
export { xmr } from './xmr.js';
export { tChart } from './t-chart.js';
export { gChart } from './g-chart.js';
export { resolveOptions, PRESETS } from './options.js';
export { SpcInputError, type SpcErrorCode } from './errors.js';
export { isoDateToDay, dayToIsoDate } from './dates.js';
export * from './constants.js';
export type * from './types.js';
export { attributeChart } from './attribute.js';
export { runChart, longestRunMax, crossingsMin } from './run-chart.js';
export * from './funnel/index.js';
export { normalQuantile, chiSquareQuantile, binomialCdf, binomialQuantile } from './quantiles.js';
export { FLAG_BITS, flagAt } from './rules/sides.js';
export { sideToType as pointTypeOf } from './classify.js';
export { ANALYSIS_COLUMNS, POINT_COLUMNS, analysisCells, csvField, numberCell, pointRows } from './table.js';
export type { PointRowsOptions } from './table.js';
export { parseNumber, parseFlag } from './text/cells.js';
export {
  parsePeriod,
  formatPeriod,
  PERIOD_FORMS,
  type ParsedPeriod,
  type PeriodKind,
} from './text/periods.js';
