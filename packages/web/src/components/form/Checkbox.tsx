/**
 * @module components/form/Checkbox
 * One NHS.UK checkbox on its own (a yes-or-no setting), in its form group: its label and optional
 * hint (`<id>-hint`, described by `aria-describedby`). Groups of checkboxes are written where used.
 */

export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
  name,
  size,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean | undefined;
  /** The input's name, when the form is read by name. */
  name?: string | undefined;
  size?: 'small' | undefined;
}): React.JSX.Element {
  const hintId = `${id}-hint`;
  return (
    <div className="nhsuk-form-group">
      <div className={`nhsuk-checkboxes${size === 'small' ? ' nhsuk-checkboxes--small' : ''}`}>
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            checked={checked}
            disabled={disabled}
            aria-describedby={hint === undefined ? undefined : hintId}
            onChange={(event) => {
              onChange(event.target.checked);
            }}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint !== undefined && (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={hintId}>
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
