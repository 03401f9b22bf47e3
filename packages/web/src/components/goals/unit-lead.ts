/**
 * @module components/goals/unit-lead
 * The units whose goals a unit lead manages: their own unit and every unit under it (the server's
 * rule, goals/access.ts `canManageGoal`). Those with `goal.manage` manage every goal, so this is
 * only for the buttons a unit lead without it sees.
 */
import type { SessionUser } from '../../api/session';
import type { UnitNode } from '../dashboard/units';

function collect(node: UnitNode, into: Set<string>): void {
  into.add(node.id);
  for (const child of node.children) collect(child, into);
}

function find(nodes: readonly UnitNode[], id: string): UnitNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = find(node.children, id);
    if (below !== undefined) return below;
  }
  return undefined;
}

/** The ids of the units `user` leads in the organisation (with the units under them); empty if none. */
export function ledUnitIds(
  user: SessionUser | null,
  organisationId: string | undefined,
  tree: readonly UnitNode[],
): ReadonlySet<string> {
  const led = new Set<string>();
  const membership = user?.memberships.find((m) => m.organisationId === organisationId);
  if (membership?.role !== 'unit_lead' || membership.unitId === null) return led;
  const unit = find(tree, membership.unitId);
  if (unit !== undefined) collect(unit, led);
  return led;
}

/** The name of the unit `user` leads in the organisation, if they are its unit lead. */
export function ledUnitName(
  user: SessionUser | null,
  organisationId: string | undefined,
  tree: readonly UnitNode[],
): string | undefined {
  const membership = user?.memberships.find((m) => m.organisationId === organisationId);
  if (membership?.role !== 'unit_lead' || membership.unitId === null) return undefined;
  return find(tree, membership.unitId)?.name;
}
