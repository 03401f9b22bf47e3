/**
 * @module surveys/presenter
 * The exact fields of surveys, links and results the API sends: a suppressed group carries no
 * number at all, and a link never its token (except once, when made).
 */
import type { Survey } from './access.js';
import type { SurveyLink } from './repository.js';
import type { SurveyResults } from './service.js';
import type { Cell } from './suppression.js';
import type { SurveyCellView, SurveyLinkView, SurveyResultsView, SurveyView } from './schemas.js';

/** A survey. */
export function presentSurvey(survey: Survey): SurveyView {
  return {
    id: survey.id,
    organisationId: survey.organisationId,
    kind: survey.kind,
    title: survey.title,
    question: survey.question,
    minGroup: survey.minGroup,
    open: survey.open,
    measureId: survey.measureId,
    createdAt: survey.createdAt.toISOString(),
  };
}

/** A link, without its token. */
export function presentLink(link: SurveyLink): SurveyLinkView {
  return {
    id: link.id,
    unit: link.unitId === null ? null : { id: link.unitId, name: link.unitName ?? '' },
    createdAt: link.createdAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
  };
}

/** A group: numbers only when shown. */
export function presentCell(cell: Cell): SurveyCellView {
  if (cell.status !== 'shown') {
    return { status: cell.status, responses: null, yes: null, no: null, dontKnow: null, percent: null };
  }
  const answered = cell.yes + cell.no + cell.dontKnow;
  return {
    status: 'shown',
    responses: answered,
    yes: cell.yes,
    no: cell.no,
    dontKnow: cell.dontKnow,
    percent: answered === 0 ? null : Math.round((cell.yes / answered) * 1000) / 10,
  };
}

/** A survey's results. */
export function presentResults(results: SurveyResults): SurveyResultsView {
  return {
    survey: presentSurvey(results.survey),
    periods: results.periods.map((period) => ({
      period: period.period,
      final: period.final,
      total: presentCell(period.total),
      units: period.units.map(({ unit, cell }) => ({ unit, cell: presentCell(cell) })),
    })),
  };
}
