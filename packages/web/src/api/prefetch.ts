/**
 * @module api/prefetch
 * Starts a page's first requests while its code is still downloading (route loaders run in
 * parallel with lazy page modules), with the same query keys the page uses, so the page finds its
 * data ready or in flight. Only the unfiltered views are fetched ahead; filtered ones load as usual.
 */
import type { QueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import type { Schema } from './client';
import type { paths } from './schema';

/** The dashboard's filters, as the API takes them. */
export type DashboardQuery = NonNullable<
  paths['/api/v1/organisations/{ref}/dashboard']['get']['parameters']['query']
>;

/** The dashboard of an organisation, as `GET /organisations/{ref}/dashboard` gives it. */
export function fetchDashboard(ref: string, query: DashboardQuery): Promise<Schema<'Dashboard'>> {
  return data(api.GET('/api/v1/organisations/{ref}/dashboard', { params: { path: { ref }, query } }));
}

/** The unit tree of an organisation. */
export function fetchUnitTree(ref: string): Promise<{ items: Schema<'UnitNode'>[] }> {
  return data(api.GET('/api/v1/organisations/{ref}/units', { params: { path: { ref } } }));
}

/** A prefetch's failure is the page's to show, when it asks again. */
const ignore = (): undefined => undefined;

/** The overview's first two requests, when its address has no filters. */
export function prefetchOverview(client: QueryClient, ref: string, search: URLSearchParams): void {
  if ([...search.keys()].length > 0) return;
  void client
    .query({ queryKey: ['dashboard', ref, {}], queryFn: () => fetchDashboard(ref, {}) })
    .catch(ignore);
  void client.query({ queryKey: ['units', ref], queryFn: () => fetchUnitTree(ref) }).catch(ignore);
}
