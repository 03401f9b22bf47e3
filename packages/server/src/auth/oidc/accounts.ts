/**
 * @module auth/oidc/accounts
 * Who a verified sign-in at a provider is in Groundswell:
 *
 * 1. a person already linked to the provider's subject (`sub`);
 * 2. else an account with the same (verified) email that is a member of the provider's
 *    organisation, or has a pending invitation to it (accepted now): the identity is linked;
 * 3. else, with no account, a pending invitation: the account is made and the invitation accepted;
 * 4. else, when the provider has a default role, a new account with a membership of that role;
 * 5. else no one: the person is told to ask an administrator for an invitation.
 *
 * Steps 2–4 trust the provider's email address only when it is verified (`email_verified` true,
 * or Microsoft Entra's `xms_edov` true) and of one of the provider's own email domains (each
 * domain belongs to one enabled provider). Deactivated people are refused at every step; platform
 * administrators are never linked automatically. Every link, invitation accepted and account made
 * is audited in the sign-in's transaction.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/repository.js';
import { memberships, oneTimeLinks, userIdentities, users } from '../../db/schema.js';
import type { Database } from '../../db/types.js';
import type { SystemPrincipal } from '../principal.js';
import { findUser, findUserByEmail } from '../users-repository.js';
import type { UserRow } from '../users-repository.js';
import { domainOf } from './domains.js';
import type { IdentityProviderRow } from './providers-repository.js';
import { SignInRefused } from './refusal.js';

/** What the provider said of the person (from the ID token, and userinfo where needed). */
export interface ProviderClaims {
  readonly sub: string;
  readonly email?: unknown;
  readonly email_verified?: unknown;
  /** Microsoft Entra ID: the email's domain is verified by the tenant that owns it. */
  readonly xms_edov?: unknown;
  readonly name?: unknown;
}

const NO_ACCOUNT =
  'There is no Groundswell account for you in this organisation yet. Ask an administrator of your organisation for an invitation.';

/** Who the audit log names for what a sign-in does. */
function through(provider: IdentityProviderRow): SystemPrincipal {
  return { kind: 'system', name: `single sign-on (${provider.name})`, via: 'system' };
}

/** The verified address of one of the provider's domains, or null. */
export function trustedEmail(provider: IdentityProviderRow, claims: ProviderClaims): string | null {
  if (typeof claims.email !== 'string') return null;
  const verified = claims.email_verified === true || claims.xms_edov === true || claims.xms_edov === '1';
  if (!verified) return null;
  const email = claims.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) return null;
  const domain = domainOf(email);
  return domain !== null && provider.emailDomains.includes(domain) ? email : null;
}

function displayName(claims: ProviderClaims, email: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return name.length > 0 && name.length <= 200 ? name : email.split('@')[0]!;
}

async function pendingInvitation(
  db: Database,
  email: string,
  organisationId: string,
  now: Date,
): Promise<typeof oneTimeLinks.$inferSelect | undefined> {
  const [link] = await db
    .select()
    .from(oneTimeLinks)
    .where(
      and(
        eq(oneTimeLinks.purpose, 'invitation'),
        eq(oneTimeLinks.email, email),
        eq(oneTimeLinks.organisationId, organisationId),
        isNull(oneTimeLinks.usedAt),
        gt(oneTimeLinks.expiresAt, now),
      ),
    )
    .limit(1);
  return link;
}

async function isMember(db: Database, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  return row !== undefined;
}

async function activate(db: Database, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ status: 'active', updatedAt: now }).where(eq(users.id, userId));
}

/** Accepts an invitation: its membership, the link used, the account active. */
async function acceptInvitation(
  db: Database,
  provider: IdentityProviderRow,
  user: UserRow,
  link: typeof oneTimeLinks.$inferSelect,
  now: Date,
): Promise<void> {
  await db
    .insert(memberships)
    .values({
      userId: user.id,
      organisationId: link.organisationId!,
      role: link.role!,
      unitId: link.role === 'unit_lead' ? link.unitId : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  await db.update(oneTimeLinks).set({ usedAt: now }).where(eq(oneTimeLinks.id, link.id));
  await activate(db, user.id, now);
  await recordAudit(db, through(provider), {
    action: 'member.join',
    entityType: 'user',
    entityId: user.id,
    organisationId: provider.organisationId,
    summary: `${user.displayName} (${user.email}) accepted the invitation to join as ${link.role!}, signing in through ${provider.name}`,
    after: { role: link.role, unitId: link.unitId, invitationId: link.id },
  });
}

async function link(
  db: Database,
  provider: IdentityProviderRow,
  user: UserRow,
  subject: string,
  now: Date,
): Promise<void> {
  await db.insert(userIdentities).values({
    providerId: provider.id,
    subject,
    userId: user.id,
    createdAt: now,
    lastSignInAt: now,
  });
  await recordAudit(db, through(provider), {
    action: 'user.identity_link',
    entityType: 'user',
    entityId: user.id,
    organisationId: provider.organisationId,
    summary: `Linked ${user.email} to their account at ${provider.name}`,
    after: { providerId: provider.id, issuer: provider.issuer, subject },
  });
}

async function createAccount(
  db: Database,
  email: string,
  claims: ProviderClaims,
  now: Date,
): Promise<UserRow> {
  const [user] = await db
    .insert(users)
    .values({
      email,
      displayName: displayName(claims, email),
      passwordHash: null,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return user!;
}

function refuseInactive(user: UserRow): void {
  if (user.status === 'deactivated') {
    throw new SignInRefused(
      'sso_deactivated',
      'This account has been deactivated. Ask an administrator of your organisation.',
    );
  }
  if (user.demo) throw new SignInRefused('sso_no_account', NO_ACCOUNT);
}

/**
 * The person this sign-in is, linking, accepting or creating as the rules above say (in `db`, the
 * sign-in's transaction).
 * @throws {SignInRefused} when no one may be signed in.
 */
export async function personFor(
  db: Database,
  provider: IdentityProviderRow,
  claims: ProviderClaims,
  now: Date,
): Promise<UserRow> {
  const [known] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.providerId, provider.id), eq(userIdentities.subject, claims.sub)));
  if (known !== undefined) {
    const user = await findUser(db, known.userId);
    if (user === undefined) throw new SignInRefused('sso_no_account', NO_ACCOUNT);
    refuseInactive(user);
    if (user.status !== 'active') {
      // Linked, then invited again after leaving: the invitation (or a membership) lets them back.
      const invitation = await pendingInvitation(db, user.email, provider.organisationId, now);
      if (invitation !== undefined) await acceptInvitation(db, provider, user, invitation, now);
      else if (await isMember(db, user.id, provider.organisationId)) await activate(db, user.id, now);
      else throw new SignInRefused('sso_no_account', NO_ACCOUNT);
    }
    await db
      .update(userIdentities)
      .set({ lastSignInAt: now })
      .where(and(eq(userIdentities.providerId, provider.id), eq(userIdentities.subject, claims.sub)));
    return (await findUser(db, user.id))!;
  }

  const email = trustedEmail(provider, claims);
  if (email === null) {
    throw new SignInRefused(
      'sso_unverified_email',
      `${provider.name} did not give a verified email address of ${provider.emailDomains.join(', ') || 'its domains'}, so Groundswell cannot tell who you are.`,
    );
  }
  const existing = await findUserByEmail(db, email);
  const invitation = await pendingInvitation(db, email, provider.organisationId, now);

  if (existing !== undefined) {
    refuseInactive(existing);
    if (existing.platformAdmin) {
      throw new SignInRefused(
        'sso_platform_admin',
        'Platform administrators sign in with their email address and password.',
      );
    }
    const member = await isMember(db, existing.id, provider.organisationId);
    if (!member && invitation === undefined) throw new SignInRefused('sso_no_account', NO_ACCOUNT);
    if (invitation !== undefined) await acceptInvitation(db, provider, existing, invitation, now);
    else if (existing.status !== 'active') await activate(db, existing.id, now);
    await link(db, provider, existing, claims.sub, now);
    return (await findUser(db, existing.id))!;
  }

  if (invitation === undefined && provider.defaultRole === null) {
    throw new SignInRefused('sso_no_account', NO_ACCOUNT);
  }
  const user = await createAccount(db, email, claims, now);
  const role = invitation?.role ?? provider.defaultRole!;
  await recordAudit(db, through(provider), {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    organisationId: provider.organisationId,
    summary:
      invitation === undefined
        ? `Created the account of ${email} as ${role} at their first sign-in through ${provider.name}`
        : `Created the account of ${email}, invited as ${role}, at their first sign-in through ${provider.name}`,
    after: { email, displayName: user.displayName, role, provider: provider.name },
  });
  if (invitation !== undefined) {
    await acceptInvitation(db, provider, user, invitation, now);
  } else {
    await db.insert(memberships).values({
      userId: user.id,
      organisationId: provider.organisationId,
      role,
      unitId: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  await link(db, provider, user, claims.sub, now);
  return (await findUser(db, user.id))!;
}
