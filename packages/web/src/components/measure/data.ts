/**
 * @module components/measure/data
 * What the measure page reads (the series' analysis, annotations and stored points, and the
 * organisation and unit it belongs to), and how a change makes the page read it again.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

export type SeriesAnalysis =
  paths['/api/v1/series/{id}/analysis']['get']['responses'][200]['content']['application/json'];
export type Annotation = Schema<'Annotation'>;
export type Observation = Schema<'Observation'>;
export type Organisation = Schema<'Organisation'>;
export type UnitNode = Schema<'UnitNode'>;

/** The query keys of a series: every one starts with `['series', id]`. */
export const seriesKeys = {
  all: (id: string) => ['series', id] as const,
  analysis: (id: string) => ['series', id, 'analysis'] as const,
  annotations: (id: string) => ['series', id, 'annotations'] as const,
  observations: (id: string) => ['series', id, 'observations'] as const,
};

export function useSeriesAnalysis(id: string): UseQueryResult<SeriesAnalysis> {
  return useQuery({
    queryKey: seriesKeys.analysis(id),
    queryFn: () => data(api.GET('/api/v1/series/{id}/analysis', { params: { path: { id } } })),
  });
}

export function useAnnotations(id: string): UseQueryResult<Annotation[]> {
  return useQuery({
    queryKey: seriesKeys.annotations(id),
    queryFn: async () =>
      (await data(api.GET('/api/v1/series/{id}/annotations', { params: { path: { id } } }))).items,
  });
}

/** Every stored point of the series, in period order (read a page of 10,000 at a time). */
export function useObservations(id: string): UseQueryResult<Observation[]> {
  return useQuery({
    queryKey: seriesKeys.observations(id),
    queryFn: async () => {
      const all: Observation[] = [];
      let cursor: string | undefined;
      do {
        const page = await data(
          api.GET('/api/v1/series/{id}/observations', {
            params: { path: { id }, query: { limit: 10_000, ...(cursor ? { cursor } : {}) } },
          }),
        );
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return all;
    },
  });
}

export function useOrganisation(organisationId: string | undefined): UseQueryResult<Organisation> {
  return useQuery({
    queryKey: ['organisation', organisationId],
    queryFn: () =>
      data(api.GET('/api/v1/organisations/{ref}', { params: { path: { ref: organisationId! } } })),
    enabled: organisationId !== undefined,
  });
}

export function useUnits(organisationId: string | undefined): UseQueryResult<UnitNode[]> {
  return useQuery({
    queryKey: ['units', organisationId],
    queryFn: async () =>
      (
        await data(
          api.GET('/api/v1/organisations/{ref}/units', { params: { path: { ref: organisationId! } } }),
        )
      ).items,
    enabled: organisationId !== undefined,
  });
}

/** The units from the top of the tree down to the unit with this id, or null. */
export function unitPath(nodes: readonly UnitNode[], id: string): UnitNode[] | null {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = unitPath(node.children, id);
    if (below !== null) return [node, ...below];
  }
  return null;
}

/**
 * After a change to a series: reads its analysis, annotations and points again now, and marks
 * everything else cached as stale (dashboards, comparisons), so that other pages read afresh too.
 */
export async function refreshAfterChange(client: QueryClient, id: string): Promise<void> {
  await client.invalidateQueries({ queryKey: seriesKeys.all(id) });
  void client.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== 'series' || query.queryKey[1] !== id,
    refetchType: 'none',
  });
}

/** `refreshAfterChange` bound to the page's query client. */
export function useRefresh(id: string): () => Promise<void> {
  const client = useQueryClient();
  return () => refreshAfterChange(client, id);
}

export type SpcOptions = Schema<'SpcOptions'>;

/** Replaces the series' own SPC options (null: none; the measure's apply). */
export function saveSeriesOptions(id: string, spcOptions: SpcOptions | null): Promise<Schema<'Series'>> {
  return send(api.PATCH('/api/v1/series/{id}', { params: { path: { id } }, body: { spcOptions } }));
}

/** The series' own options with `changes` applied; members set to undefined are removed; none left: null. */
export function withOptions(
  current: SpcOptions | null,
  changes: Partial<Record<keyof SpcOptions, unknown>>,
): SpcOptions | null {
  const merged = Object.entries({ ...(current ?? {}), ...changes }).filter(
    ([, value]) => value !== undefined,
  );
  return merged.length === 0 ? null : Object.fromEntries(merged);
}
