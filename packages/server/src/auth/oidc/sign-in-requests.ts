/**
 * @module auth/oidc/sign-in-requests
 * Sign-ins under way, in the database (any server may finish a sign-in another began): the
 * state's SHA-256 (the state itself travels only through the browser), the nonce, the PKCE
 * verifier and where to return. Each is taken once: reading it deletes it.
 */
import { eq, lt } from 'drizzle-orm';
import { signInRequests } from '../../db/schema.js';
import type { Database } from '../../db/types.js';
import { hashSecret } from '../secrets.js';

/** How long the person has to sign in at the provider. */
export const SIGN_IN_REQUEST_MS = 10 * 60_000;

export type SignInRequestRow = typeof signInRequests.$inferSelect;

export async function saveSignInRequest(
  db: Database,
  request: { state: string; providerId: string; nonce: string; codeVerifier: string; returnTo: string },
  now: Date,
): Promise<void> {
  // Sign-ins abandoned at the provider are cleared as new ones begin.
  await db.delete(signInRequests).where(lt(signInRequests.expiresAt, now));
  await db.insert(signInRequests).values({
    stateHash: hashSecret(request.state),
    providerId: request.providerId,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo: request.returnTo,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGN_IN_REQUEST_MS),
  });
}

/**
 * The live sign-in with this state, deleted as it is read (a second use finds nothing); an
 * expired one is deleted too, and not returned.
 */
export async function takeSignInRequest(
  db: Database,
  state: string,
  now: Date,
): Promise<SignInRequestRow | undefined> {
  const [row] = await db
    .delete(signInRequests)
    .where(eq(signInRequests.stateHash, hashSecret(state)))
    .returning();
  return row !== undefined && row.expiresAt > now ? row : undefined;
}
