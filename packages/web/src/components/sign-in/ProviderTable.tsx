/**
 * @module components/sign-in/ProviderTable
 * An organisation's identity providers as a table: name, issuer, email domains, the role of a
 * first sign-in, whether a client secret is stored, whether it is enabled; and a button to change
 * each and one to enable or disable it.
 */
import type { IdentityProvider } from './identity-providers';
import { DEFAULT_ROLES } from './identity-providers';

/** The id of a provider's change button (focus returns there after the form closes). */
export function changeButtonId(provider: IdentityProvider): string {
  return `change-provider-${provider.id}`;
}

export function ProviderTable({
  providers,
  pending,
  onChange,
  onToggle,
}: {
  providers: readonly IdentityProvider[];
  /** The provider being enabled or disabled, if any. */
  pending: string | null;
  onChange: (provider: IdentityProvider) => void;
  onToggle: (provider: IdentityProvider) => void;
}): React.JSX.Element {
  if (providers.length === 0) {
    return <p>No identity provider yet: everyone signs in with an email address and password.</p>;
  }
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Identity providers</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            Name
          </th>
          <th scope="col" className="nhsuk-table__header">
            Issuer
          </th>
          <th scope="col" className="nhsuk-table__header">
            Email domains
          </th>
          <th scope="col" className="nhsuk-table__header">
            First sign-in
          </th>
          <th scope="col" className="nhsuk-table__header">
            Client secret
          </th>
          <th scope="col" className="nhsuk-table__header">
            Status
          </th>
          <th scope="col" className="nhsuk-table__header">
            <span className="nhsuk-u-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {providers.map((provider) => (
          <tr className="nhsuk-table__row" key={provider.id}>
            <th scope="row" className="nhsuk-table__header">
              {provider.name}
            </th>
            <td className="nhsuk-table__cell">{provider.issuer}</td>
            <td className="nhsuk-table__cell">
              {provider.emailDomains.length === 0 ? 'None' : provider.emailDomains.join(', ')}
            </td>
            <td className="nhsuk-table__cell">
              {provider.defaultRole === null
                ? 'Invited people and members only'
                : `Anyone of these domains, as ${DEFAULT_ROLES.find((r) => r.value === provider.defaultRole)?.label ?? provider.defaultRole}`}
            </td>
            <td className="nhsuk-table__cell">
              {provider.clientSecretSet ? 'Stored' : 'None (public client)'}
            </td>
            <td className="nhsuk-table__cell">{provider.enabled ? 'Enabled' : 'Disabled'}</td>
            <td className="nhsuk-table__cell">
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                id={changeButtonId(provider)}
                onClick={() => {
                  onChange(provider);
                }}
              >
                Change <span className="nhsuk-u-visually-hidden">{provider.name}</span>
              </button>{' '}
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                disabled={pending === provider.id}
                onClick={() => {
                  onToggle(provider);
                }}
              >
                {provider.enabled ? 'Disable ' : 'Enable '}
                <span className="nhsuk-u-visually-hidden">{provider.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
