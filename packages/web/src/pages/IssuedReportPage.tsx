/**
 * @module pages/IssuedReportPage
 * An issued board report (`/issued-reports/:id`): exactly as it was issued — its content and its
 * PDF as kept on the day, never recomputed — with the PDF to download and a link to the report
 * itself (to run it again).
 */
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import { fileSize, issuedPdfHref, useIssuedReport, when } from '../components/reports/data';
import { ReportView } from '../components/reports/ReportView';
import { monthLabel } from '@groundswell/charts';

export default function IssuedReportPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const issued = useIssuedReport(id);
  if (issued.isError) {
    return (
      <>
        <PageTitle>Issued report</PageTitle>
        <ErrorSummary title="Could not load the issued report" error={issued.error} />
      </>
    );
  }
  if (issued.data === undefined) return <Loading what="the issued report" />;
  const report = issued.data;
  const { content } = report;
  const odsCode = content.organisation.odsCode;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Organisations' },
          { href: `/organisations/${encodeURIComponent(odsCode)}`, text: content.organisation.name },
          { href: `/organisations/${encodeURIComponent(odsCode)}/reports`, text: 'Board reports' },
          { href: `/reports/${report.definitionId}`, text: report.title },
        ]}
      />
      <PageTitle caption={`${content.organisation.name} · issued version ${report.version}`}>
        {`${report.title}: ${monthLabel(report.period)}`}
      </PageTitle>
      <div className="nhsuk-inset-text gs-report-issued">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Issued on {when(report.issuedAt)}
          {report.issuedBy === null ? '' : ` by ${report.issuedBy}`}. This is the report exactly as it was
          issued: later data and commentary do not change it.
        </p>
      </div>
      <div className="gs-report-actions">
        <a className="nhsuk-button" href={issuedPdfHref(report.id)} download>
          Download the PDF <span className="nhsuk-body-s">({fileSize(report.pdfBytes)})</span>
        </a>
        <p>
          <Link to={`/reports/${report.definitionId}?period=${report.period.slice(0, 7)}`}>
            Run the report again for {monthLabel(report.period)}
          </Link>
        </p>
      </div>
      <ReportView content={content} />
    </>
  );
}
