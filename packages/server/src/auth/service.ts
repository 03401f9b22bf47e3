/**
 * @module auth/service
 * The session as the web app sees it, and a person's view of themselves.
 */
import { eq, inArray } from 'drizzle-orm';
import { organisations } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import type { Principal } from './principal.js';
import type { AuthPolicy } from './policy.js';
import { demoSignInOpen } from './sign-in.js';
import { findUser } from './users-repository.js';

export interface MembershipDetail {
  readonly organisationId: string;
  readonly odsCode: string;
  readonly organisationName: string;
  readonly role: Role;
  readonly unitId: string | null;
}

export interface UserDetail {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly platformAdmin: boolean;
  readonly demo: boolean;
  readonly memberships: MembershipDetail[];
}

/** A signed-in person with their organisations' names; null for anyone else. */
export async function userDetail(db: Database, principal: Principal): Promise<UserDetail | null> {
  if (principal.kind !== 'user') return null;
  const user = await findUser(db, principal.userId);
  if (user === undefined) return null;
  const ids = principal.memberships.map((m) => m.organisationId);
  const orgs =
    ids.length === 0
      ? []
      : await db
          .select({ id: organisations.id, odsCode: organisations.odsCode, name: organisations.name })
          .from(organisations)
          .where(ids.length === 1 ? eq(organisations.id, ids[0]!) : inArray(organisations.id, ids));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    platformAdmin: user.platformAdmin,
    demo: user.demo,
    memberships: principal.memberships
      .map((m) => ({
        organisationId: m.organisationId,
        odsCode: byId.get(m.organisationId)?.odsCode ?? '',
        organisationName: byId.get(m.organisationId)?.name ?? '',
        role: m.role,
        unitId: m.unitId,
      }))
      .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'en-GB')),
  };
}

/** What `GET /auth/session` answers. */
export async function sessionView(
  db: Database,
  principal: Principal,
  session: { csrfToken: string; expiresAt: Date } | null,
  policy: AuthPolicy,
): Promise<{
  user: UserDetail | null;
  csrfToken: string | null;
  expiresAt: string | null;
  demoSignIn: boolean;
}> {
  return {
    user: await userDetail(db, principal),
    csrfToken: session?.csrfToken ?? null,
    expiresAt: session?.expiresAt.toISOString() ?? null,
    demoSignIn: principal.kind === 'public' ? await demoSignInOpen(db, policy) : false,
  };
}
