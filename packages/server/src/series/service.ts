/**
 * @module series/service
 * Reading a series that must exist, and changing its own SPC options.
 */
import { resolveOptions, SpcInputError } from '@groundswell/spc';
import type { ChartType } from '@groundswell/spc';
import { effectiveSpcOptions } from '../analysis/options.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireMeasure } from '../measures/service.js';
import { parseSpcOptions } from '../measures/spc-options.js';
import type { StoredSpcOptions } from '../measures/spc-options.js';
import { getSeries, setSeriesSpcOptions } from './repository.js';
import type { Series } from './repository.js';

/**
 * The series with this id.
 * @throws {DataError} `not_found`.
 */
export async function requireSeries(db: Database, id: string, field = 'id'): Promise<Series> {
  const series = await getSeries(db, id);
  if (series === undefined) throw new DataError('not_found', 'no series has this id', { field });
  return series;
}

/** What `updateSeries` may change. */
export interface SeriesPatch {
  /** The series' own SPC options, replaced as a whole; null removes them; absent: unchanged. */
  readonly spcOptions?: unknown;
}

/**
 * Checks series options as a measure's are checked (`parseSpcOptions`), then merged over the
 * measure's as the analysis will use them (a baseline the measure's preset refuses, say).
 * An empty object is no options at all: null.
 * @throws {DataError} `invalid_input` naming the option (`spcOptions.<name>`).
 */
function checkSeriesOptions(
  input: unknown,
  measure: { readonly spcOptions: StoredSpcOptions; readonly chartType: ChartType },
): StoredSpcOptions | null {
  if (input === null) return null;
  const options = parseSpcOptions(input);
  if (Object.keys(options).length === 0) return null;
  try {
    resolveOptions(effectiveSpcOptions(measure.spcOptions, options), measure.chartType);
  } catch (error) {
    if (error instanceof SpcInputError) {
      throw new DataError('invalid_input', error.message, { field: `spcOptions.${error.field ?? ''}` });
    }
    throw error;
  }
  return options;
}

/**
 * Changes a series: its own SPC options (merged over its measure's wherever it is analysed, so
 * that a rebase, baseline, preset or direction on a shared measure changes this organisation's
 * chart alone). Every change moves the series' `data_version` on.
 * @throws {DataError} `not_found`, `invalid_input` naming the option.
 */
export async function updateSeries(db: Database, id: string, patch: SeriesPatch): Promise<Series> {
  const series = await requireSeries(db, id);
  if (patch.spcOptions === undefined) return series;
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  const options = checkSeriesOptions(patch.spcOptions, measure);
  const updated = await setSeriesSpcOptions(db, series.id, options);
  if (updated === undefined) throw new DataError('not_found', 'no series has this id', { field: 'id' });
  return updated;
}
