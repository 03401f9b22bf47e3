/**
 * @module components/account/TokenList
 * A person's API tokens (newest first; revoked and expired ones too): name, first characters,
 * scopes, when made, last used and expiring, whether it works, and a button to revoke each
 * working one. A table on wide screens, a card per token on a phone.
 */
import type { Column } from '../ResponsiveTable';
import { ResponsiveTable } from '../ResponsiveTable';
import type { Token } from './tokens';
import { formatDateTime, scopesText, tokenState } from './tokens';

/** The id of a token's revoke button (focus returns to it when revoking is cancelled). */
export const revokeButtonId = (token: Token): string => `revoke-${token.id}`;

const STATE_TAG = {
  active: { text: 'Active', className: 'nhsuk-tag nhsuk-tag--green' },
  revoked: { text: 'Revoked', className: 'nhsuk-tag nhsuk-tag--grey' },
  expired: { text: 'Expired', className: 'nhsuk-tag nhsuk-tag--grey' },
} as const;

export function TokenList({
  tokens,
  onRevoke,
  now = new Date(),
}: {
  tokens: readonly Token[];
  onRevoke: (token: Token) => void;
  now?: Date;
}): React.JSX.Element {
  const columns: Column<Token>[] = [
    { heading: 'Name', cell: (t) => t.name },
    { heading: 'Starts with', cell: (t) => <code className="gs-token-prefix">{t.prefix}…</code> },
    { heading: 'May', cell: (t) => scopesText(t.scopes) },
    { heading: 'Made', cell: (t) => formatDateTime(t.createdAt) },
    { heading: 'Last used', cell: (t) => (t.lastUsedAt === null ? 'Never' : formatDateTime(t.lastUsedAt)) },
    { heading: 'Expires', cell: (t) => (t.expiresAt === null ? 'Never' : formatDateTime(t.expiresAt)) },
    {
      heading: 'Status',
      cell: (t) => {
        const state = tokenState(t, now);
        const tag = STATE_TAG[state];
        return (
          <>
            <strong className={tag.className}>{tag.text}</strong>
            {state === 'revoked' && t.revokedAt !== null && (
              <span className="nhsuk-body-s gs-token-revoked"> {formatDateTime(t.revokedAt)}</span>
            )}
          </>
        );
      },
    },
    {
      heading: 'Action',
      cell: (t) =>
        tokenState(t, now) === 'revoked' ? (
          <span className="gs-muted">None</span>
        ) : (
          <button
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small gs-token-revoke"
            type="button"
            id={revokeButtonId(t)}
            onClick={() => {
              onRevoke(t);
            }}
          >
            Revoke <span className="nhsuk-u-visually-hidden">“{t.name}”</span>
          </button>
        ),
    },
  ];
  return (
    <ResponsiveTable
      caption={<span className="nhsuk-u-visually-hidden">Your API tokens, newest first</span>}
      columns={columns}
      rows={tokens}
      rowKey={(t) => t.id}
      firstCellIsHeader
    />
  );
}
