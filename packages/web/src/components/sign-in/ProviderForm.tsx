/**
 * @module components/sign-in/ProviderForm
 * Adding or changing an identity provider: its name, issuer, client id and secret (write-only:
 * never shown, only whether one is stored), the email domains it signs in, the role of a first
 * sign-in without an invitation, and whether it is enabled. The server reads the issuer's
 * discovery document before saving; its refusals appear in the form's error summary.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DefaultRole, IdentityProvider, NewProvider } from './identity-providers';
import { addProvider, changeProvider, DEFAULT_ROLES, domainsOf } from './identity-providers';
import {
  Checkbox,
  FieldErrorMessage,
  FormErrorSummary,
  TextField,
  byId,
  describedBy,
  problemsOf,
} from '../form';
import type { FieldProblem } from '../form';

const FIELDS = {
  name: { id: 'idp-name', label: 'Name' },
  issuer: { id: 'idp-issuer', label: 'Issuer' },
  clientId: { id: 'idp-client-id', label: 'Client ID' },
  clientSecret: { id: 'idp-client-secret', label: 'Client secret' },
  emailDomains: { id: 'idp-domains', label: 'Email domains' },
  defaultRole: { id: 'idp-default-role', label: 'Role at a first sign-in' },
  enabled: { id: 'idp-enabled', label: 'Enabled' },
};

export function ProviderForm({
  organisationRef,
  provider,
  onSaved,
  onCancel,
}: {
  organisationRef: string;
  /** The provider to change; null to add one. */
  provider: IdentityProvider | null;
  onSaved: (saved: IdentityProvider) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const [name, setName] = useState(provider?.name ?? '');
  const [issuer, setIssuer] = useState(provider?.issuer ?? '');
  const [clientId, setClientId] = useState(provider?.clientId ?? '');
  const [secret, setSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [domains, setDomains] = useState(provider?.emailDomains.join('\n') ?? '');
  const [role, setRole] = useState<DefaultRole | ''>(provider?.defaultRole ?? '');
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useMutation({
    mutationFn: (body: NewProvider) =>
      provider === null
        ? addProvider(organisationRef, body)
        : // Without a secret in the body the stored one stays; "remove" clears it.
          changeProvider(organisationRef, provider.id, {
            ...body,
            ...(removeSecret ? { clientSecret: null } : {}),
          }),
    onSuccess: onSaved,
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.name.id));
    },
  });
  const errors = byId(problems);
  const title = provider === null ? 'Add an identity provider' : `Change ${provider.name}`;

  return (
    <section aria-labelledby="provider-form-heading" className="gs-provider-form">
      <h2 id="provider-form-heading">{title}</h2>
      <FormErrorSummary problems={problems} />
      <form
        noValidate
        aria-labelledby="provider-form-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (save.isPending) return;
          const found: FieldProblem[] = [];
          if (name.trim() === '')
            found.push({ id: FIELDS.name.id, message: 'Enter a name for the provider' });
          if (issuer.trim() === '')
            found.push({ id: FIELDS.issuer.id, message: 'Enter the provider’s issuer' });
          if (clientId.trim() === '') found.push({ id: FIELDS.clientId.id, message: 'Enter the client ID' });
          setProblems(found);
          if (found.length > 0) return;
          save.mutate({
            name: name.trim(),
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            ...(secret === '' ? {} : { clientSecret: secret }),
            emailDomains: domainsOf(domains),
            defaultRole: role === '' ? null : role,
            enabled,
          });
        }}
      >
        <TextField
          id={FIELDS.name.id}
          label={FIELDS.name.label}
          hint="What people see when they sign in, such as “Trust Entra ID”."
          error={errors[FIELDS.name.id]}
          value={name}
          onChange={setName}
        />
        <TextField
          id={FIELDS.issuer.id}
          label={FIELDS.issuer.label}
          hint="The provider’s issuer address, such as https://login.microsoftonline.com/<tenant id>/v2.0. Groundswell reads its discovery document before saving."
          error={errors[FIELDS.issuer.id]}
          type="url"
          width=""
          spellCheck={false}
          value={issuer}
          onChange={setIssuer}
        />
        <TextField
          id={FIELDS.clientId.id}
          label={FIELDS.clientId.label}
          hint="The id the provider gave Groundswell when you registered it."
          error={errors[FIELDS.clientId.id]}
          spellCheck={false}
          value={clientId}
          onChange={setClientId}
        />
        <TextField
          id={FIELDS.clientSecret.id}
          label={FIELDS.clientSecret.label}
          hint={
            provider?.clientSecretSet === true
              ? 'A secret is stored (it is never shown). Leave this empty to keep it, or enter a new one.'
              : 'Leave empty for a public client (PKCE only). Once saved, a secret is never shown again.'
          }
          error={errors[FIELDS.clientSecret.id]}
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={setSecret}
        />
        {provider?.clientSecretSet === true && (
          <Checkbox
            id="idp-remove-secret"
            label="Remove the stored secret (a public client)"
            checked={removeSecret}
            onChange={setRemoveSecret}
          />
        )}
        <div
          className={`nhsuk-form-group${errors[FIELDS.emailDomains.id] === undefined ? '' : ' nhsuk-form-group--error'}`}
        >
          <label className="nhsuk-label" htmlFor={FIELDS.emailDomains.id}>
            {FIELDS.emailDomains.label}
          </label>
          <div className="nhsuk-hint" id={`${FIELDS.emailDomains.id}-hint`}>
            One a line, such as trust.nhs.uk. People with addresses of these domains sign in here; a domain
            can belong to one enabled provider only.
          </div>
          <FieldErrorMessage id={FIELDS.emailDomains.id} message={errors[FIELDS.emailDomains.id]} />
          <textarea
            className={`nhsuk-textarea${errors[FIELDS.emailDomains.id] === undefined ? '' : ' nhsuk-textarea--error'}`}
            id={FIELDS.emailDomains.id}
            rows={3}
            spellCheck={false}
            value={domains}
            aria-describedby={describedBy(FIELDS.emailDomains.id, true, errors[FIELDS.emailDomains.id])}
            onChange={(event) => {
              setDomains(event.target.value);
            }}
          />
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={FIELDS.defaultRole.id}>
            {FIELDS.defaultRole.label}
          </label>
          <div className="nhsuk-hint" id={`${FIELDS.defaultRole.id}-hint`}>
            The role of someone of these domains who signs in for the first time without an invitation.
          </div>
          <select
            className="nhsuk-select"
            id={FIELDS.defaultRole.id}
            value={role}
            aria-describedby={`${FIELDS.defaultRole.id}-hint`}
            onChange={(event) => {
              setRole(event.target.value as DefaultRole | '');
            }}
          >
            <option value="">None: only people invited, or already members, may sign in</option>
            {DEFAULT_ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <Checkbox
          id={FIELDS.enabled.id}
          label="Enabled: people may sign in through this provider"
          checked={enabled}
          onChange={setEnabled}
        />
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit">
            {save.isPending
              ? 'Checking the provider and saving…'
              : provider === null
                ? 'Add the provider'
                : 'Save changes'}
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
