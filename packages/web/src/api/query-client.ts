/**
 * @module api/query-client
 * The one react-query cache: data stay fresh for a short while, failures other than network errors
 * are not retried (a 404 or 400 will not change by asking again).
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiFailure } from './client';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && error instanceof ApiFailure && error.status === 0,
      },
    },
  });
}

/** The app's one cache, shared by the router's loaders (prefetching) and the pages. */
export const queryClient = makeQueryClient();
