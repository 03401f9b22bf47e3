/**
 * @module components/mail/MailSettingsForm
 * Setting the organisation's mail server: where it is, how to connect and sign in (the password is
 * write-only: left blank it is kept, or it can be removed), who emails come from, and whether
 * notifications are emailed. The server's refusals appear in the error summary and at the field.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Checkbox,
  FieldErrorMessage,
  FormErrorSummary,
  Radios,
  TextField,
  byId,
  parseNumber,
  problemsOf,
} from '../form';
import type { FieldProblem } from '../form';
import { mailSettingsKey, saveMailSettings, SECURITY_CHOICES } from './data';
import type { MailSettings, MailSettingsChange, Security } from './data';
import { PasswordField } from './PasswordField';

export const FIELDS = {
  host: { id: 'mail-host', label: 'Mail server' },
  port: { id: 'mail-port', label: 'Port' },
  security: { id: 'mail-security-tls', label: 'Security' },
  username: { id: 'mail-username', label: 'User name' },
  password: { id: 'mail-password', label: 'Password' },
  fromAddress: { id: 'mail-from-address', label: 'From address' },
  fromName: { id: 'mail-from-name', label: 'From name' },
  enabled: { id: 'mail-enabled', label: 'Email notifications' },
};

/** What the person typed, checked before sending: the problems, or the body the API takes. */
function bodyOf(form: {
  host: string;
  port: string;
  security: Security;
  username: string;
  password: string;
  removePassword: boolean;
  fromAddress: string;
  fromName: string;
  enabled: boolean;
}): { problems: FieldProblem[]; body: MailSettingsChange | null } {
  const problems: FieldProblem[] = [];
  if (form.host.trim() === '') problems.push({ id: FIELDS.host.id, message: 'Enter the mail server' });
  const port = parseNumber(form.port);
  if (port === null || !Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push({ id: FIELDS.port.id, message: 'Enter the port as a whole number from 1 to 65535' });
  }
  if (form.fromAddress.trim() === '') {
    problems.push({ id: FIELDS.fromAddress.id, message: 'Enter the address emails come from' });
  }
  if (problems.length > 0 || port === null) return { problems, body: null };
  const username = form.username.trim();
  const fromName = form.fromName.trim();
  return {
    problems,
    body: {
      host: form.host.trim(),
      port,
      security: form.security,
      username: username === '' ? null : username,
      ...(form.removePassword ? { password: null } : form.password === '' ? {} : { password: form.password }),
      fromAddress: form.fromAddress.trim(),
      fromName: fromName === '' ? null : fromName,
      enabled: form.enabled,
    },
  };
}

export function MailSettingsForm({
  odsCode,
  organisationName,
  settings,
  canStorePassword,
  onSaved,
}: {
  odsCode: string;
  organisationName: string | undefined;
  settings: MailSettings | null;
  canStorePassword: boolean;
  onSaved: (message: string) => void;
}): React.JSX.Element {
  const client = useQueryClient();
  const [host, setHost] = useState(settings?.host ?? '');
  const [port, setPort] = useState(String(settings?.port ?? 587));
  const [security, setSecurity] = useState<Security>(settings?.security ?? 'starttls');
  const [username, setUsername] = useState(settings?.username ?? '');
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [fromAddress, setFromAddress] = useState(settings?.fromAddress ?? '');
  const [fromName, setFromName] = useState(settings?.fromName ?? '');
  const [enabled, setEnabled] = useState(settings?.enabled ?? true);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useMutation({
    mutationFn: (body: MailSettingsChange) => saveMailSettings(odsCode, body),
    onSuccess: (saved) => {
      setProblems([]);
      setPassword('');
      setRemovePassword(false);
      client.setQueryData(mailSettingsKey(odsCode), saved);
      onSaved(
        saved.settings?.enabled === true
          ? 'The mail server is saved. Notifications are emailed from now on.'
          : 'The mail server is saved. Email notifications are off.',
      );
    },
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.host.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-labelledby="mail-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (save.isPending) return;
        const checked = bodyOf({
          host,
          port,
          security,
          username,
          password,
          removePassword,
          fromAddress,
          fromName,
          enabled,
        });
        setProblems(checked.problems);
        if (checked.body !== null) save.mutate(checked.body);
      }}
    >
      <h2 id="mail-form-heading">{settings === null ? 'Set up a mail server' : 'Change the mail server'}</h2>
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextField
        id={FIELDS.host.id}
        label={FIELDS.host.label}
        hint="Its address, such as send.nhs.net or smtp.example.nhs.uk."
        spellCheck={false}
        value={host}
        error={errors[FIELDS.host.id]}
        onChange={setHost}
      />
      <TextField
        id={FIELDS.port.id}
        label={FIELDS.port.label}
        hint="587 for STARTTLS, 465 for TLS from the start, 25 for an internal relay."
        width="nhsuk-input--width-5"
        inputMode="numeric"
        value={port}
        error={errors[FIELDS.port.id]}
        onChange={setPort}
      />
      <div
        className={`nhsuk-form-group${errors[FIELDS.security.id] === undefined ? '' : ' nhsuk-form-group--error'}`}
      >
        <fieldset
          className="nhsuk-fieldset"
          aria-describedby={
            errors[FIELDS.security.id] === undefined ? undefined : `${FIELDS.security.id}-error`
          }
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Security</legend>
          <FieldErrorMessage id={FIELDS.security.id} message={errors[FIELDS.security.id]} />
          <Radios name="mail-security" choices={SECURITY_CHOICES} value={security} onChange={setSecurity} />
        </fieldset>
      </div>
      <TextField
        id={FIELDS.username.id}
        label={FIELDS.username.label}
        hint="The account to sign in to the mail server with (for NHSmail, your NHSmail address). Leave blank for none."
        autoComplete="off"
        spellCheck={false}
        value={username}
        error={errors[FIELDS.username.id]}
        onChange={setUsername}
      />
      <PasswordField
        id={FIELDS.password.id}
        settings={settings}
        canStorePassword={canStorePassword}
        value={password}
        remove={removePassword}
        error={errors[FIELDS.password.id]}
        onChange={setPassword}
        onRemove={setRemovePassword}
      />
      <TextField
        id={FIELDS.fromAddress.id}
        label={FIELDS.fromAddress.label}
        hint="The address emails come from, such as groundswell@example.nhs.net. The mail server must allow the account to send from it."
        type="email"
        spellCheck={false}
        value={fromAddress}
        error={errors[FIELDS.fromAddress.id]}
        onChange={setFromAddress}
      />
      <TextField
        id={FIELDS.fromName.id}
        label={FIELDS.fromName.label}
        hint={`The name emails come from. Leave blank for “Groundswell at ${organisationName ?? 'your organisation'}”.`}
        value={fromName}
        error={errors[FIELDS.fromName.id]}
        onChange={setFromName}
      />
      <Checkbox
        id={FIELDS.enabled.id}
        label={FIELDS.enabled.label}
        hint="Email people their notifications through this server. Untick to stop emailing without removing the settings."
        checked={enabled}
        onChange={setEnabled}
      />
      <button className="nhsuk-button" type="submit">
        {save.isPending ? 'Saving…' : 'Save the mail server'}
      </button>
    </form>
  );
}
