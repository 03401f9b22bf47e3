/**
 * @module pages/GrantsPage
 * Access for other organisations (`/organisations/:ref/grants`): which organisations (a
 * commissioner, say) may see this organisation's published, or also internal, measures; giving
 * access by ODS code, changing how much, and revoking it after asking. For those who manage the
 * organisation's members; anyone else is told what role it needs, someone signed out to sign in.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { ConfirmChange } from '../components/members/ConfirmChange';
import type { Grant, GrantScope } from '../components/members/members';
import {
  grantAccess,
  memberKeys,
  revokeGrant,
  SCOPES,
  useGrants,
  useOrganisation,
} from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import '../styles/account.css';
import { FormErrorSummary, Radios, TextField, byId, problemsOf } from '../components/form';
import type { FieldProblem } from '../components/form';

const FIELDS = {
  grantee: { id: 'grant-grantee', label: 'ODS code' },
  scope: { id: 'grant-scope-published', label: 'What they may see' },
};

function scopeWords(scope: GrantScope): string {
  return SCOPES.find((s) => s.value === scope)?.label ?? scope;
}

function revokeButtonId(grant: Grant): string {
  return `grant-revoke-${grant.organisation.id}`;
}

function GrantForm({
  odsCode,
  onGiven,
}: {
  odsCode: string;
  onGiven: (grant: Grant) => void;
}): React.JSX.Element {
  const [grantee, setGrantee] = useState('');
  const [scope, setScope] = useState<GrantScope>('published');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: () => grantAccess(odsCode, { grantee: grantee.trim(), scope }),
    onSuccess: (grant) => {
      setProblems([]);
      setGrantee('');
      setScope('published');
      onGiven(grant);
    },
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.grantee.id));
    },
  });
  const errors = byId(problems);
  const error = errors[FIELDS.grantee.id];
  return (
    <form
      noValidate
      aria-labelledby="grant-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (grantee.trim() === '')
          found.push({ id: FIELDS.grantee.id, message: 'Enter the ODS code of the organisation' });
        else if (!/^[A-Za-z0-9]{3,12}$/.test(grantee.trim()))
          found.push({
            id: FIELDS.grantee.id,
            message: 'An ODS code has 3 to 12 letters and numbers, like QMF',
          });
        setProblems(found);
        if (found.length === 0) mutation.mutate();
      }}
    >
      <h2 id="grant-form-heading">Give an organisation access</h2>
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextField
        id={FIELDS.grantee.id}
        label="ODS code of the organisation"
        hint="For example, your integrated care board’s code. Giving access again changes how much they see."
        error={error}
        name="grantee"
        type="text"
        width="nhsuk-input--width-10"
        autoComplete="off"
        spellCheck={false}
        value={grantee}
        onChange={setGrantee}
      />
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What they may see</legend>
          <Radios name="grant-scope" choices={SCOPES} value={scope} onChange={setScope} />
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Giving access…' : 'Give access'}
      </button>
    </form>
  );
}

function Grants({ odsCode, name }: { odsCode: string; name: string }): React.JSX.Element {
  const client = useQueryClient();
  const grants = useGrants(odsCode);
  const [confirming, setConfirming] = useState<Grant | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const refresh = (): Promise<void> => client.invalidateQueries({ queryKey: memberKeys.grants(odsCode) });
  const revoke = useMutation({
    mutationFn: (grant: Grant) => revokeGrant(odsCode, grant.organisation.odsCode),
    onSuccess: async (grant) => {
      setConfirming(null);
      setDone(`${grant.organisation.name} no longer sees more than the public does.`);
      listHeading.current?.focus();
      await refresh();
    },
  });
  return (
    <>
      <p className="nhsuk-body-l">
        Let another organisation, such as your commissioner, see {name}’s measures. They may only read: never
        change anything, and never see private measures.
      </p>
      <p>
        <Link to={`/organisations/${odsCode}/members`}>Members and invitations</Link>
      </p>
      <GrantForm
        odsCode={odsCode}
        onGiven={(grant) => {
          setDone(`${grant.organisation.name} may now see ${scopeWords(grant.scope).toLowerCase()}.`);
          void refresh();
        }}
      />
      <h2 id="grants-heading" tabIndex={-1} ref={listHeading}>
        Organisations with access
      </h2>
      <p className="nhsuk-body-s gs-account-done" role="status">
        {done ?? ''}
      </p>
      {confirming !== null && (
        <ConfirmChange
          id="grant-confirm"
          title={`Revoke the access of ${confirming.organisation.name}?`}
          yes="Yes, revoke it"
          no="No, keep it"
          pending={revoke.isPending}
          error={revoke.isError ? revoke.error : null}
          errorTitle="The access could not be revoked"
          onConfirm={() => {
            revoke.mutate(confirming);
          }}
          onCancel={() => {
            const id = revokeButtonId(confirming);
            setConfirming(null);
            revoke.reset();
            requestAnimationFrame(() => {
              document.getElementById(id)?.focus();
            });
          }}
        >
          <p>
            Its people will see only what the public sees of {name}, from their next page. You can give access
            again later.
          </p>
        </ConfirmChange>
      )}
      <QueryState query={grants} what="the organisations with access">
        {({ items }) =>
          items.length === 0 ? (
            <p>No other organisation sees more than the public does.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--border">
              {items.map((grant) => (
                <li key={grant.organisation.id}>
                  <strong>{grant.organisation.name}</strong> ({grant.organisation.odsCode}):{' '}
                  {scopeWords(grant.scope).toLowerCase()}{' '}
                  <button
                    id={revokeButtonId(grant)}
                    className="nhsuk-button nhsuk-button--small nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    type="button"
                    onClick={() => {
                      revoke.reset();
                      setDone(null);
                      setConfirming(grant);
                    }}
                  >
                    Revoke{' '}
                    <span className="nhsuk-u-visually-hidden">the access of {grant.organisation.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

export default function GrantsPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Access for other organisations</PageTitle>
      <Permitted
        action="member.manage"
        organisation={{ id: ref, odsCode: ref }}
        to="manage which organisations see its measures"
        where={name === undefined ? undefined : `in ${name}`}
      >
        <QueryState query={organisation} what="the organisation">
          {(org) => <Grants odsCode={org.odsCode} name={org.name} />}
        </QueryState>
      </Permitted>
    </>
  );
}
