/**
 * @module components/members/NewInvitationPanel
 * An invitation just made: its link, shown this once, in a read-only box (selected on focus), a
 * button that copies it, and what to do with it (Groundswell sends no email yet). Focus moves to
 * it when it appears.
 */
import { useEffect, useRef, useState } from 'react';
import type { NewInvitation } from './members';
import { formatDateTime, rolePhrase } from './members';

export function NewInvitationPanel({ invitation }: { invitation: NewInvitation }): React.JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="nhsuk-inset-text gs-new-token" aria-labelledby="new-invitation-heading">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 id="new-invitation-heading" tabIndex={-1} ref={heading}>
        Invitation link for {invitation.email}
      </h2>
      <p>
        <strong>Copy the link now: it is shown only once.</strong> Groundswell cannot send email yet, so send
        it to {invitation.email} yourself, by a channel you trust. It lets them join as{' '}
        {rolePhrase(invitation.role)}
        {invitation.unitName === null ? '' : ` of ${invitation.unitName}`}, once, until{' '}
        {formatDateTime(invitation.expiresAt)}.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="new-invitation-link">
          Invitation link
        </label>
        <input
          className="nhsuk-input gs-token-value"
          id="new-invitation-link"
          type="text"
          readOnly
          spellCheck={false}
          autoComplete="off"
          value={invitation.url}
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
            setCopied('This browser cannot copy by itself: the link is selected, copy it yourself.');
            return;
          }
          clipboard.writeText(invitation.url).then(
            () => {
              setCopied('Link copied.');
            },
            () => {
              setCopied('The link could not be copied: it is selected, copy it yourself.');
            },
          );
        }}
      >
        Copy the link
      </button>
      <p className="nhsuk-body-s gs-account-done" role="status">
        {copied ?? ''}
      </p>
    </section>
  );
}
