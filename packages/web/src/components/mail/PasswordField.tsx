/**
 * @module components/mail/PasswordField
 * The mail server's password: write-only (never shown), kept when left blank, removable; with a
 * warning when the stored one can no longer be read or when this server cannot keep one at all.
 */
import { Checkbox, describedBy, FieldErrorMessage } from '../form';
import type { MailSettings } from './data';

export function PasswordField({
  id,
  settings,
  canStorePassword,
  value,
  remove,
  error,
  onChange,
  onRemove,
}: {
  id: string;
  settings: MailSettings | null;
  canStorePassword: boolean;
  value: string;
  remove: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
  onRemove: (remove: boolean) => void;
}): React.JSX.Element {
  const stored = settings?.passwordSet === true;
  const unreadable = stored && !settings.passwordReadable;
  return (
    <>
      {!canStorePassword && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>A password cannot be kept yet
            </span>
          </h3>
          <p>
            The server administrator must set <code>GROUNDSWELL_SECRET_KEY</code> on the Groundswell server
            before a password can be kept. Until then, only a mail server that needs no password (an internal
            relay) can be used.
          </p>
        </div>
      )}
      {unreadable && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Enter the password again
            </span>
          </h3>
          <p>
            The stored password can no longer be read (it was kept with another secret key), so no email can
            be sent. Enter it again and save.
          </p>
        </div>
      )}
      <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
        <label className="nhsuk-label" htmlFor={id}>
          Password
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {stored
            ? 'A password is stored. Leave blank to keep it.'
            : 'The mail server account’s password. Leave blank for none.'}
        </div>
        <FieldErrorMessage id={id} message={error} />
        <input
          className={`nhsuk-input nhsuk-input--width-20${error === undefined ? '' : ' nhsuk-input--error'}`}
          id={id}
          name={id}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={value}
          disabled={remove}
          aria-describedby={describedBy(id, true, error)}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      </div>
      {stored && (
        <Checkbox
          id={`${id}-remove`}
          label="Remove the stored password"
          checked={remove}
          onChange={onRemove}
        />
      )}
    </>
  );
}
