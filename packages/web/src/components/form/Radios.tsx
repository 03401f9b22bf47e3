/**
 * @module components/form/Radios
 * NHS.UK radios: one choice of a few, each with its label and optional hint (the hint described
 * by `aria-describedby`). The fieldset and legend around them are the caller's, as their layout
 * varies.
 */

/** A choice among radios. */
export interface RadioChoice<T extends string> {
  readonly value: T;
  readonly label: React.ReactNode;
  readonly hint?: React.ReactNode;
}

export function Radios<T extends string>({
  name,
  choices,
  value,
  onChange,
  size,
  id,
}: {
  /** The radios' name; each one's id is `<name>-<value>`. */
  name: string;
  choices: readonly RadioChoice<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  size?: 'small' | undefined;
  /** The group's id (an error summary's link to it). */
  id?: string | undefined;
}): React.JSX.Element {
  return (
    <div className={`nhsuk-radios${size === 'small' ? ' nhsuk-radios--small' : ''}`} id={id}>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <div className="nhsuk-radios__item" key={choice.value}>
            <input
              className="nhsuk-radios__input"
              id={id}
              name={name}
              type="radio"
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={choice.hint === undefined ? undefined : `${id}-hint`}
              onChange={() => {
                onChange(choice.value);
              }}
            />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
              {choice.label}
            </label>
            {choice.hint !== undefined && (
              <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
                {choice.hint}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
