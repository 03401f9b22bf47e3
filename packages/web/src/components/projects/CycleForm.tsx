/**
 * @module components/projects/CycleForm
 * Recording a PDSA cycle for a change idea, or updating one as it goes on: plan (title, plan,
 * prediction, planned start), do (what happened, started on), study, act (what next, the decision
 * adopt · adapt · abandon) and the end date. A new cycle needs only its title; the rest can wait.
 */
import { useEffect, useRef, useState } from 'react';
import type { AddCycleInput, Cycle, Decision } from './data';
import { DECISIONS } from './labels';
import {
  DateField,
  FieldErrorMessage,
  FormErrorSummary,
  TextAreaField,
  TextField,
  byId,
  problemsOf,
} from '../form';
import type { FieldProblem } from '../form';

type Draft = Required<{ [K in keyof AddCycleInput]-?: string }>;

const EMPTY: Draft = {
  title: '',
  plan: '',
  prediction: '',
  plannedStart: '',
  doNotes: '',
  startedOn: '',
  study: '',
  act: '',
  decision: '',
  endedOn: '',
};

function draftOf(cycle: Cycle | undefined): Draft {
  if (cycle === undefined) return EMPTY;
  return {
    title: cycle.title,
    plan: cycle.plan,
    prediction: cycle.prediction,
    plannedStart: cycle.plannedStart ?? '',
    doNotes: cycle.doNotes,
    startedOn: cycle.startedOn ?? '',
    study: cycle.study,
    act: cycle.act,
    decision: cycle.decision ?? '',
    endedOn: cycle.endedOn ?? '',
  };
}

/** The body to send: text as typed, dates and the decision null when empty. */
export function cycleBody(draft: Draft): AddCycleInput {
  const date = (v: string): string | null => (v === '' ? null : v);
  return {
    title: draft.title.trim(),
    plan: draft.plan,
    prediction: draft.prediction,
    plannedStart: date(draft.plannedStart),
    doNotes: draft.doNotes,
    startedOn: date(draft.startedOn),
    study: draft.study,
    act: draft.act,
    decision: draft.decision === '' ? null : (draft.decision as Decision),
    endedOn: date(draft.endedOn),
  };
}

export function CycleForm({
  idPrefix,
  heading,
  cycle,
  pending,
  error,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  heading: string;
  /** The cycle to update; none: a new one. */
  cycle?: Cycle | undefined;
  pending: boolean;
  error: unknown;
  onSave: (body: AddCycleInput) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const [draft, setDraft] = useState<Draft>(() => draftOf(cycle));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const title = useRef<HTMLHeadingElement>(null);
  const id = (field: keyof Draft): string => `${idPrefix}-${field}`;
  const fields = Object.fromEntries(
    (Object.keys(EMPTY) as (keyof Draft)[]).map((f) => [f, { id: id(f), label: f }]),
  );
  useEffect(() => {
    title.current?.focus();
  }, []);
  // The form's own checks first; once they pass, what the server refused.
  const shown = problems.length > 0 || error === null ? problems : problemsOf(error, fields, id('title'));
  const errors = byId(shown);
  const set =
    (field: keyof Draft) =>
    (value: string): void => {
      setDraft({ ...draft, [field]: value });
    };
  return (
    <form
      noValidate
      className="nhsuk-card nhsuk-u-padding-4"
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const found: FieldProblem[] = [];
        if (draft.title.trim() === '')
          found.push({ id: id('title'), message: 'Enter a title for the cycle' });
        if (draft.decision !== '' && draft.study.trim() === '')
          found.push({ id: id('study'), message: 'Write what the study showed before deciding' });
        if (draft.startedOn !== '' && draft.endedOn !== '' && draft.endedOn < draft.startedOn)
          found.push({ id: id('endedOn'), message: 'The end must be on or after the start' });
        setProblems(found);
        if (found.length === 0) onSave(cycleBody(draft));
      }}
    >
      <h3 id={`${idPrefix}-heading`} tabIndex={-1} ref={title}>
        {heading}
      </h3>
      <FormErrorSummary problems={shown} headingLevel={4} />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Plan</legend>
        <TextField
          id={id('title')}
          label="Title"
          error={errors[id('title')]}
          value={draft.title}
          onChange={set('title')}
          width=""
        />
        <TextAreaField
          id={id('plan')}
          label="Plan"
          hint="Who does what, where and when."
          error={errors[id('plan')]}
          value={draft.plan}
          onChange={set('plan')}
        />
        <TextAreaField
          id={id('prediction')}
          label="Prediction"
          hint="What do you expect to happen?"
          error={errors[id('prediction')]}
          value={draft.prediction}
          onChange={set('prediction')}
        />
        <DateField
          id={id('plannedStart')}
          label="Planned start"
          error={errors[id('plannedStart')]}
          value={draft.plannedStart}
          onChange={set('plannedStart')}
        />
      </fieldset>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Do</legend>
        <DateField
          id={id('startedOn')}
          label="Started on"
          error={errors[id('startedOn')]}
          value={draft.startedOn}
          onChange={set('startedOn')}
        />
        <TextAreaField
          id={id('doNotes')}
          label="What happened"
          error={errors[id('doNotes')]}
          value={draft.doNotes}
          onChange={set('doNotes')}
        />
      </fieldset>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Study</legend>
        <TextAreaField
          id={id('study')}
          label="What the data showed, against the prediction"
          error={errors[id('study')]}
          value={draft.study}
          onChange={set('study')}
        />
      </fieldset>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Act</legend>
        <TextAreaField
          id={id('act')}
          label="What comes next"
          error={errors[id('act')]}
          value={draft.act}
          onChange={set('act')}
        />
        <div
          className={`nhsuk-form-group${errors[id('decision')] === undefined ? '' : ' nhsuk-form-group--error'}`}
        >
          <fieldset className="nhsuk-fieldset" aria-describedby={`${id('decision')}-hint`}>
            <legend className="nhsuk-fieldset__legend">Decision</legend>
            <div className="nhsuk-hint" id={`${id('decision')}-hint`}>
              Once the study is written.
            </div>
            <FieldErrorMessage id={id('decision')} message={errors[id('decision')]} />
            <div className="nhsuk-radios nhsuk-radios--small" id={id('decision')}>
              {[{ value: '', label: 'Not decided yet', hint: '' }, ...DECISIONS].map((d) => (
                <div className="nhsuk-radios__item" key={d.value}>
                  <input
                    className="nhsuk-radios__input"
                    id={`${id('decision')}-${d.value || 'none'}`}
                    name={id('decision')}
                    type="radio"
                    value={d.value}
                    checked={draft.decision === d.value}
                    onChange={() => {
                      set('decision')(d.value);
                    }}
                  />
                  <label
                    className="nhsuk-label nhsuk-radios__label"
                    htmlFor={`${id('decision')}-${d.value || 'none'}`}
                  >
                    {d.label}
                    {d.hint === '' ? '' : `: ${d.hint}`}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <DateField
          id={id('endedOn')}
          label="Ended on"
          error={errors[id('endedOn')]}
          value={draft.endedOn}
          onChange={set('endedOn')}
        />
      </fieldset>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit">
          {pending ? 'Saving…' : cycle === undefined ? 'Record the cycle' : 'Save the cycle'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
