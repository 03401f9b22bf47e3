/**
 * @module series/service
 * Reading a series that must exist, finding or creating one, and changing its own SPC options,
 * as a person: read access first (hidden is not found), then the permission, then the change
 * and its audit record in one transaction.
 */
import { resolveOptions, SpcInputError } from '@groundswell/spc';
import type { ChartType } from '@groundswell/spc';
import { and, eq, isNull } from 'drizzle-orm';
import { effectiveSpcOptions } from '../analysis/options.js';
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { measureSeries } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireMeasure, requireReadableMeasure } from '../measures/service.js';
import { parseSpcOptions } from '../measures/spc-options.js';
import type { StoredSpcOptions } from '../measures/spc-options.js';
import type { Page, PageRequest } from '../paging.js';
import { requireUuid } from '../validation.js';
import { requireReadableSeries, seriesNotFound, seriesReadableBy } from './access.js';
import { ensureSeries, getSeries, listSeriesPage, setSeriesSpcOptions } from './repository.js';
import type { Series, SeriesFilter, SeriesKey } from './repository.js';

/**
 * The series with this id, whoever asks (for services that already checked access).
 * @throws {DataError} `not_found`.
 */
export async function requireSeries(db: Database, id: string, field = 'id'): Promise<Series> {
  const series = await getSeries(db, id);
  if (series === undefined) throw seriesNotFound(field);
  return series;
}

/** The series `principal` may read, filtered, oldest first, a page at a time. */
export async function listReadableSeries(
  db: Database,
  principal: Principal,
  filter: SeriesFilter & PageRequest,
): Promise<Page<Series>> {
  return listSeriesPage(db, filter, seriesReadableBy(principal));
}

/**
 * The series of a measure × organisation × unit, created if new: the measure must be readable
 * (else `not_found`, as an unknown one), and the person needs `data.import` in the organisation.
 * A new series is audited (`series.create`).
 * @throws {DataError} `not_found`, `unauthenticated`, `forbidden`, `conflict`, `invalid_input`.
 */
export async function findOrCreateSeries(
  db: Database,
  principal: Principal,
  key: SeriesKey,
): Promise<Series> {
  const measure = await requireReadableMeasure(db, principal, key.measureId, 'measureId');
  const organisationId = requireUuid('organisationId', key.organisationId);
  requirePermission(principal, 'data.import', organisationId);
  const unitId = key.unitId == null ? null : requireUuid('unitId', key.unitId);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(measureSeries)
      .where(
        and(
          eq(measureSeries.measureId, measure.id),
          eq(measureSeries.organisationId, organisationId),
          unitId === null ? isNull(measureSeries.unitId) : eq(measureSeries.unitId, unitId),
        ),
      );
    if (existing !== undefined) return existing;
    const series = await ensureSeries(tx, { measureId: measure.id, organisationId, unitId });
    await recordAudit(tx, principal, {
      action: 'series.create',
      entityType: 'series',
      entityId: series.id,
      organisationId,
      summary: `Started recording ${measure.name}${unitId === null ? '' : ' for a unit'}`,
      after: { measureId: measure.id, organisationId, unitId },
    });
    return series;
  });
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
 * chart alone). Needs `series.analyse` in the series' organisation. Every change moves the
 * series' `data_version` on and is audited (`series.set_options`).
 * @throws {DataError} `not_found` (also when hidden), `unauthenticated`, `forbidden`,
 * `invalid_input` naming the option.
 */
export async function updateSeries(
  db: Database,
  principal: Principal,
  id: string,
  patch: SeriesPatch,
): Promise<Series> {
  const series = await requireReadableSeries(db, principal, id);
  requirePermission(principal, 'series.analyse', series.organisationId);
  if (patch.spcOptions === undefined) return series;
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  const options = checkSeriesOptions(patch.spcOptions, measure);
  return db.transaction(async (tx) => {
    const updated = await setSeriesSpcOptions(tx, series.id, options);
    if (updated === undefined) throw seriesNotFound();
    await recordAudit(tx, principal, {
      action: 'series.set_options',
      entityType: 'series',
      entityId: series.id,
      organisationId: series.organisationId,
      summary:
        options === null
          ? `Removed this series' own SPC options for ${measure.name}`
          : `Changed this series' own SPC options for ${measure.name}`,
      before: { spcOptions: series.spcOptions },
      after: { spcOptions: updated.spcOptions },
    });
    return updated;
  });
}
