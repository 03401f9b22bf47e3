/**
 * @module components/surveys/test-support
 * For the survey pages' component tests (jsdom): the fake API (imported first, so that it takes
 * `fetch` before the client loads), the idea tests' RF4 and its units, and a survey with its
 * links and results as the API sends them.
 */
export * from '../ideas/test-support';
import { MEDICINE_ID, ORG_ID, SURGERY_ID, WARD_ID } from '../ideas/test-support';
import type { Survey, SurveyCell, SurveyDetail, SurveyResults } from './data';

export const SURVEY_ID = '80000000-0000-4000-8000-000000000001';
export const MEASURE_ID = '81000000-0000-4000-8000-000000000001';
export const LINK_ID = '82000000-0000-4000-8000-000000000001';
export const TOKEN = 'q'.repeat(43);

/** A survey as the list and changes send it (without its links). */
export function withoutLinks(detail: SurveyDetail): Survey {
  const survey: Partial<SurveyDetail> = { ...detail };
  delete survey.links;
  return survey as Survey;
}

/** An open staff survey of RF4 with a live link for Ward 10. */
export function aSurvey(overrides: Partial<SurveyDetail> = {}): SurveyDetail {
  return {
    id: SURVEY_ID,
    organisationId: ORG_ID,
    kind: 'staff',
    title: 'Staff: recommend as a place to work',
    question: 'Would you recommend your ward or team as a place to work?',
    minGroup: 5,
    open: true,
    measureId: MEASURE_ID,
    createdAt: '2026-10-01T09:00:00.000Z',
    links: [
      {
        id: LINK_ID,
        unit: { id: WARD_ID, name: 'Ward 10' },
        createdAt: '2026-10-01T09:05:00.000Z',
        revokedAt: null,
      },
    ],
    ...overrides,
  };
}

const hidden = (status: SurveyCell['status']): SurveyCell => ({
  status,
  responses: null,
  yes: null,
  no: null,
  dontKnow: null,
  percent: null,
});

/**
 * October (final): Ward 10 shown, the Surgical ward suppressed (too few) and Medicine with it (so
 * that the total minus Ward 10 is a group of 5), the total shown; November still collecting.
 */
export function someResults(): SurveyResults {
  const survey = withoutLinks(aSurvey());
  return {
    survey,
    periods: [
      {
        period: '2026-11-01',
        final: false,
        total: hidden('collecting'),
        units: [
          { unit: { id: SURGERY_ID, name: 'Surgical ward' }, cell: hidden('none') },
          { unit: { id: WARD_ID, name: 'Ward 10' }, cell: hidden('collecting') },
        ],
      },
      {
        period: '2026-10-01',
        final: true,
        total: { status: 'shown', responses: 14, yes: 9, no: 4, dontKnow: 1, percent: 69.2 },
        units: [
          { unit: { id: MEDICINE_ID, name: 'Medicine' }, cell: hidden('suppressed') },
          { unit: { id: SURGERY_ID, name: 'Surgical ward' }, cell: hidden('suppressed') },
          {
            unit: { id: WARD_ID, name: 'Ward 10' },
            cell: { status: 'shown', responses: 9, yes: 7, no: 1, dontKnow: 1, percent: 87.5 },
          },
        ],
      },
    ],
  };
}
