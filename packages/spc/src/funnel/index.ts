/**
 * @module funnel
 * Funnel plots (spc-method.md §5): the public part.
 */
export { funnel } from './funnel.js';
export { FUNNEL_DEFAULT_LEVELS, FUNNEL_FIXED_LEVELS, FUNNEL_DEFAULT_CURVE_POINTS } from './constants.js';
export type * from './types.js';
