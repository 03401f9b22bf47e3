/**
 * @module components/account/NewTokenPanel
 * A token just made, shown this once: the token in a read-only box (selected on focus), a button
 * that copies it, and a warning that it will not be shown again. Focus moves to it when it appears.
 */
import { useEffect, useRef, useState } from 'react';
import type { NewToken } from './tokens';

export function NewTokenPanel({ token }: { token: NewToken }): React.JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // A new token is a new panel (keyed by its id): focus moves to it as it appears.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="nhsuk-inset-text gs-new-token" aria-labelledby="new-token-heading">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 id="new-token-heading" tabIndex={-1} ref={heading}>
        Your new token “{token.name}”
      </h2>
      <p>
        <strong>Copy the token now: it will not be shown again.</strong> Keep it where your script keeps its
        secrets, and send it as <code>Authorization: Bearer</code> followed by the token. Anyone who has it
        can use Groundswell as you.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="new-token-value">
          Token
        </label>
        <input
          className="nhsuk-input gs-token-value"
          id="new-token-value"
          type="text"
          readOnly
          spellCheck={false}
          autoComplete="off"
          value={token.token}
          ref={box}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
      </div>
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        onClick={() => {
          box.current?.select();
          const clipboard = (navigator as Partial<Navigator>).clipboard;
          if (clipboard === undefined) {
            setCopied('This browser cannot copy by itself: the token is selected, copy it yourself.');
            return;
          }
          clipboard.writeText(token.token).then(
            () => {
              setCopied('Token copied.');
            },
            () => {
              setCopied('The token could not be copied: it is selected, copy it yourself.');
            },
          );
        }}
      >
        Copy the token
      </button>
      <p className="nhsuk-body-s gs-account-done" role="status">
        {copied ?? ''}
      </p>
    </section>
  );
}
