/**
 * @module components/catalogue/organisations
 * Every organisation, for pickers and for naming a measure's owner: the same query as the home
 * page's unfiltered list, so they share one cached answer.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';

type Organisation = Schema<'Organisation'>;

export function useOrganisations(): UseQueryResult<Organisation[]> {
  return useQuery({
    queryKey: ['organisations', ''],
    queryFn: () => data(api.GET('/api/v1/organisations', { params: { query: { limit: 500 } } })),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}
