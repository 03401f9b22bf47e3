/**
 * @module components/ideas/Comments
 * An idea's comments, oldest first, each signed with its author's name, and adding one (comments
 * are never anonymous: the form says so).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Permitted } from '../account/Permitted';
import type { FieldProblem } from '../form';
import { byId, Done, FormErrorSummary, problemsOf, TextAreaField } from '../form';
import { formatDateTime } from '../members/members';
import type { IdeaComment, IdeaDetail } from './data';
import { addComment, refreshIdeas } from './data';

const FIELDS = { text: { id: 'comment-text', label: 'Your comment' } };

export function CommentList({ comments }: { comments: readonly IdeaComment[] }): React.JSX.Element {
  if (comments.length === 0) return <p>No comments yet.</p>;
  return (
    <ol className="nhsuk-list gs-idea-comments">
      {comments.map((comment) => (
        <li key={comment.id} className="gs-idea-comment">
          <p className="nhsuk-body-s gs-idea-comment__by">
            {comment.author}, {formatDateTime(comment.createdAt)}
          </p>
          <p className="gs-pre-line">{comment.text}</p>
        </li>
      ))}
    </ol>
  );
}

function CommentForm({ idea }: { idea: IdeaDetail }): React.JSX.Element {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => addComment(idea.id, text.trim()),
    onSuccess: async () => {
      setText('');
      setAnnouncement('Your comment was added.');
      await refreshIdeas(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.text.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Add a comment"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        setAnnouncement(null);
        const found = text.trim() === '' ? [{ id: FIELDS.text.id, message: 'Write your comment' }] : [];
        setProblems(found);
        if (found.length === 0) mutation.mutate();
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextAreaField
        id={FIELDS.text.id}
        label={FIELDS.text.label}
        hint="Comments are signed with your name."
        error={errors[FIELDS.text.id]}
        value={text}
        onChange={setText}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {mutation.isPending ? 'Adding…' : 'Add the comment'}
      </button>
      <Done message={announcement} />
    </form>
  );
}

export function Comments({ idea }: { idea: IdeaDetail }): React.JSX.Element {
  return (
    <>
      <CommentList comments={idea.comments} />
      <Permitted action="idea.submit" organisation={{ id: idea.organisationId }} to="comment">
        <CommentForm idea={idea} />
      </Permitted>
    </>
  );
}
