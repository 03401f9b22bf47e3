/**
 * @module components/surveys/CommentsList
 * A survey's free-text comments, for those allowed to read them (QI leads and administrators: every
 * unit; a unit lead: their own units), by month and unit. Comments of a group whose results are
 * hidden are not shown either.
 */
import type { SurveyComments } from './data';
import {} from './data';
import { monthLabel } from '@groundswell/charts';

export function CommentsList({ comments }: { comments: SurveyComments }): React.JSX.Element {
  if (comments.items.length === 0) {
    return <p>No comments to show yet (comments appear with their unit’s results, when a month is over).</p>;
  }
  return (
    <ul className="nhsuk-list nhsuk-list--border">
      {comments.items.map((comment, i) => (
        <li key={`${comment.period}-${comment.unit.id}-${String(i)}`}>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
            {comment.unit.name}, {monthLabel(comment.period)}
          </p>
          <blockquote className="gs-survey-comment">{comment.text}</blockquote>
        </li>
      ))}
    </ul>
  );
}
