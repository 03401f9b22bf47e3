/**
 * @module components/ideas/data
 * Staff ideas as the idea pages use them: the typed API calls (an organisation's ideas a page at a
 * time, one idea with its comments, the ideas a project came from; submitting, voting, commenting,
 * triage), their query keys, the statuses in words, and who may triage an idea (the server's rule,
 * ideas/access.ts: `idea.triage` in the organisation, or a unit lead of the idea's unit or a unit
 * above it).
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  InfiniteData,
  QueryClient,
  UseInfiniteQueryResult,
  UseQueryResult,
} from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import { can } from '../../api/permissions';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';
import type { SessionUser } from '../../api/session';
import type { UnitNode } from '../dashboard/units';
import { unitPath } from '../dashboard/units';

export type Idea = Schema<'Idea'>;
export type IdeaDetail = Schema<'IdeaDetail'>;
export type IdeaComment = Schema<'IdeaComment'>;
export type IdeaStatus = Idea['status'];
type ListPath = paths['/api/v1/organisations/{ref}/ideas'];
export type IdeaPage = ListPath['get']['responses'][200]['content']['application/json'];
export type SubmitIdeaInput = ListPath['post']['requestBody']['content']['application/json'];
export type TriageInput =
  paths['/api/v1/ideas/{id}/triage']['post']['requestBody']['content']['application/json'];
export type TriageStatus = TriageInput['status'];
export type IdeaSort = 'newest' | 'votes';

/** The statuses in words, with the NHS tag colour of each. */
export const STATUSES: readonly { value: IdeaStatus; label: string; tag: string }[] = [
  { value: 'new', label: 'New', tag: 'nhsuk-tag--blue' },
  { value: 'under_review', label: 'Under review', tag: 'nhsuk-tag--yellow' },
  { value: 'taken_forward', label: 'Taken forward', tag: 'nhsuk-tag--green' },
  { value: 'not_taken_forward', label: 'Not taken forward', tag: 'nhsuk-tag--grey' },
];

export function statusWords(status: IdeaStatus): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** What the list shows ('' is any). */
export interface IdeaFilters {
  readonly unit: string;
  readonly status: IdeaStatus | '';
  readonly sort: IdeaSort;
}

export const NO_IDEA_FILTERS: IdeaFilters = { unit: '', status: '', sort: 'newest' };

/** The filters of a list address (`?unit=…&status=…&sort=votes`); anything unknown is ignored. */
export function filtersFromParams(params: URLSearchParams): IdeaFilters {
  const status = params.get('status') ?? '';
  return {
    unit: params.get('unit') ?? '',
    status: STATUSES.some((s) => s.value === status) ? (status as IdeaStatus) : '',
    sort: params.get('sort') === 'votes' ? 'votes' : 'newest',
  };
}

/** The filters as a list address's query (only those set). */
export function filtersToParams(filters: IdeaFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.unit !== '') params.set('unit', filters.unit);
  if (filters.status !== '') params.set('status', filters.status);
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  return params;
}

/** Ideas a page. */
export const PAGE_SIZE = 50;

export const ideaKeys = {
  all: ['ideas'] as const,
  list: (ref: string, filters: IdeaFilters) => ['ideas', 'list', ref.toUpperCase(), filters] as const,
  idea: (id: string) => ['ideas', 'idea', id] as const,
  ofProject: (projectId: string) => ['ideas', 'project', projectId] as const,
};

/** An organisation's ideas for the filters, a page at a time. */
export function useIdeas(
  ref: string,
  filters: IdeaFilters,
  enabled = true,
): UseInfiniteQueryResult<InfiniteData<IdeaPage>> {
  return useInfiniteQuery({
    queryKey: ideaKeys.list(ref, filters),
    queryFn: ({ pageParam }) =>
      data(
        api.GET('/api/v1/organisations/{ref}/ideas', {
          params: {
            path: { ref },
            query: {
              limit: PAGE_SIZE,
              sort: filters.sort,
              ...(filters.unit === '' ? {} : { unit: filters.unit }),
              ...(filters.status === '' ? {} : { status: filters.status }),
              ...(pageParam === undefined ? {} : { cursor: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One idea with its comments. */
export function useIdea(id: string): UseQueryResult<IdeaDetail> {
  return useQuery({
    queryKey: ideaKeys.idea(id),
    queryFn: () => data(api.GET('/api/v1/ideas/{id}', { params: { path: { id } } })),
  });
}

/** The ideas a project came from (those the reader may read). */
export function useProjectIdeas(projectId: string): UseQueryResult<{ items: Idea[] }> {
  return useQuery({
    queryKey: ideaKeys.ofProject(projectId),
    queryFn: () => data(api.GET('/api/v1/projects/{id}/ideas', { params: { path: { id: projectId } } })),
  });
}

export function submitIdea(ref: string, body: SubmitIdeaInput): Promise<Idea> {
  return send(api.POST('/api/v1/organisations/{ref}/ideas', { params: { path: { ref } }, body }));
}

export function setVote(id: string, voted: boolean): Promise<Idea> {
  const params = { params: { path: { id } } };
  return send(
    voted ? api.POST('/api/v1/ideas/{id}/vote', params) : api.DELETE('/api/v1/ideas/{id}/vote', params),
  );
}

export function addComment(id: string, text: string): Promise<IdeaComment> {
  return send(api.POST('/api/v1/ideas/{id}/comments', { params: { path: { id } }, body: { text } }));
}

export function triageIdea(id: string, body: TriageInput): Promise<Idea> {
  return send(api.POST('/api/v1/ideas/{id}/triage', { params: { path: { id } }, body }));
}

/** After any change to an idea: it and every list read again (and projects, which one may become). */
export async function refreshIdeas(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ideaKeys.all }),
    client.invalidateQueries({ queryKey: ['projects'] }),
  ]);
}

/**
 * Whether `user` may triage `idea` (as the server decides): `idea.triage` in its organisation (QI
 * leads, administrators), or a unit lead of its unit or of a unit above it in `units` (the
 * organisation's tree).
 */
export function canTriage(user: SessionUser | null, idea: Idea, units: readonly UnitNode[]): boolean {
  if (can(user, 'idea.triage', { id: idea.organisationId })) return true;
  if (user === null || idea.unit === null) return false;
  const above = new Set((unitPath(units, idea.unit.id) ?? []).map((unit) => unit.id));
  return user.memberships.some(
    (m) =>
      m.organisationId === idea.organisationId &&
      m.role === 'unit_lead' &&
      m.unitId !== null &&
      above.has(m.unitId),
  );
}
