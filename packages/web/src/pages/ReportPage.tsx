/**
 * @module pages/ReportPage
 * A board report run for a month (`/reports/:id?period=YYYY-MM`; by default the latest month with
 * data): the month to show, the PDF to download, the report as an accessible page (the summary
 * matrix as a table, each domain and measure with its chart, text alternative and commentary), its
 * issued versions; for those who may, the commentary of each measure for the month, and — for
 * those who manage reports — issuing it for the month (kept exactly as it is now, a new version
 * each time), changing and deleting it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiFailure } from '../api/client';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import { Done, SelectField } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import { CommentaryForm } from '../components/reports/CommentaryForm';
import type { ReportRun } from '../components/reports/data';
import {
  deleteReport,
  draftPdfHref,
  fileSize,
  issuedPdfHref,
  issueReport,
  monthsBefore,
  reportKeys,
  updateReport,
  useDefinition,
  useIssuedList,
  useRun,
  when,
} from '../components/reports/data';
import { DefinitionForm } from '../components/reports/DefinitionForm';
import { ReportView } from '../components/reports/ReportView';
import { monthLabel } from '@groundswell/charts';

function MonthChoice({ period }: { period: string }): React.JSX.Element {
  const [, setParams] = useSearchParams();
  const [month, setMonth] = useState(period.slice(0, 7));
  const later = new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) + 11, 1));
  const choices = monthsBefore(later.toISOString().slice(0, 7), 60).map((m) => ({
    value: m,
    label: monthLabel(m),
  }));
  return (
    <form
      className="gs-report-month"
      onSubmit={(event) => {
        event.preventDefault();
        setParams({ period: month });
      }}
    >
      <SelectField
        id="report-month"
        label="Month"
        hint="The report uses the data up to the end of the month."
        choices={choices}
        value={month}
        onChange={setMonth}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show this month
      </button>
    </form>
  );
}

function IssuedVersions({ id }: { id: string }): React.JSX.Element {
  const issued = useIssuedList(id);
  if (issued.isError) return <ErrorSummary title="Could not load the issued reports" error={issued.error} />;
  if (issued.data === undefined) return <Loading what="the issued reports" />;
  if (issued.data.length === 0) return <p>This report has not been issued yet.</p>;
  return (
    <table className="nhsuk-table-responsive">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
        Issued versions, newest first
      </caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Version</th>
          <th scope="col">Issued</th>
          <th scope="col">Files</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {issued.data.map((report) => (
          <tr key={report.id}>
            <td>
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Month{' '}
              </span>
              {monthLabel(report.period)}
            </td>
            <td>
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Version{' '}
              </span>
              {report.version}
            </td>
            <td>
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Issued{' '}
              </span>
              {when(report.issuedAt)}
              {report.issuedBy === null ? '' : ` by ${report.issuedBy}`}
            </td>
            <td>
              <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                Files{' '}
              </span>
              <Link to={`/issued-reports/${report.id}`}>
                Read
                <span className="nhsuk-u-visually-hidden">
                  {' '}
                  version {report.version} for {monthLabel(report.period)}
                </span>
              </Link>
              {' · '}
              <a href={issuedPdfHref(report.id)} download>
                PDF
                <span className="nhsuk-u-visually-hidden">
                  {' '}
                  of version {report.version} for {monthLabel(report.period)}
                </span>{' '}
                ({fileSize(report.pdfBytes)})
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Manage({ id, run }: { id: string; run: ReportRun }): React.JSX.Element {
  const client = useQueryClient();
  const navigate = useNavigate();
  const definition = useDefinition(id);
  const [problem, setProblem] = useState<string | null>(null);
  const { content } = run;
  return (
    <section aria-labelledby="manage-report">
      <h2 id="manage-report">Change the report</h2>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Change its title, description or measures</span>
        </summary>
        <div className="nhsuk-details__text">
          {definition.data === undefined ? (
            <Loading what="the report’s definition" />
          ) : (
            <DefinitionForm
              organisation={content.organisation.odsCode}
              initial={{
                title: definition.data.title,
                description: definition.data.description,
                seriesIds: definition.data.items.map((item) => item.seriesId),
              }}
              submitLabel="Save the changes"
              onSubmit={async (input) => {
                await updateReport(id, input);
                await client.invalidateQueries({ queryKey: reportKeys.all });
              }}
            />
          )}
        </div>
      </details>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Delete the report</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>A report that has been issued is kept with its issued versions and cannot be deleted.</p>
          {problem !== null && (
            <p className="nhsuk-error-message" role="alert">
              {problem}
            </p>
          )}
          <button
            className="nhsuk-button nhsuk-button--warning"
            type="button"
            onClick={() => {
              deleteReport(id)
                .then(async () => {
                  await client.invalidateQueries({ queryKey: reportKeys.all });
                  void navigate(`/organisations/${encodeURIComponent(content.organisation.odsCode)}/reports`);
                })
                .catch((error: unknown) => {
                  setProblem(error instanceof ApiFailure ? error.message : String(error));
                });
            }}
          >
            Delete “{content.title}”
          </button>
        </div>
      </details>
    </section>
  );
}

export default function ReportPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const run = useRun(id, period);
  const client = useQueryClient();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<{ id: string; message: string } | null>(null);
  const [issueProblem, setIssueProblem] = useState<string | null>(null);
  if (run.isError) {
    return (
      <>
        <PageTitle>Board report</PageTitle>
        <ErrorSummary title="Could not run the report" error={run.error} />
      </>
    );
  }
  if (run.data === undefined) return <Loading what="the report" />;
  const { content } = run.data;
  const odsCode = content.organisation.odsCode;
  const commentable = new Set(run.data.canComment);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Organisations' },
          { href: `/organisations/${encodeURIComponent(odsCode)}`, text: content.organisation.name },
          { href: `/organisations/${encodeURIComponent(odsCode)}/reports`, text: 'Board reports' },
        ]}
      />
      <PageTitle caption={content.organisation.name}>{`${content.title}: ${content.periodLabel}`}</PageTitle>
      <MonthChoice key={content.period} period={content.period} />
      <div className="gs-report-actions">
        <a className="nhsuk-button nhsuk-button--secondary" href={draftPdfHref(id, content.period)} download>
          Download the PDF
          <span className="nhsuk-u-visually-hidden"> of {content.periodLabel} (not issued)</span>
        </a>
        {run.data.canManage && (
          <button
            className="nhsuk-button"
            type="button"
            disabled={issuing}
            onClick={() => {
              setIssuing(true);
              setIssueProblem(null);
              issueReport(id, content.period.slice(0, 7))
                .then(async (report) => {
                  setIssued({
                    id: report.id,
                    message: `Issued version ${report.version} of “${report.title}” for ${monthLabel(report.period)} (${fileSize(report.pdfBytes)} PDF).`,
                  });
                  await client.invalidateQueries({ queryKey: reportKeys.issued(id) });
                })
                .catch((error: unknown) => {
                  setIssueProblem(error instanceof Error ? error.message : String(error));
                })
                .finally(() => {
                  setIssuing(false);
                });
            }}
          >
            Issue the report for {content.periodLabel}
          </button>
        )}
      </div>
      {issueProblem !== null && (
        <p className="nhsuk-error-message" role="alert">
          {issueProblem}
        </p>
      )}
      <Done message={issued?.message ?? null} />
      {issued !== null && (
        <p>
          <Link to={`/issued-reports/${issued.id}`}>Read the issued report</Link> ·{' '}
          <a href={issuedPdfHref(issued.id)} download>
            Download the issued PDF
          </a>
        </p>
      )}
      <ReportView
        content={content}
        commentary={(section) =>
          commentable.has(section.seriesId) ? (
            <CommentaryForm section={section} period={content.period} periodLabel={content.periodLabel} />
          ) : null
        }
      />
      <section aria-labelledby="issued-versions">
        <h2 id="issued-versions">Issued versions</h2>
        <IssuedVersions id={id} />
      </section>
      {run.data.canManage && <Manage id={id} run={run.data} />}
    </>
  );
}
