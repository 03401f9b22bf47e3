/**
 * @module components/measure/MethodForm
 * Choosing the SPC method (Making Data Count or NHS-R) and the improvement direction of this
 * chart (the series' own SPC options: a shared measure's other organisations are not affected),
 * or going back to the measure's own.
 */
import { useState } from 'react';
import type { SpcOptions } from './data';
import { withOptions } from './data';
import type { Direction, Preset } from './format';
import { directionLabel, presetLabel } from './format';
import { useSeriesOptionsChange } from './useSeriesChange';
import { Done, FieldErrorMessage, FormErrorSummary, describedBy } from '../form';

export interface MethodFormProps {
  readonly seriesId: string;
  /** The series' own options. */
  readonly own: SpcOptions | null;
  /** What the analysis used. */
  readonly preset: Preset;
  readonly direction: Direction;
  /** The measure is shared: say that the change is this organisation's alone. */
  readonly shared: boolean;
}

const FIELDS = {
  'spcOptions.preset': { id: 'method-preset', label: 'SPC method' },
  'spcOptions.direction': { id: 'method-direction', label: 'Improvement direction' },
  spcOptions: { id: 'method-preset', label: 'SPC method' },
};

function Radios<T extends string>({
  id,
  legend,
  hint,
  value,
  options,
  label,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  hint: string;
  value: T;
  options: readonly T[];
  label: (option: T) => string;
  error: string | undefined;
  onChange: (value: T) => void;
}): React.JSX.Element {
  return (
    <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, true, error)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        <FieldErrorMessage id={id} message={error} />
        <div className="nhsuk-radios">
          {options.map((option, k) => (
            <div className="nhsuk-radios__item" key={option}>
              <input
                className="nhsuk-radios__input"
                id={k === 0 ? id : `${id}-${k + 1}`}
                name={id}
                type="radio"
                value={option}
                checked={value === option}
                onChange={() => {
                  onChange(option);
                }}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={k === 0 ? id : `${id}-${k + 1}`}>
                {label(option)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function MethodForm({ seriesId, own, preset, direction, shared }: MethodFormProps): React.JSX.Element {
  const [chosenPreset, setPreset] = useState<Preset>(preset);
  const [chosenDirection, setDirection] = useState<Direction>(direction);
  const hasOwn = own?.preset !== undefined || own?.direction !== undefined;
  // When the analysis changes (a save, or the measure's own options), show what it now uses.
  const [shown, setShown] = useState({ preset, direction });
  if (shown.preset !== preset || shown.direction !== direction) {
    setShown({ preset, direction });
    setPreset(preset);
    setDirection(direction);
  }

  const form = useSeriesOptionsChange(seriesId, FIELDS, FIELDS.spcOptions.id);

  return (
    <form
      className="gs-edit-form"
      noValidate
      aria-labelledby="method-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.begin()) return;
        form.save({
          options: withOptions(own, { preset: chosenPreset, direction: chosenDirection }),
          message: `This chart now uses ${chosenPreset === 'nhsr' ? 'the NHS-R method' : 'Making Data Count'}, ${directionLabel(chosenDirection).toLowerCase()}.`,
        });
      }}
    >
      <h3 id="method-form-heading">SPC method and improvement direction</h3>
      <FormErrorSummary problems={form.problems} headingLevel={4} />
      {shared && (
        <p className="nhsuk-body-s">
          This is a shared measure: what you choose here applies to this chart only, not to other
          organisations’ charts of it.
        </p>
      )}
      <Radios
        id="method-preset"
        legend="SPC method"
        hint="Making Data Count is NHS England’s method. Choose NHS-R only to match a report made with the NHSRplotthedots R package."
        value={chosenPreset}
        options={['mdc', 'nhsr'] as const}
        label={presetLabel}
        error={form.errors['method-preset']}
        onChange={setPreset}
      />
      <Radios
        id="method-direction"
        legend="Improvement direction"
        hint="Which way is better decides whether a signal is improvement or concern, and whether the target can be assured."
        value={chosenDirection}
        options={['increase', 'decrease', 'neutral'] as const}
        label={directionLabel}
        error={form.errors['method-direction']}
        onChange={setDirection}
      />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {form.pending ? 'Saving…' : 'Save method and direction'}
        </button>
        {hasOwn && (
          <button
            className="nhsuk-button nhsuk-button--secondary"
            type="button"
            onClick={() => {
              if (!form.begin()) return;
              form.save({
                options: withOptions(own, { preset: undefined, direction: undefined }),
                message: 'This chart uses the measure’s own method and direction again.',
              });
            }}
          >
            Use the measure’s method and direction
          </button>
        )}
      </div>
      <Done message={form.done} />
    </form>
  );
}
