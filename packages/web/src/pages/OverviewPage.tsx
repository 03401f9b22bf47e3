/**
 * @module pages/OverviewPage
 * An organisation's overview (`/organisations/:ref`, ref an ODS code or id): its units, the summary
 * matrix of every measure by variation and assurance icon, and a card per series, with filters
 * kept in the URL.
 */
import { Link, useParams } from 'react-router';
import { DashboardBody, useDashboard } from '../components/dashboard/Dashboard';
import type { UnitScope } from '../components/dashboard/Dashboard';
import { count } from '../components/dashboard/format';
import { UnitLinks } from '../components/dashboard/UnitLinks';
import { unitOptions, useUnitTree } from '../components/dashboard/units';
import { MailSettingsLink } from '../components/mail/MailSettingsLink';
import { MembersLinks } from '../components/members/MembersLinks';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';

/** The overview's unit filter: '' every series, `none` the organisation as a whole, else a unit and those under it. */
function scopeOf(unit: string): UnitScope {
  if (unit === '') return {};
  if (unit === 'none') return { unit: 'none' };
  return { unit, subtree: true };
}

export default function OverviewPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const queries = useDashboard(ref, scopeOf);
  const units = useUnitTree(ref);
  const { matrix } = queries;

  if (matrix.isPending) {
    return (
      <>
        <PageTitle caption={`ODS code ${ref.toUpperCase()}`}>Organisation overview</PageTitle>
        <Loading what="the organisation's dashboard" />
      </>
    );
  }
  if (matrix.isError) {
    return (
      <>
        <PageTitle caption={`ODS code ${ref.toUpperCase()}`}>Organisation overview</PageTitle>
        <ErrorSummary title="Could not load the organisation's dashboard" error={matrix.error} />
        <p>
          <Link to="/">Choose another organisation</Link>
        </p>
      </>
    );
  }
  const dashboard = matrix.data;
  const organisation = dashboard.organisation;
  const tree = units.data?.items ?? [];
  return (
    <>
      <PageTitle caption={`ODS code ${organisation.odsCode}`}>{organisation.name}</PageTitle>
      <p className="nhsuk-body-l">
        Which of {organisation.name}&apos;s measures show real change, and which will meet their targets:{' '}
        {count(dashboard.total, 'measure')} analysed with statistical process control.
      </p>
      <OrganisationLinks odsCode={organisation.odsCode} />
      <MembersLinks id={organisation.id} odsCode={organisation.odsCode} />
      <section aria-labelledby="units">
        <h2 id="units">Units</h2>
        {units.isPending ? (
          <Loading what="the units" />
        ) : units.isError ? (
          <ErrorSummary title="Could not load the units" error={units.error} />
        ) : tree.length === 0 ? (
          <p>{organisation.name} has no units: every measure is for the organisation as a whole.</p>
        ) : (
          <UnitLinks odsCode={organisation.odsCode} units={tree} />
        )}
      </section>
      <DashboardBody
        queries={queries}
        dashboard={dashboard}
        scopeName={organisation.name}
        units={[{ value: 'none', label: 'Whole organisation only' }, ...unitOptions(tree)]}
        allUnitsLabel="All (organisation and units)"
      />
    </>
  );
}

/** Where to go from an organisation's overview: its improvement work and its reporting. */
function OrganisationLinks({ odsCode }: { odsCode: string }): React.JSX.Element {
  const base = `/organisations/${encodeURIComponent(odsCode)}`;
  const links: readonly [string, string][] = [
    ['goals', 'Goals'],
    ['reports', 'Board reports'],
    ['projects', 'Projects'],
    ['ideas', 'Ideas'],
    ['capability', 'QI capability'],
    ['surveys', 'Experience surveys'],
    ['public-profile', 'Public page settings'],
  ];
  return (
    <nav aria-label="The organisation’s improvement work">
      <ul className="nhsuk-list">
        {links.map(([path, text]) => (
          <li key={path}>
            <Link to={`${base}/${path}`}>{text}</Link>
          </li>
        ))}
        <li>
          <a href={`/public/${encodeURIComponent(odsCode)}`}>Public page</a>
        </li>
        <MailSettingsLink odsCode={odsCode} />
      </ul>
    </nav>
  );
}
