/**
 * @module components/mail/MailStatus
 * The saved mail server at work: whether notifications are emailed, how many wait, went or were
 * given up, and the last failure; a test email to oneself; and removing the mail server (asked first).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmCallout, useConfirmStep } from '../ConfirmCallout';
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
  const { asking, ask, close, cancel, start } = useConfirmStep();
  const remove = useMutation({
    mutationFn: () => removeMailSettings(odsCode),
    onSuccess: async () => {
      close();
      onRemoved('The mail server is removed. Notifications are shown in Groundswell only.');
      await client.invalidateQueries({ queryKey: mailSettingsKey(odsCode) });
    },
  });
  if (!asking) {
    return (
      <button className="nhsuk-button nhsuk-button--warning" type="button" ref={start} onClick={ask}>
        Remove the mail server
      </button>
    );
  }
  return (
    <ConfirmCallout
      headingId="mail-remove-heading"
      title="Remove the mail server?"
      yes="Yes, remove the mail server"
      pendingYes="Removing…"
      no="No, keep it"
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      errorTitle="The mail server was not removed"
      onConfirm={() => {
        remove.mutate();
      }}
      onCancel={cancel}
    >
      <p>
        Notifications will no longer be emailed, only shown in Groundswell. The settings and the stored
        password are deleted; to email again, set up the mail server again.
      </p>
    </ConfirmCallout>
  );
}
