/**
 * @module components/measure/TargetForm
 * Setting the target from a date on (or "no target from this date"). For a shared (national)
 * measure it is always the organisation's own target timeline that changes, never the shared
 * definition's: the first time, the national steps are copied into it, so that the periods before
 * the new date keep the target they had.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import type { SeriesAnalysis } from './data';
import { send } from '../../api/send';
import type { ValueFormat } from './format';
import { formatDate, withUnit } from './format';
import { useSeriesChange } from './useSeriesChange';
import { Checkbox, Done, FieldErrorMessage, FormErrorSummary, describedBy } from '../form';
import type { FieldProblem } from '../form';

type Target = SeriesAnalysis['targets'][number];

export interface TargetFormProps {
  readonly measureId: string;
  /** The measure is shared (national): change the organisation's own timeline. */
  readonly shared: boolean;
  readonly organisationId: string;
  readonly organisationName: string | undefined;
  /** The timeline that applies now. */
  readonly targets: readonly Target[];
  readonly format: ValueFormat;
  /** Refreshes the series whose page this is. */
  readonly seriesId: string;
}

const FIELDS = {
  effectiveFrom: { id: 'target-day', label: 'Date' },
  value: { id: 'target-value', label: 'Target' },
  organisationId: { id: 'target-value', label: 'Target' },
};

/** The date typed into day, month and year boxes as `YYYY-MM-DD`, or null if it is not a real date. */
export function isoDate(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) {
    return null;
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1000) {
    return null;
  }
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function TargetForm({
  measureId,
  shared,
  organisationId,
  organisationName,
  targets,
  format,
  seriesId,
}: TargetFormProps): React.JSX.Element {
  const [day, setDay] = useState('1');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [value, setValue] = useState('');
  const [none, setNone] = useState(false);
  const ownTimeline = targets.some((t) => t.organisationId !== null);
  // An organisation's own timeline when the measure is shared, or when it already has one.
  const forOrganisation = shared || ownTimeline;

  const form = useSeriesChange({
    seriesId,
    request: async (step: { effectiveFrom: string; value: number | null }) => {
      const put = (body: { effectiveFrom: string; value: number | null }): Promise<Target> =>
        send(
          api.PUT('/api/v1/measures/{id}/targets', {
            params: { path: { id: measureId } },
            body: forOrganisation ? { ...body, organisationId } : body,
          }),
        );
      if (forOrganisation && !ownTimeline) {
        // The organisation's first own step: keep the national steps before it in its timeline.
        for (const t of targets) {
          if (t.effectiveFrom < step.effectiveFrom)
            await put({ effectiveFrom: t.effectiveFrom, value: t.value });
        }
      }
      return put(step);
    },
    done: (saved) =>
      saved.value === null
        ? `No target from ${formatDate(saved.effectiveFrom)}.`
        : `The target is ${withUnit(format, saved.value)} from ${formatDate(saved.effectiveFrom)}.`,
    onSaved: () => {
      setValue('');
    },
    fields: FIELDS,
    fallback: FIELDS.value.id,
  });
  const errors = form.errors;
  const dateError = errors[FIELDS.effectiveFrom.id];
  const valueError = errors[FIELDS.value.id];

  return (
    <form
      className="gs-edit-form"
      noValidate
      aria-labelledby="target-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.begin()) return;
        const found: FieldProblem[] = [];
        const date = isoDate(day, month, year);
        if (date === null) {
          found.push({
            id: FIELDS.effectiveFrom.id,
            message: 'Enter the date the target applies from, as a real date, for example 1 4 2025',
          });
        }
        const typed = Number(value.trim());
        if (!none && (value.trim() === '' || !Number.isFinite(typed))) {
          found.push({ id: FIELDS.value.id, message: 'Enter the target as a number, or choose “no target”' });
        } else if (!none && format.percent && (typed < 0 || typed > 100)) {
          found.push({ id: FIELDS.value.id, message: 'Enter the target as a percentage between 0 and 100' });
        }
        form.setProblems(found);
        if (found.length > 0 || date === null) return;
        form.save({ effectiveFrom: date, value: none ? null : format.percent ? typed / 100 : typed });
      }}
    >
      <h3 id="target-form-heading">Set the target from a date</h3>
      <FormErrorSummary problems={form.problems} headingLevel={4} />
      <p className="nhsuk-body-s">
        {forOrganisation
          ? `The target is ${organisationName ?? 'the organisation'}’s own: it applies to every chart of this measure there${shared ? ', and never changes the national definition or other organisations’ targets' : ''}.`
          : 'The target belongs to the measure: it applies to every chart of it.'}
      </p>
      {targets.length > 0 && (
        <>
          <h4 className="nhsuk-heading-xs">The target now</h4>
          <ul className="nhsuk-list">
            {targets.map((t) => (
              <li key={t.id}>
                From {formatDate(t.effectiveFrom)}:{' '}
                {t.value === null ? 'no target' : withUnit(format, t.value)}
                {t.organisationId === null && shared ? ' (national standard)' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={`nhsuk-form-group${dateError === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <fieldset
          className="nhsuk-fieldset"
          role="group"
          aria-describedby={describedBy('target-date', true, dateError === undefined ? undefined : dateError)}
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">From</legend>
          <div className="nhsuk-hint" id="target-date-hint">
            The first day the target applies, for example 1 4 2025
          </div>
          <FieldErrorMessage id="target-date" message={dateError} />
          <div className="nhsuk-date-input">
            {(
              [
                ['target-day', 'Day', day, setDay, 2],
                ['target-month', 'Month', month, setMonth, 2],
                ['target-year', 'Year', year, setYear, 4],
              ] as const
            ).map(([id, label, current, set, width]) => (
              <div className="nhsuk-date-input__item" key={id}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={id}>
                    {label}
                  </label>
                  <input
                    className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${dateError === undefined ? '' : ' nhsuk-input--error'}`}
                    id={id}
                    type="text"
                    inputMode="numeric"
                    value={current}
                    onChange={(event) => {
                      set(event.target.value);
                    }}
                  />
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`nhsuk-form-group${valueError === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-label" htmlFor={FIELDS.value.id}>
          Target{format.percent ? ', as a percentage' : format.unit === undefined ? '' : ` (${format.unit})`}
        </label>
        <FieldErrorMessage id={FIELDS.value.id} message={valueError} />
        <div className="nhsuk-input-wrapper">
          <input
            className={`nhsuk-input nhsuk-input--width-5${valueError === undefined ? '' : ' nhsuk-input--error'}`}
            id={FIELDS.value.id}
            type="text"
            inputMode="decimal"
            value={value}
            disabled={none}
            aria-describedby={describedBy(FIELDS.value.id, false, valueError)}
            onChange={(event) => {
              setValue(event.target.value);
            }}
          />
          {format.percent && (
            <div className="nhsuk-input-wrapper__suffix" aria-hidden="true">
              %
            </div>
          )}
        </div>
      </div>
      <Checkbox
        id="target-none"
        label="No target from this date"
        size="small"
        checked={none}
        onChange={setNone}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {form.pending ? 'Saving…' : 'Set target'}
      </button>
      <Done message={form.done} />
    </form>
  );
}
