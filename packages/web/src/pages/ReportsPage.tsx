/**
 * @module pages/ReportsPage
 * An organisation's board reports (`/organisations/:ref/reports`): each saved report (integrated
 * performance report) with its description and how many measures the reader sees in it, a link to
 * run it for any month; and, for those who manage reports (report.manage: QI leads, executives,
 * administrators), the form to define a new one.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../api/permissions';
import { useSession } from '../api/session';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import { createReport, reportKeys, useReports } from '../components/reports/data';
import { DefinitionForm } from '../components/reports/DefinitionForm';
import '../components/reports/reports.css';

export default function ReportsPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const reports = useReports(ref);
  const user = useSession().data?.user ?? null;
  const client = useQueryClient();
  const navigate = useNavigate();
  const name = organisation.data?.name;
  const odsCode = organisation.data?.odsCode ?? ref.toUpperCase();
  const manage = can(user, 'report.manage', { id: organisation.data?.id, odsCode });
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Organisations' },
          { href: `/organisations/${encodeURIComponent(odsCode)}`, text: name ?? odsCode },
        ]}
      />
      <PageTitle caption={name ?? `ODS code ${odsCode}`}>Board reports</PageTitle>
      <p className="nhsuk-body-l">
        Integrated performance reports for the board: a summary of every measure by its variation and
        assurance icons, then each measure’s SPC chart, the analysis in words and its owner’s commentary. Run
        one for any month, read it here or as a PDF, and issue it to keep it exactly as the board saw it.
      </p>
      {reports.isError ? (
        <ErrorSummary title="Could not load the board reports" error={reports.error} />
      ) : reports.data === undefined ? (
        <Loading what="the board reports" />
      ) : reports.data.length === 0 ? (
        <p>There are no board reports yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {reports.data.map((report) => (
            <li key={report.id}>
              <h2 className="nhsuk-heading-m nhsuk-u-margin-bottom-1">
                <Link to={`/reports/${report.id}`}>{report.title}</Link>
              </h2>
              {report.description !== '' && <p className="nhsuk-u-margin-bottom-1">{report.description}</p>}
              <p className="nhsuk-body-s">
                {report.items.length} {report.items.length === 1 ? 'measure' : 'measures'}
              </p>
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <section aria-labelledby="define-report">
          <h2 id="define-report">Define a report</h2>
          <DefinitionForm
            organisation={odsCode}
            submitLabel="Save the report"
            onSubmit={async (input) => {
              const created = await createReport(odsCode, input);
              await client.invalidateQueries({ queryKey: reportKeys.list(odsCode) });
              void navigate(`/reports/${created.id}`);
            }}
          />
        </section>
      )}
    </>
  );
}
