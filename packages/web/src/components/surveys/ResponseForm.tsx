/**
 * @module components/surveys/ResponseForm
 * Answering a survey from its link, on a phone: the question with yes, no or don't know, and an
 * optional comment. Nothing about who answers is sent or kept.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldProblem } from '../form';
import { byId, FieldErrorMessage, FormErrorSummary, problemsOf, TextAreaField } from '../form';
import type { Answer, SurveyLinkPublic } from './data';
import { answerSurvey } from './data';

const FIELDS = {
  answer: { id: 'answer-yes', label: 'Your answer' },
  comment: { id: 'answer-comment', label: 'Anything you would like to add (optional)' },
};

const ANSWERS: readonly { value: Answer; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'dont_know', label: 'Don’t know' },
];

const MAX_COMMENT = 2000;

export function ResponseForm({
  token,
  survey,
  onAnswered,
}: {
  token: string;
  survey: SurveyLinkPublic;
  onAnswered: () => void;
}): React.JSX.Element {
  const [answer, setAnswer] = useState<Answer | ''>('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: (value: Answer) => answerSurvey(token, value, comment),
    onSuccess: onAnswered,
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.answer.id));
    },
  });
  const errors = byId(problems);
  const answerError = errors[FIELDS.answer.id];
  return (
    <form
      noValidate
      aria-label="Your answer"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (answer === '') found.push({ id: FIELDS.answer.id, message: 'Choose yes, no or don’t know' });
        if (comment.trim().length > MAX_COMMENT) {
          found.push({
            id: FIELDS.comment.id,
            message: `Keep your comment to ${String(MAX_COMMENT)} characters or fewer`,
          });
        }
        setProblems(found);
        if (found.length === 0 && answer !== '') mutation.mutate(answer);
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={2} />
      <div className={`nhsuk-form-group${answerError === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <fieldset
          className="nhsuk-fieldset"
          aria-describedby={answerError === undefined ? undefined : `${FIELDS.answer.id}-error`}
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h1 className="nhsuk-fieldset__heading">{survey.question}</h1>
          </legend>
          <FieldErrorMessage id={FIELDS.answer.id} message={answerError} />
          <div className="nhsuk-radios">
            {ANSWERS.map((choice) => (
              <div className="nhsuk-radios__item" key={choice.value}>
                <input
                  className="nhsuk-radios__input"
                  id={`answer-${choice.value.replace('_', '-')}`}
                  name="answer"
                  type="radio"
                  value={choice.value}
                  checked={answer === choice.value}
                  onChange={() => {
                    setAnswer(choice.value);
                  }}
                />
                <label
                  className="nhsuk-label nhsuk-radios__label"
                  htmlFor={`answer-${choice.value.replace('_', '-')}`}
                >
                  {choice.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <TextAreaField
        id={FIELDS.comment.id}
        label={FIELDS.comment.label}
        hint="Please do not include names or anything that could identify you or anyone else."
        error={errors[FIELDS.comment.id]}
        value={comment}
        rows={4}
        onChange={setComment}
      />
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Sending…' : 'Send my answer'}
      </button>
    </form>
  );
}
