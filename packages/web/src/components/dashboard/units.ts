/**
 * @module components/dashboard/units
 * An organisation's unit tree: reading it, finding a unit's path from the top, and the tree as
 * options of the unit filter.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { fetchUnitTree } from '../../api/prefetch';
import type { Schema } from '../../api/client';

export type UnitNode = Schema<'UnitNode'>;

/** The unit tree of an organisation (`GET /organisations/{ref}/units`). */
export function useUnitTree(ref: string): UseQueryResult<{ items: UnitNode[] }> {
  return useQuery({
    queryKey: ['units', ref],
    queryFn: () => fetchUnitTree(ref),
  });
}

/** The units from the top of the tree down to the unit with this id (case-insensitive), or null. */
export function unitPath(nodes: readonly UnitNode[], id: string): UnitNode[] | null {
  const wanted = id.toLowerCase();
  for (const node of nodes) {
    if (node.id.toLowerCase() === wanted) return [node];
    const below = unitPath(node.children, id);
    if (below !== null) return [node, ...below];
  }
  return null;
}

/** The units of a tree as filter options, in tree order, indented by depth ("— Ward 10"). */
export function unitOptions(nodes: readonly UnitNode[], depth = 0): { value: string; label: string }[] {
  return nodes.flatMap((node) => [
    { value: node.id, label: `${'— '.repeat(depth)}${node.name}` },
    ...unitOptions(node.children, depth + 1),
  ]);
}
