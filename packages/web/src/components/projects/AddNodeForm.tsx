/**
 * @module components/projects/AddNodeForm
 * Adding a box to a column of the driver diagram: its text and, for a secondary driver or a change
 * idea, optionally the box in the column before it that it comes from.
 */
import { useState } from 'react';
import type { DriverKind, DriverNode } from './data';
import { columnOf } from './labels';
import { FieldErrorMessage, describedBy } from '../form';

export function AddNodeForm({
  kind,
  parents,
  parentKind,
  onAdd,
}: {
  kind: DriverKind;
  /** The boxes of the column before (none for primary drivers). */
  parents: readonly DriverNode[];
  parentKind: DriverKind | null;
  onAdd: (text: string, linkFrom: string | undefined) => Promise<boolean>;
}): React.JSX.Element {
  const column = columnOf(kind);
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const id = `add-${kind}`;
  return (
    <form
      noValidate
      className="gs-add-node"
      aria-label={`Add a ${column.one}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') {
          setError(`Enter the ${column.one}`);
          document.getElementById(`${id}-text`)?.focus();
          return;
        }
        setError(undefined);
        void onAdd(text.trim(), from === '' ? undefined : from).then((ok) => {
          if (ok) setText('');
        });
      }}
    >
      <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-label" htmlFor={`${id}-text`}>
          New {column.one}
        </label>
        <FieldErrorMessage id={`${id}-text`} message={error} />
        <input
          className={`nhsuk-input${error === undefined ? '' : ' nhsuk-input--error'}`}
          id={`${id}-text`}
          type="text"
          value={text}
          aria-describedby={describedBy(`${id}-text`, false, error)}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
      </div>
      {parentKind !== null && parents.length > 0 && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-from`}>
            Linked from (optional)
          </label>
          <select
            className="nhsuk-select"
            id={`${id}-from`}
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
            }}
          >
            <option value="">Not linked yet</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.text}
              </option>
            ))}
          </select>
        </div>
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Add the {column.one}
      </button>
    </form>
  );
}
