/**
 * @module components/audit/data
 * An organisation's audit log from the API: the events a page at a time (newest first) for the
 * filters, and what the whole log holds to filter by (its actions, kinds of thing and people).
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { InfiniteData, UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';
import type { AuditFilters } from './filters';
import { apiQuery, filtersToParams } from './filters';

type AuditPath = paths['/api/v1/organisations/{ref}/audit']['get'];
/** A page of the log as the API sends it. */
export type AuditPage = AuditPath['responses'][200]['content']['application/json'];
/** One change. */
export type AuditEvent = AuditPage['items'][number];
/** What the whole log holds, to filter by. */
export type AuditFacets = NonNullable<AuditPage['facets']>;

/** Events per page. */
export const PAGE_SIZE = 50;

/** The log for `filters`, a page at a time. */
export function useAuditLog(
  ref: string,
  filters: AuditFilters,
  enabled: boolean,
): UseInfiniteQueryResult<InfiniteData<AuditPage>> {
  return useInfiniteQuery({
    queryKey: ['audit', ref, filtersToParams(filters).toString()],
    queryFn: ({ pageParam }) =>
      data(
        api.GET('/api/v1/organisations/{ref}/audit', {
          params: {
            path: { ref },
            query: {
              ...apiQuery(filters),
              limit: PAGE_SIZE,
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

/** What the organisation's whole log holds (one small request, kept a minute). */
export function useAuditFacets(ref: string, enabled: boolean): UseQueryResult<AuditFacets> {
  return useQuery({
    queryKey: ['audit-facets', ref],
    queryFn: async () => {
      const page = await data(
        api.GET('/api/v1/organisations/{ref}/audit', {
          params: { path: { ref }, query: { facets: 'true', limit: 1 } },
        }),
      );
      return page.facets ?? { actions: [], entityTypes: [], actors: [] };
    },
    staleTime: 60_000,
    enabled,
  });
}
