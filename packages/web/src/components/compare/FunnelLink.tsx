/**
 * @module components/compare/FunnelLink
 * A link to a measure's funnel plot, shown only where there can be one: a shared (national)
 * measure of proportions or rates (a numerator and a denominator), for the level given.
 */
import { Link } from 'react-router';
import type { Schema } from '../../api/client';

type Measure = Pick<Schema<'Measure'>, 'id' | 'ownerOrganisationId' | 'dataType'>;

/** Whether the measure can have a funnel plot. */
export function hasFunnel(measure: Measure): boolean {
  return (
    measure.ownerOrganisationId === null && (measure.dataType === 'proportion' || measure.dataType === 'rate')
  );
}

/** The funnel plot's address for the measure at a level (a unit name; null: organisations as a whole). */
export function funnelPath(measureId: string, unit: string | null | undefined): string {
  const query = unit == null ? '' : `?unit=${encodeURIComponent(unit)}`;
  return `/measures/${encodeURIComponent(measureId)}/funnel${query}`;
}

export function FunnelLink({
  measure,
  unit,
}: {
  measure: Measure;
  unit?: string | null | undefined;
}): React.JSX.Element | null {
  if (!hasFunnel(measure)) return null;
  return (
    <p className="nhsuk-body">
      <Link to={funnelPath(measure.id, unit)}>
        Compare the organisations with each other on a funnel plot
      </Link>
    </p>
  );
}
