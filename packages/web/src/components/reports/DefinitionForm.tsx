/**
 * @module components/reports/DefinitionForm
 * A report's definition as a form (report.manage): its title, description, and the series it
 * shows, chosen from the organisation's series (the report groups them by their measures' domain;
 * the order chosen here is kept within each domain).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { domainLabel } from '../measure/format';
import { byId, FormErrorSummary, namedProblems, TextAreaField, TextField } from '../form';
import type { FieldProblem } from '../form';
import type { ReportInput } from './data';

/** The form's controls, by the API's field names. */
const FIELDS = {
  title: { id: 'report-title', label: 'Title' },
  description: { id: 'report-description', label: 'Description' },
  seriesIds: { id: 'report-series', label: 'Measures' },
};

export function DefinitionForm({
  organisation,
  initial,
  submitLabel,
  onSubmit,
}: {
  organisation: string;
  initial?: ReportInput | undefined;
  submitLabel: string;
  /** Sends the definition; a failure's field problems are shown on the form. */
  onSubmit: (input: ReportInput) => Promise<void>;
}): React.JSX.Element {
  const series = useQuery({
    queryKey: ['reports', 'series-choices', organisation.toUpperCase()],
    queryFn: () =>
      data(
        api.GET('/api/v1/organisations/{ref}/dashboard', {
          params: { path: { ref: organisation }, query: { points: 0 } },
        }),
      ),
  });
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [chosen, setChosen] = useState<string[]>([...(initial?.seriesIds ?? [])]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const errors = byId(problems);
  const choices = series.data?.series ?? [];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found: FieldProblem[] = [];
        if (title.trim() === '') found.push({ id: FIELDS.title.id, message: 'Enter a title' });
        if (chosen.length === 0)
          found.push({ id: FIELDS.seriesIds.id, message: 'Choose at least one measure' });
        setProblems(found);
        if (found.length > 0) return;
        setSaving(true);
        onSubmit({ title: title.trim(), description: description.trim(), seriesIds: chosen })
          .catch((error: unknown) => {
            setProblems(namedProblems(error, FIELDS, FIELDS.title.id));
          })
          .finally(() => {
            setSaving(false);
          });
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextField
        id={FIELDS.title.id}
        label="Title"
        value={title}
        error={errors[FIELDS.title.id]}
        onChange={setTitle}
      />
      <TextAreaField
        id={FIELDS.description.id}
        label="Description (optional)"
        hint="What the report is for, shown on its cover"
        value={description}
        error={errors[FIELDS.description.id]}
        onChange={setDescription}
      />
      <div
        className={`nhsuk-form-group${errors[FIELDS.seriesIds.id] === undefined ? '' : ' nhsuk-form-group--error'}`}
      >
        <fieldset className="nhsuk-fieldset" aria-describedby={`${FIELDS.seriesIds.id}-hint`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Measures</legend>
          <div className="nhsuk-hint" id={`${FIELDS.seriesIds.id}-hint`}>
            The report shows them grouped by domain, in the order you choose them.
          </div>
          {errors[FIELDS.seriesIds.id] !== undefined && (
            <span className="nhsuk-error-message">
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {errors[FIELDS.seriesIds.id]}
            </span>
          )}
          {series.isPending && <p role="status">Loading the organisation’s measures…</p>}
          {series.isError && <p>Could not load the organisation’s measures: {series.error.message}</p>}
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small" id={FIELDS.seriesIds.id} tabIndex={-1}>
            {choices.map((s) => {
              const id = `report-series-${s.id}`;
              const name = s.unit === null ? s.measure.name : `${s.measure.name}: ${s.unit.name}`;
              return (
                <div className="nhsuk-checkboxes__item" key={s.id}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={id}
                    type="checkbox"
                    checked={chosen.includes(s.id)}
                    onChange={(event) => {
                      const on = event.target.checked;
                      setChosen((list) => (on ? [...list, s.id] : list.filter((x) => x !== s.id)));
                    }}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                    {name} <span className="nhsuk-body-s">({domainLabel(s.measure.domain)})</span>
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
