/**
 * @module auth/tokens
 * Personal API tokens for data pipelines: `Authorization: Bearer gs_…`. The token is shown once,
 * when made; the database keeps its SHA-256 and its first characters (to tell tokens apart). A
 * token acts as its owner, limited to its scopes, until it expires or is revoked.
 */
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { DataError } from '../errors.js';
import { apiTokens, users } from '../db/schema.js';
import type { TokenScope } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { hashSecret, newSecret } from './secrets.js';
import type { UserRow } from './users-repository.js';

/** Every token starts so (secret scanners can look for it). */
export const TOKEN_PREFIX = 'gs_';
/** How many characters of a token a list shows. */
const SHOWN = TOKEN_PREFIX.length + 6;

export type TokenRow = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

const listed = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

/** Makes a token for `userId`; the returned `token` is the only copy there will ever be. */
export async function createToken(
  db: Database,
  userId: string,
  input: { name: string; scopes: readonly TokenScope[]; expiresAt: Date | null },
  now: Date,
): Promise<{ token: string; row: TokenRow }> {
  if (input.expiresAt !== null && input.expiresAt <= now) {
    throw new DataError('invalid_input', 'The expiry date must be in the future.', { field: 'expiresAt' });
  }
  const token = newSecret(TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId,
      name: input.name.trim(),
      prefix: token.slice(0, SHOWN),
      tokenHash: hashSecret(token),
      scopes: [...new Set(input.scopes)],
      createdAt: now,
      expiresAt: input.expiresAt,
    })
    .returning(listed);
  return { token, row: row! };
}

/** A person's tokens, newest first (revoked and expired ones too, marked so). */
export async function listTokens(db: Database, userId: string): Promise<TokenRow[]> {
  return db
    .select(listed)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of `userId`'s tokens; not found when it is someone else's. */
export async function revokeToken(db: Database, userId: string, id: string, now: Date): Promise<TokenRow> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning(listed);
  if (row === undefined)
    throw new DataError('not_found', 'You have no API token with this id.', { field: 'id' });
  return row;
}

/** The live token and its (active) owner for a bearer token, if any; marks it used. */
export async function findToken(
  db: Database,
  token: string,
  now: Date,
): Promise<{ row: TokenRow; user: UserRow } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [found] = await db
    .select({ token: listed, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (found === undefined || found.user.status !== 'active') return undefined;
  const last = found.token.lastUsedAt;
  if (last === null || now.getTime() - last.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.token.id));
  }
  return { row: found.token, user: found.user };
}
