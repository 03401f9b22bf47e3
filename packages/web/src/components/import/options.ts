/**
 * @module components/import/options
 * What the mapping step offers when a file has no column for them: the measures an organisation
 * can import into (the shared definitions and its own), and its units by path
 * ("Medicine / Ward 10"), as the import resolves them.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';

type Measure = Schema<'Measure'>;
type UnitNode = Schema<'UnitNode'>;

export interface MeasureOption {
  readonly code: string;
  readonly name: string;
  readonly dataType: Measure['dataType'];
  readonly shared: boolean;
}

/** The unit tree as paths, depth first in name order. */
export function unitPaths(nodes: readonly UnitNode[], prefix = ''): string[] {
  return nodes.flatMap((node) => {
    const path = prefix === '' ? node.name : `${prefix} / ${node.name}`;
    return [path, ...unitPaths(node.children, path)];
  });
}

async function measureOptions(organisationId: string | null): Promise<MeasureOption[]> {
  const shared = data(api.GET('/api/v1/measures', { params: { query: { shared: 'true', limit: 500 } } }));
  const own =
    organisationId === null
      ? Promise.resolve({ items: [] as Measure[] })
      : data(
          api.GET('/api/v1/measures', { params: { query: { shared: 'false', organisationId, limit: 500 } } }),
        );
  const [sharedPage, ownPage] = await Promise.all([shared, own]);
  return [...ownPage.items, ...sharedPage.items]
    .map((m) => ({
      code: m.code,
      name: m.name,
      dataType: m.dataType,
      shared: m.ownerOrganisationId === null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The measures a file for this organisation (null: a national file) can name. */
export function useMeasureOptions(organisationId: string | null): UseQueryResult<MeasureOption[]> {
  return useQuery({
    queryKey: ['import', 'measure-options', organisationId],
    queryFn: () => measureOptions(organisationId),
    staleTime: 60_000,
  });
}

/** The organisation's units as paths (none for a national file). */
export function useUnitOptions(organisationId: string | null): UseQueryResult<string[]> {
  return useQuery({
    queryKey: ['import', 'unit-options', organisationId],
    queryFn: async () =>
      organisationId === null
        ? []
        : unitPaths(
            (
              await data(
                api.GET('/api/v1/organisations/{ref}/units', { params: { path: { ref: organisationId } } }),
              )
            ).items,
          ),
    staleTime: 60_000,
  });
}
