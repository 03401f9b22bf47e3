/**
 * @module components/surveys/data
 * Experience surveys as the survey pages use them: the typed API calls (list, one survey, results,
 * comments, starting, opening and closing, links, answering through a link), their query keys, the
 * three standard questions, and the words for a result.
 */
import { useQuery } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

export type Survey = Schema<'Survey'>;
export type SurveyDetail = Schema<'SurveyDetail'>;
export type SurveyLink = Schema<'SurveyLink'>;
export type NewSurveyLink = Schema<'NewSurveyLink'>;
export type SurveyResults = Schema<'SurveyResults'>;
export type SurveyCell = Schema<'SurveyCell'>;
export type SurveyComments = Schema<'SurveyComments'>;
export type SurveyLinkPublic = Schema<'SurveyLinkPublic'>;
export type StartSurveyInput =
  paths['/api/v1/organisations/{ref}/surveys']['post']['requestBody']['content']['application/json'];
export type Answer =
  paths['/api/v1/survey-links/{token}/responses']['post']['requestBody']['content']['application/json']['answer'];

/** A standard survey: its kind, name and question. */
export interface Preset {
  readonly key: string;
  readonly kind: Survey['kind'];
  readonly label: string;
  readonly title: string;
  readonly question: string;
}

/** The three standard recommend questions (NHS staff survey and Friends and Family Test style). */
export const PRESETS: readonly Preset[] = [
  {
    key: 'work',
    kind: 'staff',
    label: 'Staff: a place to work',
    title: 'Staff: recommend as a place to work',
    question: 'Would you recommend your ward or team as a place to work?',
  },
  {
    key: 'care',
    kind: 'staff',
    label: 'Staff: a place to be treated',
    title: 'Staff: recommend as a place to be treated',
    question:
      'If a friend or relative needed treatment, would you be happy with the standard of care provided by your ward or team?',
  },
  {
    key: 'patient',
    kind: 'patient',
    label: 'Patients: Friends and Family Test',
    title: 'Patients: Friends and Family Test',
    question:
      'Would you recommend this service to friends and family if they needed similar care or treatment?',
  },
];

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (ref: string) => ['surveys', 'list', ref.toUpperCase()] as const,
  survey: (id: string) => ['surveys', 'survey', id] as const,
  results: (id: string) => ['surveys', 'results', id] as const,
  comments: (id: string) => ['surveys', 'comments', id] as const,
  link: (token: string) => ['survey-link', token] as const,
};

export function useSurveys(ref: string): UseQueryResult<{ items: Survey[] }> {
  return useQuery({
    queryKey: surveyKeys.list(ref),
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/surveys', { params: { path: { ref } } })),
  });
}

export function useSurvey(id: string): UseQueryResult<SurveyDetail> {
  return useQuery({
    queryKey: surveyKeys.survey(id),
    queryFn: () => data(api.GET('/api/v1/surveys/{id}', { params: { path: { id } } })),
  });
}

export function useSurveyResults(id: string): UseQueryResult<SurveyResults> {
  return useQuery({
    queryKey: surveyKeys.results(id),
    queryFn: () => data(api.GET('/api/v1/surveys/{id}/results', { params: { path: { id } } })),
  });
}

/** The comments the reader may read (`enabled` false: the reader may read none; nothing is asked). */
export function useSurveyComments(id: string, enabled: boolean): UseQueryResult<SurveyComments> {
  return useQuery({
    queryKey: surveyKeys.comments(id),
    queryFn: () => data(api.GET('/api/v1/surveys/{id}/comments', { params: { path: { id } } })),
    enabled,
  });
}

export function useSurveyLink(token: string): UseQueryResult<SurveyLinkPublic> {
  return useQuery({
    queryKey: surveyKeys.link(token),
    queryFn: () => data(api.GET('/api/v1/survey-links/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

export function startSurvey(ref: string, body: StartSurveyInput): Promise<Survey> {
  return send(api.POST('/api/v1/organisations/{ref}/surveys', { params: { path: { ref } }, body }));
}

export function setSurveyOpen(id: string, open: boolean): Promise<Survey> {
  return send(api.PATCH('/api/v1/surveys/{id}', { params: { path: { id } }, body: { open } }));
}

export function makeLink(id: string, unitId: string): Promise<NewSurveyLink> {
  return send(api.POST('/api/v1/surveys/{id}/links', { params: { path: { id } }, body: { unitId } }));
}

export function revokeLink(id: string, linkId: string): Promise<SurveyLink> {
  return send(api.DELETE('/api/v1/surveys/{id}/links/{linkId}', { params: { path: { id, linkId } } }));
}

export function publishNow(id: string): Promise<{ added: number; changed: number; unchanged: number }> {
  return send(api.POST('/api/v1/surveys/{id}/publish', { params: { path: { id } } }));
}

export function answerSurvey(token: string, answer: Answer, comment: string): Promise<{ recorded: true }> {
  return send(
    api.POST('/api/v1/survey-links/{token}/responses', {
      params: { path: { token } },
      body: comment.trim() === '' ? { answer } : { answer, comment: comment.trim() },
    }),
  );
}

/** Refetches everything about surveys after a change. */
export function refreshSurveys(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: surveyKeys.all });
}

/** A result in words, for a table cell. */
export function cellText(cell: SurveyCell, minGroup: number): string {
  switch (cell.status) {
    case 'shown':
      return cell.percent === null ? 'No answers' : `${String(cell.percent)}% would recommend`;
    case 'suppressed':
      return `Fewer than ${String(minGroup)} responses`;
    case 'none':
      return 'No responses';
    case 'collecting':
      return 'Month not over yet';
  }
}
