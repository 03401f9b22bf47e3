/**
 * @module pages/SurveyPage
 * One experience survey (`/surveys/:id`): its question, whether it is open (QI leads and
 * administrators open and close it, and publish its results now), its links and QR codes, its
 * results by month and unit (small groups suppressed), the measure they become, and the comments
 * for those allowed to read them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../api/permissions';
import type { SessionUser } from '../api/session';
import { useSession } from '../api/session';
import { useUnitTree } from '../components/dashboard/units';
import { Done, FormErrorSummary, problemsOf } from '../components/form';
import type { FieldProblem } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { CommentsList } from '../components/surveys/CommentsList';
import type { SurveyDetail } from '../components/surveys/data';
import {
  publishNow,
  refreshSurveys,
  setSurveyOpen,
  useSurvey,
  useSurveyComments,
  useSurveyResults,
} from '../components/surveys/data';
import { LinksPanel } from '../components/surveys/LinksPanel';
import { ResultsTable } from '../components/surveys/ResultsTable';
import '../components/surveys/surveys.css';

/** Whether the person may read the survey's comments: managers, and unit leads of the organisation. */
function readsComments(user: SessionUser | null, organisationId: string): boolean {
  if (user === null) return false;
  if (can(user, 'survey.manage', { id: organisationId })) return true;
  return user.memberships.some((m) => m.organisationId === organisationId && m.role === 'unit_lead');
}

function OpenClose({ detail }: { detail: SurveyDetail }): React.JSX.Element {
  const client = useQueryClient();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: () => setSurveyOpen(detail.id, !detail.open),
    onSuccess: (survey) => {
      setProblems([]);
      setDone(
        survey.open
          ? 'The survey is open: its links work again.'
          : 'The survey is closed and its results are published.',
      );
      void refreshSurveys(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, {}, 'survey-open'));
    },
  });
  const publish = useMutation({
    mutationFn: () => publishNow(detail.id),
    onSuccess: (counts) => {
      setProblems([]);
      setDone(
        counts.added + counts.changed === 0
          ? 'Nothing new to publish: every finished month is already in the measure.'
          : `Published ${String(counts.added + counts.changed)} new results to the measure.`,
      );
      void refreshSurveys(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, {}, 'survey-open'));
    },
  });
  return (
    <>
      <FormErrorSummary problems={problems} headingLevel={2} />
      <div className="nhsuk-button-group">
        <button
          className={`nhsuk-button ${detail.open ? 'nhsuk-button--warning' : 'nhsuk-button--secondary'}`}
          id="survey-open"
          type="button"
          disabled={toggle.isPending}
          onClick={() => {
            toggle.mutate();
          }}
        >
          {detail.open ? 'Close the survey' : 'Reopen the survey'}
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          disabled={publish.isPending}
          onClick={() => {
            publish.mutate();
          }}
        >
          Publish finished months now
        </button>
      </div>
      <Done message={done} />
    </>
  );
}

/** The survey once loaded: its organisation's units and (for those allowed) its comments. */
function SurveyBody({ detail, user }: { detail: SurveyDetail; user: SessionUser | null }): React.JSX.Element {
  const results = useSurveyResults(detail.id);
  const units = useUnitTree(detail.organisationId);
  const commentsAllowed = readsComments(user, detail.organisationId);
  const comments = useSurveyComments(detail.id, commentsAllowed);
  const manage = can(user, 'survey.manage', { id: detail.organisationId });
  return (
    <>
      <PageTitle caption={detail.kind === 'staff' ? 'Staff survey' : 'Patient survey'}>
        {detail.title}
      </PageTitle>
      <p className="nhsuk-body-l">“{detail.question}”</p>
      <p>
        <strong className={`nhsuk-tag ${detail.open ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>
          {detail.open ? 'Open' : 'Closed'}
        </strong>{' '}
        Results of fewer than {detail.minGroup} people are never shown.
      </p>
      <p>
        <Link to={`/organisations/${detail.organisationId}/surveys`}>All surveys</Link>
        {detail.measureId !== null && (
          <>
            {' · '}
            <Link to={`/organisations/${detail.organisationId}?measure=${detail.measureId}`}>
              The measure on the dashboard
            </Link>
          </>
        )}
      </p>
      {manage && <OpenClose detail={detail} />}
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Results</h2>
        <QueryState query={results} what="the results">
          {(data) => <ResultsTable results={data} />}
        </QueryState>
      </section>
      <LinksPanel detail={detail} units={units.data?.items ?? []} manage={manage} />
      {commentsAllowed && (
        <section aria-labelledby="comments-heading">
          <h2 id="comments-heading">Comments</h2>
          <p>Only QI leads, administrators and each unit’s lead read these. They are never published.</p>
          <QueryState query={comments} what="the comments">
            {(data) => <CommentsList comments={data} />}
          </QueryState>
        </section>
      )}
    </>
  );
}

export default function SurveyPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  const session = useSession();
  const user = session.data?.user ?? null;
  return (
    <QueryState query={survey} what="the survey">
      {(detail) => <SurveyBody detail={detail} user={user} />}
    </QueryState>
  );
}
