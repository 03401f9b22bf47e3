/**
 * @module audit/audited
 * A change and its audit record in one transaction: both happen, or neither.
 */
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { recordAudit } from './repository.js';
import type { AuditInput } from './repository.js';

/**
 * Makes `change` in a transaction and records what `describe` says of its result as `principal`'s,
 * in the same transaction.
 */
export function audited<T>(
  db: Database,
  principal: Principal,
  change: (tx: Database) => Promise<T>,
  describe: (result: T) => AuditInput,
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, principal, describe(result));
    return result;
  });
}
