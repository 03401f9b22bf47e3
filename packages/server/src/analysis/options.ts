/**
 * @module analysis/options
 * The SPC options a series is analysed with: its measure's, with the series' own options (if any)
 * over them. The one place that decides it: the analysis, dashboard cards, exports and FHIR all
 * take their options from here, so that one organisation's rebase, baseline, preset or direction
 * on a shared measure changes its own charts and no one else's.
 */
import type { StoredSpcOptions } from '../measures/spc-options.js';

/**
 * The options a series is analysed with: each option the series sets replaces the measure's (a
 * list such as `rebaseAt` is replaced as a whole; `baseline: null` removes the measure's baseline);
 * the others are the measure's. Without series options the measure's own object is returned, so
 * that the engine's per-object cache of resolved options keeps working for unchanged series.
 */
export function effectiveSpcOptions(
  measureOptions: StoredSpcOptions,
  seriesOptions: StoredSpcOptions | null | undefined,
): StoredSpcOptions {
  if (seriesOptions == null || Object.keys(seriesOptions).length === 0) return measureOptions;
  return { ...measureOptions, ...seriesOptions };
}
