/**
 * @module units/presenter
 * The exact fields of a unit (and a unit tree) the API sends.
 */
import type { Unit, UnitNode } from './repository.js';
import type { UnitNodeView, UnitView } from './schemas.js';

/** A unit for the API. */
export function presentUnit(unit: Unit): UnitView {
  return {
    id: unit.id,
    organisationId: unit.organisationId,
    parentId: unit.parentId,
    kind: unit.kind,
    name: unit.name,
    createdAt: unit.createdAt.toISOString(),
  };
}

/** A unit and its sub-units for the API. */
export function presentUnitNode(node: UnitNode): UnitNodeView {
  return { ...presentUnit(node), children: node.children.map(presentUnitNode) };
}
