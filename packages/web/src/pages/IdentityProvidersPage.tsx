/**
 * @module pages/IdentityProvidersPage
 * An organisation's identity providers for single sign-on (`/organisations/:ref/identity-providers`),
 * for its administrators and platform administrators: the providers, adding one, changing one
 * (the client secret is write-only) and enabling or disabling it; and the callback address to
 * register with each provider. Anyone else is told what role it needs; someone signed out is asked
 * to sign in.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, QueryState } from '../components/QueryState';
import type { IdentityProvider } from '../components/sign-in/identity-providers';
import { changeProvider, providersKey, useProviders } from '../components/sign-in/identity-providers';
import { ProviderForm } from '../components/sign-in/ProviderForm';
import { changeButtonId, ProviderTable } from '../components/sign-in/ProviderTable';
import '../styles/account.css';

/** The address each provider must send people back to (the server's public address + the callback path). */
function callbackAddress(): string {
  return `${window.location.origin}/api/v1/auth/sso/callback`;
}

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'add' }
  | { readonly kind: 'change'; readonly provider: IdentityProvider };

function Providers({ organisationRef }: { organisationRef: string }): React.JSX.Element {
  const providers = useProviders(organisationRef);
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [done, setDone] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: (provider: IdentityProvider) =>
      changeProvider(organisationRef, provider.id, { enabled: !provider.enabled }),
    onSuccess: async (saved) => {
      setDone(`${saved.name} is ${saved.enabled ? 'enabled' : 'disabled'}.`);
      await client.invalidateQueries({ queryKey: providersKey(organisationRef) });
    },
  });
  const close = (focus: string | null): void => {
    setEditing({ kind: 'none' });
    requestAnimationFrame(() => {
      if (focus !== null) document.getElementById(focus)?.focus();
    });
  };

  return (
    <>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Register Groundswell with your provider (for example as an app registration in Microsoft Entra ID)
          with this redirect address: <code>{callbackAddress()}</code>. Groundswell asks for the scopes{' '}
          <code>openid email profile</code> and uses the authorisation code flow with PKCE.
        </p>
      </div>
      <p className="nhsuk-body-s gs-account-done" role="status">
        {done ?? ''}
      </p>
      {toggle.isError && <ErrorSummary title="The provider was not changed" error={toggle.error} />}
      <QueryState query={providers} what="the identity providers">
        {(items) => (
          <ProviderTable
            providers={items}
            pending={toggle.isPending ? toggle.variables.id : null}
            onChange={(provider) => {
              setDone(null);
              setEditing({ kind: 'change', provider });
            }}
            onToggle={(provider) => {
              setDone(null);
              if (!toggle.isPending) toggle.mutate(provider);
            }}
          />
        )}
      </QueryState>
      {editing.kind === 'none' ? (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          id="add-provider"
          onClick={() => {
            setDone(null);
            setEditing({ kind: 'add' });
          }}
        >
          Add an identity provider
        </button>
      ) : (
        <ProviderForm
          key={editing.kind === 'change' ? editing.provider.id : 'new'}
          organisationRef={organisationRef}
          provider={editing.kind === 'change' ? editing.provider : null}
          onSaved={(saved) => {
            setDone(
              editing.kind === 'add' ? `${saved.name} has been added.` : `${saved.name} has been saved.`,
            );
            void client.invalidateQueries({ queryKey: providersKey(organisationRef) });
            close(editing.kind === 'change' ? changeButtonId(saved) : 'add-provider');
          }}
          onCancel={() => {
            close(editing.kind === 'change' ? changeButtonId(editing.provider) : 'add-provider');
          }}
        />
      )}
    </>
  );
}

export default function IdentityProvidersPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle>Single sign-on</PageTitle>
      <p className="nhsuk-body-l">
        {name === undefined ? 'The' : `${name}’s`} identity providers: people of your email domains sign in
        through your organisation’s own sign-in service instead of a Groundswell password.
      </p>
      <Permitted
        action="member.manage"
        organisation={{ odsCode: ref, id: organisation.data?.id }}
        to="manage single sign-on"
        where={name === undefined ? undefined : `in ${name}`}
      >
        <Providers organisationRef={ref} />
      </Permitted>
      <p>
        <Link to={`/organisations/${ref}`}>Back to {name ?? 'the organisation'}</Link>
      </p>
    </>
  );
}
