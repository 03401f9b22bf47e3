/**
 * @module components/mail/MailStatus
 * The saved mail server at work: whether notifications are emailed, how many wait, went or were
 * given up, and the last failure; a test email to oneself; and removing the mail server (asked first).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../QueryState';
import { mailSettingsKey, removeMailSettings, sendTestEmail } from './data';
import type { MailSettings, TestResult } from './data';

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function Row({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function StatusList({ settings }: { settings: MailSettings }): React.JSX.Element {
  const { status } = settings;
  return (
    <dl className="nhsuk-summary-list">
      <Row label="Email notifications">
        {settings.enabled
          ? `On${settings.enabledAt === null ? '' : ` since ${when(settings.enabledAt)}`}`
          : 'Off: notifications are shown in Groundswell only'}
      </Row>
      <Row label="Mail server">
        {settings.host}, port {settings.port}
      </Row>
      <Row label="Waiting to be sent">{status.waiting}</Row>
      <Row label="Sent">{status.sent}</Row>
      <Row label="Given up">{status.failed}</Row>
      <Row label="Last error">{status.lastError ?? 'None'}</Row>
    </dl>
  );
}

function resultInWords(result: TestResult): string {
  return result.sent
    ? `A test email was sent to ${result.to}. Check that it arrived.`
    : `The test email to ${result.to} was not sent. The mail server answered: ${result.error ?? 'no reason given'}`;
}

export function TestEmail({ odsCode }: { odsCode: string }): React.JSX.Element {
  const test = useMutation({ mutationFn: () => sendTestEmail(odsCode) });
  return (
    <>
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        onClick={() => {
          if (!test.isPending) test.mutate();
        }}
      >
        {test.isPending ? 'Sending a test email…' : 'Send a test email to me'}
      </button>
      <p className="nhsuk-body-s" role="status">
        {test.data === undefined ? '' : resultInWords(test.data)}
      </p>
      {test.isError && <ErrorSummary title="The test email could not be sent" error={test.error} />}
    </>
  );
}

export function RemoveMailServer({
  odsCode,
  onRemoved,
}: {
  odsCode: string;
  onRemoved: (message: string) => void;
}): React.JSX.Element {
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: () => removeMailSettings(odsCode),
    onSuccess: async () => {
      setAsking(false);
      onRemoved('The mail server is removed. Notifications are shown in Groundswell only.');
      await client.invalidateQueries({ queryKey: mailSettingsKey(odsCode) });
    },
  });
  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        className="nhsuk-button nhsuk-button--warning"
        type="button"
        ref={start}
        onClick={() => {
          setAsking(true);
        }}
      >
        Remove the mail server
      </button>
    );
  }
  return (
    <section className="nhsuk-warning-callout" aria-labelledby="mail-remove-heading">
      <h3 className="nhsuk-warning-callout__label" id="mail-remove-heading" tabIndex={-1} ref={heading}>
        <span className="nhsuk-u-visually-hidden">Important: </span>Remove the mail server?
      </h3>
      <p>
        Notifications will no longer be emailed, only shown in Groundswell. The settings and the stored
        password are deleted; to email again, set up the mail server again.
      </p>
      {remove.isError && <ErrorSummary title="The mail server was not removed" error={remove.error} />}
      <div className="nhsuk-button-group">
        <button
          className="nhsuk-button nhsuk-button--warning"
          type="button"
          onClick={() => {
            if (!remove.isPending) remove.mutate();
          }}
        >
          {remove.isPending ? 'Removing…' : 'Yes, remove the mail server'}
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            setAsking(false);
            requestAnimationFrame(() => {
              start.current?.focus();
            });
          }}
        >
          No, keep it
        </button>
      </div>
    </section>
  );
}
