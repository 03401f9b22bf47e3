/**
 * @module input/periods
 * Period cells are read by the engine package's text readers, shared with the server's imports.
 */
export { formatPeriod, parsePeriod, PERIOD_FORMS } from '@groundswell/spc';
export type { ParsedPeriod, PeriodKind } from '@groundswell/spc';
