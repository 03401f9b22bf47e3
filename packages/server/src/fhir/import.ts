/**
 * @module fhir/import
 * Importing FHIR MeasureReports into an organisation: each report is matched to a measure the
 * organisation may record (its own, else a shared one, by the code of the canonical URL), to one
 * of its units (`subject.display`) or the organisation as a whole, and to a period; missing series
 * are created, and every point is written through the observations' write path as one import
 * (format `fhir`), all in one transaction: one bad report writes nothing.
 */
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { createImport, finishImport } from '../imports/repository.js';
import { getMeasureByCode } from '../measures/repository.js';
import type { Measure } from '../measures/repository.js';
import type { ObservationInput } from '../observations/input.js';
import type { MergeCounts } from '../observations/merge.js';
import { upsertObservations } from '../observations/repository.js';
import { MAX_BATCH_ROWS } from '../observations/schemas.js';
import type { Organisation } from '../organisations/repository.js';
import { findOrganisation } from '../organisations/service.js';
import { ensureSeries, listSeries } from '../series/repository.js';
import { listUnits } from '../units/repository.js';
import { fieldAt, parseReports } from './parse.js';
import type { ParsedReport } from './parse.js';
import { periodEnd } from './periods.js';
import { unitNames } from '../units/names.js';
import type { UnitNames } from '../units/names.js';

/** Who imports, and how strictly. */
export interface FhirImportOptions {
  /**
   * The user importing (recorded on the import and the points) when the command line imports; a
   * signed-in person is always recorded as themselves.
   */
  readonly userId?: string | undefined;
  /** Accept reports whose reporter is another organisation's ODS code (default: refuse them). */
  readonly anyReporter?: boolean | undefined;
}

/** One series the import wrote to. */
export interface ImportedSeries {
  readonly seriesId: string;
  readonly measureCode: string;
  readonly unit: string | null;
  readonly created: boolean;
  readonly reports: number;
}

/** What an import did. */
export interface FhirImportResult extends MergeCounts {
  readonly importId: string;
  readonly reports: number;
  readonly series: ImportedSeries[];
}

/** A report matched to its series. */
interface Matched {
  readonly report: ParsedReport;
  readonly key: string;
  readonly measure: Measure;
  readonly unitId: string | null;
}

/** Where a row's problem found by the write path is, in the report (by the write path's reason). */
const REASON_FIELDS: Readonly<Record<string, string>> = {
  value_required: 'group[0].measureScore.value',
  not_a_count: 'group[0].measureScore.value',
  duplicate_point: 'period.start',
};

/** The write path's error on `rows[i]` as an error on the report it came from. */
function reportError(error: unknown, reports: readonly ParsedReport[]): unknown {
  if (!(error instanceof DataError) || error.index === undefined || !error.field?.startsWith('rows['))
    return error;
  const report = reports[error.index];
  if (report === undefined) return error;
  const field = fieldAt(report.at, REASON_FIELDS[error.reason ?? ''] ?? 'group[0].population');
  const message = error.message.replace(/^rows\[\d+\]: /, '');
  const duplicate =
    error.reason === 'duplicate_point' ? ' (the same measure, unit and period appear twice)' : '';
  return new DataError('invalid_input', `${field}: ${message}${duplicate}`, {
    field,
    index: report.index,
    ...(error.reason === undefined ? {} : { reason: error.reason }),
    cause: error,
  });
}

function checkReporters(reports: readonly ParsedReport[], organisation: Organisation): void {
  for (const report of reports) {
    if (report.reporterOds === null || report.reporterOds === organisation.odsCode) continue;
    const field = fieldAt(report.at, 'reporter.identifier.value');
    throw new DataError(
      'invalid_input',
      `${field}: the report is from ${report.reporterOds}, not ${organisation.odsCode}; add ?anyReporter=true to import another organisation's reports`,
      { field, index: report.index, reason: 'other_reporter' },
    );
  }
}

/** Matches reports to measures, units and periods (reads only). */
async function match(
  db: Database,
  organisation: Organisation,
  reports: readonly ParsedReport[],
): Promise<Matched[]> {
  const measures = new Map<string, Measure | undefined>();
  let units: UnitNames | undefined;
  const matched: Matched[] = [];
  for (const report of reports) {
    if (!measures.has(report.measureCode)) {
      const own = await getMeasureByCode(db, organisation.id, report.measureCode);
      measures.set(report.measureCode, own ?? (await getMeasureByCode(db, null, report.measureCode)));
    }
    const measure = measures.get(report.measureCode);
    if (measure === undefined) {
      throw new DataError(
        'invalid_input',
        `${fieldAt(report.at, 'measure')}: ${organisation.odsCode} has no measure with the code "${report.measureCode}" (of its own or shared)`,
        { field: fieldAt(report.at, 'measure'), index: report.index, reason: 'unknown_measure' },
      );
    }
    if (report.end !== null && report.end !== periodEnd(report.start, measure.frequency)) {
      const field = fieldAt(report.at, 'period.end');
      throw new DataError(
        'invalid_input',
        `${field}: "${measure.code}" is recorded per ${measure.frequency}, so the period from ${report.start} ends on ${periodEnd(report.start, measure.frequency)} (got ${report.end})`,
        { field, index: report.index, reason: 'period_mismatch' },
      );
    }
    let unitId: string | null = null;
    if (report.unit !== null) {
      units ??= unitNames(await listUnits(db, organisation.id));
      const found = units.find(report.unit);
      if ('problem' in found) {
        const field = fieldAt(report.at, 'subject.display');
        throw new DataError(
          'invalid_input',
          found.problem === 'ambiguous'
            ? `${field}: several units of ${organisation.odsCode} are named "${report.unit}"; give its path, such as "Division / ${report.unit}"`
            : `${field}: ${organisation.odsCode} has no unit named "${report.unit}"`,
          { field, index: report.index, reason: `${found.problem}_unit` },
        );
      }
      unitId = found.unitId;
    }
    matched.push({ report, key: `${measure.id}|${unitId ?? ''}`, measure, unitId });
  }
  return matched;
}

/** The observation a matched report writes: the numbers its measure's data type takes. */
function row(seriesId: string, { report, measure }: Matched): ObservationInput {
  const fraction = measure.dataType === 'proportion' || measure.dataType === 'rate';
  return {
    seriesId,
    period: report.start,
    ...(fraction
      ? { numerator: report.numerator, denominator: report.denominator }
      : { value: report.score }),
    ghost: report.ghost,
  };
}

/**
 * Imports a MeasureReport or a Bundle of them into an organisation (its id or ODS code), as one
 * import of format `fhir`. All or nothing: the first bad report refuses the whole body.
 * @throws {DataError} `not_found` (organisation), `invalid_input` naming the report's field
 * (`entry[3].resource.period.start`), `unauthenticated`, `forbidden` (it needs `data.import`
 * in the organisation; the roles that have it read all the organisation's measures).
 */
export async function importMeasureReports(
  db: Database,
  principal: Principal,
  organisationRef: string,
  body: unknown,
  options: FhirImportOptions = {},
): Promise<FhirImportResult> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'data.import', organisation.id);
  const userId = principal.kind === 'user' ? principal.userId : options.userId;
  const reports = parseReports(body, MAX_BATCH_ROWS);
  if (options.anyReporter !== true) checkReporters(reports, organisation);
  return db.transaction(async (tx) => {
    const matched = await match(tx, organisation, reports);
    const existing = new Map(
      (await listSeries(tx, { organisationId: organisation.id })).map((s) => [
        `${s.measureId}|${s.unitId ?? ''}`,
        s.id,
      ]),
    );
    const series = new Map<string, ImportedSeries>();
    const rows: ObservationInput[] = [];
    for (const item of matched) {
      let entry = series.get(item.key);
      if (entry === undefined) {
        const known = existing.get(item.key);
        const seriesId =
          known ??
          (
            await ensureSeries(tx, {
              measureId: item.measure.id,
              organisationId: organisation.id,
              unitId: item.unitId,
            })
          ).id;
        entry = {
          seriesId,
          measureCode: item.measure.code,
          unit: item.report.unit,
          created: known === undefined,
          reports: 0,
        };
      }
      series.set(item.key, { ...entry, reports: entry.reports + 1 });
      rows.push(row(entry.seriesId, item));
    }
    const started = await createImport(tx, {
      organisationId: organisation.id,
      fileName: `FHIR MeasureReports (${reports.length})`,
      format: 'fhir',
      createdBy: userId ?? null,
    });
    const counts = await upsertObservations(tx, rows, { importId: started.id, userId }).catch(
      (error: unknown) => {
        throw reportError(error, reports);
      },
    );
    await finishImport(tx, started.id, counts);
    await recordAudit(tx, principal, {
      action: 'fhir.import',
      entityType: 'import',
      entityId: started.id,
      organisationId: organisation.id,
      summary: `Imported ${reports.length} FHIR MeasureReport${reports.length === 1 ? '' : 's'} into ${organisation.name}: ${counts.added} points added, ${counts.changed} changed`,
      after: { reports: reports.length, ...counts, series: [...series.values()].map((s) => s.seriesId) },
    });
    return { importId: started.id, reports: reports.length, ...counts, series: [...series.values()] };
  });
}
