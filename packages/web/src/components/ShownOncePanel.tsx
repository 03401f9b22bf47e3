/**
 * @module components/ShownOncePanel
 * A secret just made and shown this once (an API token, an invitation link, a survey link): a
 * heading that takes focus as the panel appears, what to do with it, the value in a read-only box
 * (selected on focus) and a button that copies it.
 */
import { useEffect, useRef, useState } from 'react';

export function ShownOncePanel({
  id,
  heading,
  label,
  noun,
  value,
  children,
}: {
  /** The prefix of the panel's element ids. */
  id: string;
  heading: React.ReactNode;
  /** The box's label ("Token", "Invitation link"). */
  label: string;
  /** What the value is called in messages ("token", "link"). */
  noun: string;
  value: string;
  /** What to do with it. */
  children: React.ReactNode;
}): React.JSX.Element {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  // A new secret is a new panel (keyed by the caller): focus moves to it as it appears.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);

  return (
    <section className="nhsuk-inset-text gs-new-token" aria-labelledby={`${id}-heading`}>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 id={`${id}-heading`} tabIndex={-1} ref={headingRef}>
        {heading}
      </h2>
      {children}
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-value`}>
          {label}
        </label>
        <input
          className="nhsuk-input gs-token-value"
          id={`${id}-value`}
          type="text"
          readOnly
          spellCheck={false}
          autoComplete="off"
          value={value}
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
            setCopied(`This browser cannot copy by itself: the ${noun} is selected, copy it yourself.`);
            return;
          }
          clipboard.writeText(value).then(
            () => {
              setCopied(`${Noun} copied.`);
            },
            () => {
              setCopied(`The ${noun} could not be copied: it is selected, copy it yourself.`);
            },
          );
        }}
      >
        Copy the {noun}
      </button>
      <p className="nhsuk-body-s gs-account-done" role="status">
        {copied ?? ''}
      </p>
    </section>
  );
}
