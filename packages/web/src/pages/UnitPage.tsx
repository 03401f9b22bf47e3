/**
 * @module pages/UnitPage
 * A unit's dashboard (`/organisations/:ref/units/:unitId`): breadcrumbs from the organisation down
 * the unit tree, the units under it, and the summary matrix and cards of its series and those of
 * every unit under it.
 */
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import { DashboardBody, useDashboard } from '../components/dashboard/Dashboard';
import type { UnitScope } from '../components/dashboard/Dashboard';
import { count } from '../components/dashboard/format';
import { unitOptions, unitPath, useUnitTree } from '../components/dashboard/units';
import { UnitLinks, unitHref, unitKindLabel } from '../components/dashboard/UnitLinks';
import { UnitGoalsSection } from '../components/goals/UnitGoalsSection';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';

/** The unit filter's value for "this unit's own series only". */
const OWN = 'own';

export default function UnitPage(): React.JSX.Element {
  const { ref = '', unitId = '' } = useParams();
  const scopeOf = (unit: string): UnitScope =>
    unit === '' ? { unit: unitId, subtree: true } : unit === OWN ? { unit: unitId } : { unit, subtree: true };
  const queries = useDashboard(ref, scopeOf);
  const units = useUnitTree(ref);
  const { matrix } = queries;
  const path = units.data === undefined ? null : unitPath(units.data.items, unitId);
  const unit = path?.at(-1);

  const orgPath = `/organisations/${encodeURIComponent(ref)}`;
  if (matrix.isPending || units.isPending) {
    return (
      <>
        <PageTitle caption={ref.toUpperCase()}>Unit dashboard</PageTitle>
        <Loading what="the unit's dashboard" />
      </>
    );
  }
  const error = matrix.isError ? matrix.error : units.isError ? units.error : null;
  if (error !== null || path === null || unit === undefined) {
    return (
      <>
        <PageTitle caption={ref.toUpperCase()}>Unit dashboard</PageTitle>
        <ErrorSummary
          title="Could not load the unit's dashboard"
          error={error ?? new Error('This organisation has no such unit: it may have been removed.')}
        />
        <p>
          <Link to={orgPath}>Go to the organisation&apos;s overview</Link>
        </p>
      </>
    );
  }
  const dashboard = matrix.data!;
  const organisation = dashboard.organisation;
  const orgHref = `/organisations/${encodeURIComponent(organisation.odsCode)}`;
  const crumbs = [
    { href: '/', text: 'Organisations' },
    { href: orgHref, text: organisation.name },
    ...path.slice(0, -1).map((node) => ({ href: unitHref(organisation.odsCode, node), text: node.name })),
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageTitle caption={`${unitKindLabel(unit.kind)} · ${organisation.name}`}>{unit.name}</PageTitle>
      <p className="nhsuk-body-l">
        {count(dashboard.total, 'measure')} of {unit.name}
        {unit.children.length > 0 ? ' and the units under it' : ''}, analysed with statistical process
        control.
      </p>
      {unit.children.length > 0 && (
        <section aria-labelledby="child-units">
          <h2 id="child-units">Units in {unit.name}</h2>
          <UnitLinks odsCode={organisation.odsCode} units={unit.children} />
        </section>
      )}
      <UnitGoalsSection odsCode={organisation.odsCode} unitId={unit.id} unitName={unit.name} />
      <p>
        <Link to={`${orgHref}/ideas?unit=${encodeURIComponent(unit.id)}`}>Staff ideas for {unit.name}</Link>
      </p>
      <DashboardBody
        queries={queries}
        dashboard={dashboard}
        scopeName={unit.name}
        units={
          unit.children.length > 0
            ? [{ value: OWN, label: `${unit.name} only` }, ...unitOptions(unit.children)]
            : undefined
        }
        allUnitsLabel={`${unit.name} and every unit under it`}
      />
    </>
  );
}
