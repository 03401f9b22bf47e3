/**
 * @module components/ideas/TriageForm
 * Triage, for those who may (a unit lead for their unit's ideas, QI leads, administrators): under
 * review, taken forward (optionally starting a QI project from the idea, linked both ways) or not
 * taken forward, with a reason shown to everyone ("you said, we did"), required once decided. The
 * author, when named, is told in the app.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FieldProblem } from '../form';
import {
  Checkbox,
  byId,
  Done,
  FieldErrorMessage,
  FormErrorSummary,
  problemsOf,
  Radios,
  TextAreaField,
} from '../form';
import type { Idea, TriageStatus } from './data';
import { refreshIdeas, statusWords, triageIdea } from './data';

const FIELDS = {
  status: { id: 'triage-status', label: 'Decision' },
  reason: { id: 'triage-reason', label: 'Reason' },
  takeForwardAsProject: { id: 'triage-project', label: 'Start a QI project from this idea' },
};

const CHOICES: readonly { value: TriageStatus; label: string; hint: string }[] = [
  { value: 'under_review', label: 'Under review', hint: 'Someone is looking into it.' },
  { value: 'taken_forward', label: 'Taken forward', hint: 'It will be acted on, perhaps as a QI project.' },
  { value: 'not_taken_forward', label: 'Not taken forward', hint: 'Say why, so that people understand.' },
];

/** The decisions that need a reason (as the server's rule). */
const DECIDED: readonly TriageStatus[] = ['taken_forward', 'not_taken_forward'];

export function TriageForm({ idea }: { idea: Idea }): React.JSX.Element {
  const client = useQueryClient();
  const [status, setStatus] = useState<TriageStatus>(idea.status === 'new' ? 'under_review' : idea.status);
  const [reason, setReason] = useState(idea.statusReason);
  const [asProject, setAsProject] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  /** What the last decision did, in words, and the project it started (if it did). */
  const [done, setDone] = useState<{ message: string; projectId: string | null } | null>(null);
  const offerProject = status === 'taken_forward' && idea.projectId === null;
  const mutation = useMutation({
    mutationFn: () =>
      triageIdea(idea.id, {
        status,
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
        ...(offerProject && asProject ? { takeForwardAsProject: true } : {}),
      }),
    onSuccess: async (after) => {
      const started = after.projectId !== null && after.projectId !== idea.projectId;
      setDone({
        message: `The idea is now ${statusWords(after.status).toLowerCase()}.${started ? ' A QI project was started from it.' : ''}`,
        projectId: started ? after.projectId : null,
      });
      setAsProject(false);
      await refreshIdeas(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.reason.id));
    },
  });
  const errors = byId(problems);
  const statusError = errors[FIELDS.status.id];
  return (
    <form
      noValidate
      aria-label="Triage the idea"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        setDone(null);
        const found: FieldProblem[] =
          DECIDED.includes(status) && reason.trim() === ''
            ? [
                {
                  id: FIELDS.reason.id,
                  message: `Give a reason for marking the idea ${statusWords(status).toLowerCase()}`,
                },
              ]
            : [];
        setProblems(found);
        if (found.length === 0) mutation.mutate();
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={3} />
      <div className={`nhsuk-form-group${statusError === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{FIELDS.status.label}</legend>
          <FieldErrorMessage id={FIELDS.status.id} message={statusError} />
          <Radios
            id={FIELDS.status.id}
            name={FIELDS.status.id}
            choices={CHOICES}
            value={status}
            onChange={setStatus}
          />
        </fieldset>
      </div>
      {offerProject && (
        <Checkbox
          id={FIELDS.takeForwardAsProject.id}
          label={FIELDS.takeForwardAsProject.label}
          hint="Its problem, unit and proposal start the project, and you lead it. The idea and the project link to each other."
          checked={asProject}
          onChange={setAsProject}
        />
      )}
      <TextAreaField
        id={FIELDS.reason.id}
        label={FIELDS.reason.label}
        hint="Shown to everyone with the idea (“you said, we did”). Needed once it is taken forward or not."
        error={errors[FIELDS.reason.id]}
        value={reason}
        onChange={setReason}
      />
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Saving…' : 'Save the decision'}
      </button>
      <Done message={done?.message ?? null} />
      {done?.projectId != null && (
        <p>
          <Link to={`/projects/${done.projectId}`}>Open the new project</Link>
        </p>
      )}
    </form>
  );
}
