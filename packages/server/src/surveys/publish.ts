/**
 * @module surveys/publish
 * A survey's results as a measure: the proportion measure made with the survey, and the writing of
 * its final, unsuppressed groups as observations — a series per unit, and the organisation's total
 * as its organisation-level series (numerator: yes; denominator: every response, "don't know"
 * included).
 *
 * Suppressed groups are never written, so every route that reads observations (series, analysis,
 * dashboard, exports, FHIR, comparison, reports) is safe by construction; and since only final
 * periods are written, a written point never changes, so nothing can be learned by comparing what
 * was published at two times. Publishing is idempotent: it runs after every response (the first
 * response of a month publishes the months before it), when a survey is closed, and on request.
 */
import { recordAudit } from '../audit/repository.js';
import type { SystemPrincipal } from '../auth/principal.js';
import type { SurveyKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { createMeasure } from '../measures/repository.js';
import type { Measure } from '../measures/repository.js';
import type { ObservationInput } from '../observations/input.js';
import type { MergeCounts } from '../observations/merge.js';
import { upsertObservations } from '../observations/repository.js';
import { UNSIGNED_EDITOR } from '../observations/service.js';
import { ensureSeries } from '../series/repository.js';
import type { Survey } from './access.js';
import { surveyResults } from './results.js';
import type { ResultPeriod, ResultUnit } from './results.js';
import type { GroupCounts } from './repository.js';

/** Who the audit log says published a survey's results: the system. */
export const SURVEY_PUBLISHER: SystemPrincipal = { kind: 'system', name: 'survey results', via: 'system' };

/** The measure of a new survey: a proportion (p chart), higher is better, monthly, internal. */
export async function createSurveyMeasure(
  db: Database,
  organisationId: string,
  survey: { readonly kind: SurveyKind; readonly title: string; readonly question: string },
  codeSuffix: string,
): Promise<Measure> {
  return createMeasure(db, {
    ownerOrganisationId: organisationId,
    code: `survey-${codeSuffix}`,
    name: survey.title,
    description: `${survey.kind === 'staff' ? 'Staff' : 'Patient'} experience survey: “${survey.question}” Share of people who answered yes, out of everyone who answered (“don’t know” included, as NHS England’s Friends and Family Test counts it). Groups of fewer than the survey’s minimum size are never published.`,
    unitLabel: '%',
    dataType: 'proportion',
    chartType: 'p',
    spcOptions: { direction: 'increase' },
    domain: 'experience',
    source: 'Groundswell experience survey (anonymous responses)',
    visibility: 'internal',
    frequency: 'month',
  });
}

/** The observations that a survey's results publish: final periods' shown groups only. */
export function publishedPoints(
  periods: readonly ResultPeriod[],
): { unitId: string | null; period: string; numerator: number; denominator: number }[] {
  const points: { unitId: string | null; period: string; numerator: number; denominator: number }[] = [];
  for (const period of periods) {
    if (!period.final) continue;
    if (period.total.status === 'shown') {
      const { yes, no, dontKnow } = period.total;
      points.push({ unitId: null, period: period.period, numerator: yes, denominator: yes + no + dontKnow });
    }
    for (const { unit, cell } of period.units) {
      if (cell.status !== 'shown') continue;
      points.push({
        unitId: unit.id,
        period: period.period,
        numerator: cell.yes,
        denominator: cell.yes + cell.no + cell.dontKnow,
      });
    }
  }
  return points;
}

/**
 * Writes the survey's final, unsuppressed groups into its measure's series (in the caller's
 * transaction, or its own), and records the change as the system's when anything was written.
 */
export async function publishSurvey(
  db: Database,
  survey: Survey,
  counts: readonly GroupCounts[],
  units: readonly ResultUnit[],
  now: Date,
): Promise<MergeCounts> {
  const none = { added: 0, changed: 0, unchanged: 0 };
  if (survey.measureId === null) return none;
  const measureId = survey.measureId;
  const points = publishedPoints(surveyResults(counts, units, survey.minGroup, survey.open, now));
  if (points.length === 0) return none;
  return db.transaction(async (tx) => {
    const seriesIds = new Map<string, string>();
    const rows: ObservationInput[] = [];
    for (const point of points) {
      const key = point.unitId ?? '';
      let seriesId = seriesIds.get(key);
      if (seriesId === undefined) {
        seriesId = (
          await ensureSeries(tx, { measureId, organisationId: survey.organisationId, unitId: point.unitId })
        ).id;
        seriesIds.set(key, seriesId);
      }
      rows.push({
        seriesId,
        period: point.period,
        numerator: point.numerator,
        denominator: point.denominator,
      });
    }
    const merged = await upsertObservations(tx, rows, { userId: UNSIGNED_EDITOR });
    if (merged.added + merged.changed > 0) {
      await recordAudit(tx, SURVEY_PUBLISHER, {
        action: 'survey.publish',
        entityType: 'survey',
        entityId: survey.id,
        organisationId: survey.organisationId,
        summary: `Published ${merged.added + merged.changed} result${merged.added + merged.changed === 1 ? '' : 's'} of the survey “${survey.title}”`,
        after: { added: merged.added, changed: merged.changed },
      });
    }
    return merged;
  });
}
