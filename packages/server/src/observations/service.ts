/**
 * @module observations/service
 * Reading and writing one series' points as a person: read access first (a hidden series is not
 * found), then the permission (`data.import` to write points, `series.analyse` to ghost one),
 * then the change and its audit record in one transaction; the revisions it makes link to it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { observations } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireMeasure } from '../measures/service.js';
import type { Page, PageRequest } from '../paging.js';
import { requireReadableSeries } from '../series/access.js';
import type { Series } from '../series/repository.js';
import { mayReadImports } from '../imports/access.js';
import { getImport } from '../imports/repository.js';
import { isIsoDate, isUuid } from '../validation.js';
import type { ObservationInput, Provenance } from './input.js';
import type { MergeCounts } from './merge.js';
import { readObservation, readSeriesPage, upsertObservations } from './repository.js';
import type { Observation, PeriodRange } from './repository.js';

/** A point of one series (the series is given separately). */
export type SeriesPoint = Omit<ObservationInput, 'seriesId'>;

/** Who writes: an import, a user, or both (a person's own id always wins over `userId`). */
export interface WriteSource {
  readonly importId?: string | undefined;
  /** Only for system principals (the command line), which are no person. */
  readonly userId?: string | undefined;
}

/**
 * The user recorded as making a change by a system principal that names no one: revisions need a
 * user or an import.
 */
export const UNSIGNED_EDITOR = '00000000-0000-4000-8000-000000000000';

/** The person recorded as making a change: the signed-in person, else the id given, else none. */
function editorOf(principal: Principal, userId: string | undefined): string | undefined {
  return principal.kind === 'user' ? principal.userId : userId;
}

/**
 * A series' points in period order, a page at a time.
 * @throws {DataError} `not_found` for an unknown or hidden series.
 */
export async function seriesObservations(
  db: Database,
  principal: Principal,
  seriesId: string,
  request: PeriodRange & PageRequest,
): Promise<Page<Observation>> {
  const series = await requireReadableSeries(db, principal, seriesId);
  return readSeriesPage(db, series.id, request);
}

function provenanceOf(principal: Principal, source: WriteSource, auditEventId: number): Provenance {
  const userId = editorOf(principal, source.userId);
  return source.importId === undefined
    ? { userId: userId ?? UNSIGNED_EDITOR, auditEventId }
    : { importId: source.importId, userId: userId ?? null, auditEventId };
}

const pointJson = (point: Observation | SeriesPoint): Record<string, unknown> => ({
  period: point.period,
  value: point.value ?? null,
  numerator: point.numerator ?? null,
  denominator: point.denominator ?? null,
  ghost: point.ghost ?? null,
});

/** The stored points of these periods (for the audit's before). */
async function storedPoints(
  db: Database,
  series: Series,
  periods: readonly string[],
): Promise<Observation[]> {
  const valid = periods.filter((period) => isIsoDate(period));
  if (valid.length === 0) return [];
  return db
    .select({
      period: observations.period,
      value: observations.value,
      numerator: observations.numerator,
      denominator: observations.denominator,
      ghost: observations.ghost,
      importId: observations.importId,
      recordedBy: observations.recordedBy,
      recordedAt: observations.recordedAt,
    })
    .from(observations)
    .where(and(eq(observations.seriesId, series.id), inArray(observations.period, valid)))
    .orderBy(asc(observations.period));
}

/**
 * Checks that points of `series` may be recorded as part of this import: it must be one of the
 * series' organisation, or a national one (rows of many organisations) that the person may work
 * with (`mayReadImports`: platform administrators). Any other is answered as if it did not exist,
 * so that ids cannot be probed. Whether it is still running is checked when the points are written.
 * @throws {DataError} `not_found` on `importId`.
 */
async function requireImportOf(
  db: Database,
  principal: Principal,
  series: Series,
  importId: string,
): Promise<void> {
  const found = isUuid(importId) ? await getImport(db, importId) : undefined;
  const allowed =
    found !== undefined &&
    (found.organisationId === series.organisationId ||
      (found.organisationId === null && mayReadImports(principal, null)));
  if (!allowed) {
    throw new DataError('not_found', 'no import has this id', { field: 'importId' });
  }
}

/**
 * Writes points of one series, all or nothing, audited (`observations.write`).
 * @throws {DataError} `not_found` (series, also when hidden; an import not of the series'
 * organisation), `conflict` (an import that has finished), `unauthenticated`,
 * `forbidden`, `invalid_input` naming `rows[i].field`.
 */
export async function writeSeriesObservations(
  db: Database,
  principal: Principal,
  seriesId: string,
  points: readonly SeriesPoint[],
  source: WriteSource,
): Promise<MergeCounts> {
  const series = await requireReadableSeries(db, principal, seriesId);
  requirePermission(principal, 'data.import', series.organisationId);
  if (source.importId !== undefined) await requireImportOf(db, principal, series, source.importId);
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  const rows = points.map((point) => ({ ...point, seriesId: series.id }));
  if (rows.length === 0) return upsertObservations(db, rows, provenanceOf(principal, source, 0));
  return db.transaction(async (tx) => {
    const before = await storedPoints(
      tx,
      series,
      points.map((point) => point.period),
    );
    const periods = points.map((point) => point.period).sort();
    const auditEventId = await recordAudit(tx, principal, {
      action: 'observations.write',
      entityType: 'series',
      entityId: series.id,
      organisationId: series.organisationId,
      summary: `Recorded ${points.length} point${points.length === 1 ? '' : 's'} of ${measure.name} (${periods[0]} to ${periods.at(-1)})`,
      before: before.map(pointJson),
      after: points.map(pointJson),
    });
    return upsertObservations(tx, rows, provenanceOf(principal, source, auditEventId));
  });
}

/**
 * Ghosts a stored point (left out of every calculation, still drawn) or brings it back, keeping
 * its numbers: a change like any other write, so the previous state is kept as a revision (linked
 * to the change's audit event, `observation.ghost`), the point's provenance becomes the person,
 * and the series' `data_version` moves on. Needs `series.analyse`. Setting the flag it already
 * has changes nothing.
 * @returns the point as now stored.
 * @throws {DataError} `not_found` (series, also when hidden; `period` when the series has no
 * point there), `unauthenticated`, `forbidden`, `invalid_input`.
 */
export async function setObservationGhost(
  db: Database,
  principal: Principal,
  seriesId: string,
  period: string,
  ghost: boolean,
  userId?: string,
): Promise<Observation> {
  const series = await requireReadableSeries(db, principal, seriesId);
  requirePermission(principal, 'series.analyse', series.organisationId);
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  return db.transaction(async (tx) => {
    const point = await readObservation(tx, series.id, period, { forUpdate: true });
    if (point === undefined) {
      throw new DataError('not_found', 'the series has no point for this period', { field: 'period' });
    }
    if (point.ghost === ghost) return point;
    const auditEventId = await recordAudit(tx, principal, {
      action: 'observation.ghost',
      entityType: 'series',
      entityId: series.id,
      organisationId: series.organisationId,
      summary: ghost
        ? `Ghosted the point of ${point.period} of ${measure.name} (left out of the calculations)`
        : `Brought back the ghosted point of ${point.period} of ${measure.name}`,
      before: { period: point.period, ghost: point.ghost },
      after: { period: point.period, ghost },
    });
    const { value, numerator, denominator } = point;
    await upsertObservations(
      tx,
      [{ seriesId: series.id, period: point.period, value, numerator, denominator, ghost }],
      { userId: editorOf(principal, userId) ?? UNSIGNED_EDITOR, auditEventId },
    );
    return (await readObservation(tx, series.id, point.period))!;
  });
}
