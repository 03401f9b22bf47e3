/**
 * @module @groundswell/cli
 * The `groundswell` command line, as a function for embedding and tests.
 */
export { main } from './program.js';
export { CliError } from './errors.js';
export { parsePeriod, formatPeriod, type PeriodKind } from './input/periods.js';
