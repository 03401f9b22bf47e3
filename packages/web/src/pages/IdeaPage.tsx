/**
 * @module pages/IdeaPage
 * One staff idea (`/ideas/:id`), for its organisation's people: the problem and the proposal, its
 * unit and author ("Anonymous" when submitted so), its status in words with the reason given at
 * triage ("you said, we did"), the QI project it became, votes (vote, or withdraw one's vote) and
 * comments (add one). Those who may triage it (a unit lead for their unit's ideas, QI leads,
 * administrators) also see the triage form.
 */
import { Link, useParams } from 'react-router';
import { useSession } from '../api/session';
import { Permitted } from '../components/account/Permitted';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import { useUnitTree } from '../components/dashboard/units';
import { Comments } from '../components/ideas/Comments';
import type { IdeaDetail } from '../components/ideas/data';
import { canTriage, useIdea } from '../components/ideas/data';
import { StatusTag, YouSaidWeDid } from '../components/ideas/StatusTag';
import { TriageForm } from '../components/ideas/TriageForm';
import { votes, VoteButton } from '../components/ideas/VoteButton';
import { formatDateTime, useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { useProject } from '../components/projects/data';
import { formatDay } from '../components/projects/labels';
import { ErrorSummary, Loading } from '../components/QueryState';
import { shorten } from '../components/ideas/words';
import '../components/ideas/ideas.css';

/** The project an idea became: its title when the reader may read it. */
function ProjectLink({ projectId }: { projectId: string }): React.JSX.Element {
  const project = useProject(projectId);
  return (
    <p>
      Taken forward as the QI project{' '}
      <Link to={`/projects/${projectId}`}>{project.data?.title ?? 'Open the project'}</Link>.
    </p>
  );
}

function Idea({ idea }: { idea: IdeaDetail }): React.JSX.Element {
  const session = useSession();
  const organisation = useOrganisation(idea.organisationId);
  const units = useUnitTree(idea.organisationId);
  const user = session.data?.user ?? null;
  const odsCode = organisation.data?.odsCode;
  const org = odsCode === undefined ? undefined : `/organisations/${encodeURIComponent(odsCode)}`;
  const triager = canTriage(user, idea, units.data?.items ?? []);
  return (
    <>
      {org !== undefined && organisation.data !== undefined && (
        <Breadcrumbs
          items={[
            { href: '/', text: 'Organisations' },
            { href: org, text: organisation.data.name },
            { href: `${org}/ideas`, text: 'Ideas' },
          ]}
        />
      )}
      <PageTitle caption={`Idea · ${idea.unit?.name ?? 'Whole organisation'}`}>
        {shorten(idea.proposal, 90)}
      </PageTitle>
      <p>
        <StatusTag status={idea.status} />{' '}
        {idea.triagedAt === null ? '' : `since ${formatDay(idea.triagedAt)}`}
      </p>
      <YouSaidWeDid reason={idea.statusReason} />
      {idea.projectId !== null && <ProjectLink projectId={idea.projectId} />}

      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">The problem</dt>
          <dd className="nhsuk-summary-list__value gs-pre-line">{idea.problem}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">The idea</dt>
          <dd className="nhsuk-summary-list__value gs-pre-line">{idea.proposal}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Unit</dt>
          <dd className="nhsuk-summary-list__value">{idea.unit?.name ?? 'Whole organisation'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Submitted by</dt>
          <dd className="nhsuk-summary-list__value">
            {idea.anonymous ? 'Anonymous' : idea.author}
            {idea.mine ? ' (you)' : ''}, {formatDateTime(idea.createdAt)}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="votes-heading">
        <h2 id="votes-heading">Votes</h2>
        <p>
          {votes(idea.voteCount)}
          {idea.votedByMe ? ', including yours' : ''}.
        </p>
        <Permitted action="idea.submit" organisation={{ id: idea.organisationId }} to="vote">
          <VoteButton idea={idea} />
        </Permitted>
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        <Comments idea={idea} />
      </section>

      {triager && (
        <section aria-labelledby="triage-heading">
          <h2 id="triage-heading">Triage</h2>
          <p>Decide what happens to the idea. The reason is shown to everyone who reads it.</p>
          <TriageForm idea={idea} />
        </section>
      )}
    </>
  );
}

export default function IdeaPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const idea = useIdea(id);
  if (idea.isPending)
    return (
      <>
        <PageTitle>Idea</PageTitle>
        <Loading what="the idea" />
      </>
    );
  if (idea.isError)
    return (
      <>
        <PageTitle>Idea</PageTitle>
        <ErrorSummary title="Could not load the idea" error={idea.error} />
        <p>
          Ideas are read by the people of their organisation only. If it is yours, check you are signed in.
        </p>
      </>
    );
  return <Idea idea={idea.data} />;
}
