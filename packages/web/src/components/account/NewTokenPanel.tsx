/**
 * @module components/account/NewTokenPanel
 * A token just made, shown this once, with how to use it and a warning that it will not be shown
 * again.
 */
import { ShownOncePanel } from '../ShownOncePanel';
import type { NewToken } from './tokens';

export function NewTokenPanel({ token }: { token: NewToken }): React.JSX.Element {
  return (
    <ShownOncePanel
      id="new-token"
      heading={<>Your new token “{token.name}”</>}
      label="Token"
      noun="token"
      value={token.token}
    >
      <p>
        <strong>Copy the token now: it will not be shown again.</strong> Keep it where your script keeps its
        secrets, and send it as <code>Authorization: Bearer</code> followed by the token. Anyone who has it
        can use Groundswell as you.
      </p>
    </ShownOncePanel>
  );
}
