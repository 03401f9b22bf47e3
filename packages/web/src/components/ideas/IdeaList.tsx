/**
 * @module components/ideas/IdeaList
 * Ideas as a list of cards: the proposal (linking to the idea), the problem, unit, author, status
 * in words, votes and comments, and the reason given at triage ("you said, we did") for everyone.
 */
import { Link } from 'react-router';
import { formatDay } from '../projects/labels';
import type { Idea } from './data';
import { StatusTag, YouSaidWeDid } from './StatusTag';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function IdeaCard({
  idea,
  headingLevel = 3,
}: {
  idea: Idea;
  headingLevel?: 2 | 3;
}): React.JSX.Element {
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <li className="nhsuk-card gs-idea-card">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading nhsuk-heading-s">
          <Link to={`/ideas/${idea.id}`}>{idea.proposal}</Link>
        </Heading>
        <p className="gs-idea-card__status">
          <StatusTag status={idea.status} />{' '}
          <span>
            {plural(idea.voteCount, 'vote', 'votes')}
            {idea.votedByMe ? ' (including yours)' : ''} · {plural(idea.commentCount, 'comment', 'comments')}
          </span>
        </p>
        <p className="nhsuk-body-s gs-pre-line">
          <span className="nhsuk-u-visually-hidden">The problem: </span>
          {idea.problem}
        </p>
        <p className="nhsuk-body-s gs-idea-card__meta">
          {idea.unit?.name ?? 'Whole organisation'} · {idea.anonymous ? 'Anonymous' : idea.author}
          {idea.mine ? ' (you)' : ''} · {formatDay(idea.createdAt)}
        </p>
        <YouSaidWeDid reason={idea.statusReason} />
      </div>
    </li>
  );
}

export function IdeaList({ items }: { items: readonly Idea[] }): React.JSX.Element {
  if (items.length === 0) return <p>No ideas match these filters.</p>;
  return (
    <ul className="nhsuk-list gs-idea-list">
      {items.map((idea) => (
        <IdeaCard key={idea.id} idea={idea} />
      ))}
    </ul>
  );
}
