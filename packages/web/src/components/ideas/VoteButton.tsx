/**
 * @module components/ideas/VoteButton
 * Voting for an idea, or withdrawing one's vote (one vote each), with the count in words.
 */
import { Done } from '../form';
import { ErrorSummary } from '../QueryState';
import type { Idea } from './data';
import { setVote } from './data';
import { useIdeaChange } from './useIdeaChange';

export function VoteButton({ idea }: { idea: Idea }): React.JSX.Element {
  const change = useIdeaChange<Idea>();
  const voted = idea.votedByMe;
  return (
    <form
      noValidate
      aria-label="Your vote"
      onSubmit={(event) => {
        event.preventDefault();
        void change.run(
          () => setVote(idea.id, !voted),
          (after) =>
            `${after.votedByMe ? 'You voted for this idea' : 'You withdrew your vote'}: it has ${votes(after.voteCount)}.`,
        );
      }}
    >
      <p>{voted ? 'You voted for this idea.' : 'Vote for this idea if you want it taken forward.'}</p>
      {change.error !== null && <ErrorSummary title="Your vote could not be changed" error={change.error} />}
      <button className={`nhsuk-button${voted ? ' nhsuk-button--secondary' : ''}`} type="submit">
        {change.pending ? 'Saving…' : voted ? 'Withdraw your vote' : 'Vote for this idea'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </form>
  );
}

/** "1 vote", "3 votes". */
export function votes(n: number): string {
  return `${n} ${n === 1 ? 'vote' : 'votes'}`;
}
