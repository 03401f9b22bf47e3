/**
 * @module components/dashboard/UnitLinks
 * Units as a list of links to their dashboards, each with its kind (unless its name says it) and
 * how many units are under it.
 */
import { Link } from 'react-router';
import { count } from './format';
import type { UnitNode } from './units';

const KIND_LABEL: Readonly<Record<UnitNode['kind'], string>> = {
  division: 'Division',
  directorate: 'Directorate',
  ward: 'Ward',
  team: 'Team',
};

/** A unit's kind in words ("Division"). */
export function unitKindLabel(kind: UnitNode['kind']): string {
  return KIND_LABEL[kind];
}

/** The dashboard of a unit of the organisation whose ODS code is `odsCode`. */
export function unitHref(odsCode: string, unit: Pick<UnitNode, 'id'>): string {
  return `/organisations/${encodeURIComponent(odsCode)}/units/${encodeURIComponent(unit.id)}`;
}

export function UnitLinks({
  odsCode,
  units,
}: {
  odsCode: string;
  units: readonly UnitNode[];
}): React.JSX.Element {
  return (
    <ul className="nhsuk-list gs-unit-links">
      {units.map((unit) => (
        <li key={unit.id}>
          <Link to={unitHref(odsCode, unit)}>{unit.name}</Link>
          {!unit.name.toLowerCase().startsWith(unit.kind) && (
            <span className="gs-unit-links__note"> {KIND_LABEL[unit.kind]}</span>
          )}
          {unit.children.length > 0 && (
            <span className="gs-unit-links__note"> ({count(unit.children.length, 'unit')} under it)</span>
          )}
        </li>
      ))}
    </ul>
  );
}
