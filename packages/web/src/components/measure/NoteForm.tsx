/**
 * @module components/measure/NoteForm
 * Adding a note (an annotation) to a period of the chart: what changed, a data problem, a PDSA
 * cycle. The note is numbered on the chart and listed under it.
 */
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { send } from '../../api/send';
import { formatPeriod } from './format';
import type { PeriodRequest } from './forms';
import { usePeriodRequest } from './forms';
import { useSeriesChange } from './useSeriesChange';
import { Done, FieldErrorMessage, FormErrorSummary, SelectField, describedBy } from '../form';
import type { Choice, FieldProblem } from '../form';

const MAX_TEXT = 4000;

export interface NoteFormProps {
  readonly seriesId: string;
  /** The periods a note may be put on (the series' stored points), oldest first. */
  readonly periods: readonly string[];
  readonly request?: PeriodRequest | undefined;
}

const FIELDS = {
  period: { id: 'note-period', label: 'Period' },
  text: { id: 'note-text', label: 'Note' },
};

export function NoteForm({ seriesId, periods, request }: NoteFormProps): React.JSX.Element {
  const [period, setPeriod] = useState(periods.at(-1) ?? '');
  const [text, setText] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  usePeriodRequest(request, setPeriod, first);

  const form = useSeriesChange({
    seriesId,
    // The note is signed by the signed-in person (the server takes their name, not one typed).
    request: (body: { period: string; text: string }) =>
      send(api.POST('/api/v1/series/{id}/annotations', { params: { path: { id: seriesId } }, body })),
    done: (note) => `Note added to ${formatPeriod(note.period, 'long')}.`,
    onSaved: () => {
      setText('');
    },
    fields: FIELDS,
    fallback: FIELDS.text.id,
  });

  const choices: Choice[] = periods
    .slice()
    .reverse()
    .map((p) => ({ value: p, label: formatPeriod(p, 'long') }));
  const errors = form.errors;

  return (
    <form
      className="gs-edit-form"
      noValidate
      aria-labelledby="note-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.begin()) return;
        const found: FieldProblem[] = [];
        if (!periods.includes(period))
          found.push({ id: FIELDS.period.id, message: 'Select the period of the note' });
        if (text.trim() === '') found.push({ id: FIELDS.text.id, message: 'Enter the note' });
        else if (text.trim().length > MAX_TEXT)
          found.push({
            id: FIELDS.text.id,
            message: `The note must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`,
          });
        form.setProblems(found);
        if (found.length === 0) form.save({ period, text: text.trim() });
      }}
    >
      <h3 id="note-form-heading">Add a note</h3>
      <FormErrorSummary problems={form.problems} headingLevel={4} />
      <p className="nhsuk-body-s">
        Say what happened at a point: a change made, a data problem, a test of change. The note is numbered on
        the chart and listed under it, with your name.
      </p>
      {periods.length === 0 ? (
        <p>The series has no points yet: notes go on the periods of its points.</p>
      ) : (
        <>
          <SelectField
            id={FIELDS.period.id}
            label="Period"
            error={errors[FIELDS.period.id]}
            value={period}
            choices={choices}
            onChange={setPeriod}
            selectRef={first}
          />
          <div className={`nhsuk-form-group${errors[FIELDS.text.id] ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={FIELDS.text.id}>
              Note
            </label>
            <div className="nhsuk-hint" id={`${FIELDS.text.id}-hint`}>
              For example, “New triage model started”. Do not include anything that identifies a patient.
            </div>
            <FieldErrorMessage id={FIELDS.text.id} message={errors[FIELDS.text.id]} />
            <textarea
              className={`nhsuk-textarea${errors[FIELDS.text.id] ? ' nhsuk-textarea--error' : ''}`}
              id={FIELDS.text.id}
              rows={3}
              value={text}
              aria-describedby={describedBy(FIELDS.text.id, true, errors[FIELDS.text.id])}
              onChange={(event) => {
                setText(event.target.value);
              }}
            />
          </div>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            {form.pending ? 'Adding the note…' : 'Add note'}
          </button>
        </>
      )}
      <Done message={form.done} />
    </form>
  );
}
