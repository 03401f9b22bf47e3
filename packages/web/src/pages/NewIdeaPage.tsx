/**
 * @module pages/NewIdeaPage
 * Submitting an idea to an organisation (`/organisations/:ref/ideas/new`): any of its people may,
 * from a phone in under a minute, and anonymously if they choose. Once submitted: a confirmation
 * with a link to the idea, and what happens next (a named author is told of every change of
 * status; an anonymous one cannot be).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { useUnitTree } from '../components/dashboard/units';
import type { Idea } from '../components/ideas/data';
import { refreshIdeas } from '../components/ideas/data';
import { IdeaForm } from '../components/ideas/IdeaForm';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';

function Submitted({ idea, onAnother }: { idea: Idea; onAnother: () => void }): React.JSX.Element {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  return (
    <>
      <div className="nhsuk-panel" ref={panel} tabIndex={-1}>
        <h2 className="nhsuk-panel__heading">Idea submitted</h2>
        <div className="nhsuk-panel__body">
          {idea.anonymous ? 'Anonymously: your name is not stored with it.' : 'Thank you for sharing it.'}
        </div>
      </div>
      <p>
        <Link to={`/ideas/${idea.id}`}>See your idea</Link>
      </p>
      <h2 className="nhsuk-heading-m">What happens next</h2>
      <p>
        Others can vote for it and comment on it. A unit lead or QI lead will look at it and decide whether to
        take it forward, giving a reason everyone can read.
      </p>
      {idea.anonymous ? (
        <p>
          Because nobody knows it was yours, you will not be told when its status changes. Look it up in the
          list of ideas.
        </p>
      ) : (
        <p>
          You will be told in your <Link to="/notifications">notifications</Link> whenever its status changes.
        </p>
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onAnother}>
        Submit another idea
      </button>
    </>
  );
}

export default function NewIdeaPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const units = useUnitTree(ref);
  const client = useQueryClient();
  const [submitted, setSubmitted] = useState<Idea | null>(null);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Submit an idea</PageTitle>
      <p>
        <Link to={`/organisations/${encodeURIComponent(ref)}/ideas`}>Back to the ideas</Link>
      </p>
      <Permitted
        action="idea.submit"
        organisation={{ id: organisation.data?.id, odsCode: ref }}
        to="submit an idea"
        where={name === undefined ? undefined : `in ${name}`}
      >
        {submitted === null ? (
          <IdeaForm
            odsCode={ref}
            units={units.data?.items ?? []}
            onSubmitted={(idea) => {
              void refreshIdeas(client);
              setSubmitted(idea);
            }}
          />
        ) : (
          <Submitted
            idea={submitted}
            onAnother={() => {
              setSubmitted(null);
            }}
          />
        )}
      </Permitted>
    </>
  );
}
