/**
 * @module members/service
 * An organisation's people: listing members and pending invitations, inviting by a one-time link,
 * accepting an invitation, changing a member's role, removing a member, and deactivating or
 * reactivating an account. Framework-free: every function takes the principal, checks
 * `member.manage` (auth/permissions.ts), and records each change in the audit log in the change's
 * own transaction. Another organisation's people answer 404, as unknown ids do.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/repository.js';
import { hashPassword } from '../auth/passwords.js';
import { can } from '../auth/permissions.js';
import type { AuthPolicy } from '../auth/policy.js';
import type { Principal, UserPrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { revokeSessionsOf } from '../auth/sessions.js';
import type { NewSession } from '../auth/sessions.js';
import { startSession } from '../auth/sign-in.js';
import { findUser, findUserByEmail } from '../auth/users-repository.js';
import type { UserRow } from '../auth/users-repository.js';
import { users } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { findOrganisation } from '../organisations/service.js';
import type { Organisation } from '../organisations/repository.js';
import type { Page } from '../paging.js';
import { isUuid } from '../validation.js';
import {
  deleteMembership,
  deletePendingInvitations,
  findMember,
  findPendingInvitation,
  findUnitIn,
  insertInvitation,
  insertMembership,
  listMembers,
  listPendingInvitations,
  lockInvitationByHash,
  markLinkUsed,
  membershipsOf,
  otherActiveAdministrators,
  setUserStatus,
  updateMembership,
} from './repository.js';
import type { InvitationRow, MemberFilter, MemberRow } from './repository.js';

/** How long an invitation link works. */
export const INVITATION_MS = 7 * 24 * 3_600_000;

const ROLE_WORDS: Record<Role, string> = {
  staff: 'staff',
  improver: 'improver',
  unit_lead: 'unit lead',
  qi_lead: 'QI lead',
  executive: 'executive',
  administrator: 'administrator',
};

/** The one answer for an invitation link that is unknown, used, expired or withdrawn. */
const NO_INVITATION =
  'This invitation link is not valid: it may have been used, have expired or been withdrawn. Ask the person who invited you for a new one.';

function noInvitation(): DataError {
  return new DataError('not_found', NO_INVITATION, { field: 'token', reason: 'invalid_link' });
}

function noMember(organisation: Organisation): DataError {
  return new DataError('not_found', `This person is not a member of ${organisation.name}.`, {
    field: 'userId',
  });
}

/**
 * Reading an organisation's members needs the role that manages them, not an API token's write
 * scope: a read-only token of an administrator may list them.
 */
function requireMemberReader(principal: Principal, organisationId: string): void {
  const reading: Principal =
    principal.kind === 'user' ? { ...principal, scopes: ['read', 'write'] } : principal;
  requirePermission(reading, 'member.manage', organisationId);
}

/** The organisation `ref` names, once `principal` may manage its members (read: list only). */
async function managed(
  db: Database,
  principal: Principal,
  ref: string,
  mode: 'read' | 'change',
): Promise<Organisation> {
  const organisation = await findOrganisation(db, ref);
  if (mode === 'read') requireMemberReader(principal, organisation.id);
  else requirePermission(principal, 'member.manage', organisation.id);
  return organisation;
}

/** A unit lead's unit (in this organisation), or null for the other roles; 400 otherwise. */
async function unitFor(
  db: Database,
  organisation: Organisation,
  role: Role,
  unitId: string | null | undefined,
): Promise<{ id: string; name: string } | null> {
  if (role !== 'unit_lead') {
    if (unitId != null) {
      throw new DataError('invalid_input', 'unitId is only for a unit lead: leave it out for other roles.', {
        field: 'unitId',
      });
    }
    return null;
  }
  if (unitId == null) {
    throw new DataError('invalid_input', 'unitId is required for a unit lead: choose the unit they lead.', {
      field: 'unitId',
    });
  }
  const unit = isUuid(unitId) ? await findUnitIn(db, organisation.id, unitId) : undefined;
  if (unit === undefined) {
    throw new DataError('invalid_input', `unitId must be one of ${organisation.name}'s units.`, {
      field: 'unitId',
    });
  }
  return unit;
}

/** The people of an organisation, a page at a time (member.manage). */
export async function membersOf(
  db: Database,
  principal: Principal,
  ref: string,
  filter: MemberFilter,
): Promise<Page<MemberRow>> {
  const organisation = await managed(db, principal, ref, 'read');
  return listMembers(db, organisation.id, filter);
}

/** The organisation's invitations not yet accepted and not expired (member.manage). */
export async function pendingInvitations(
  db: Database,
  principal: Principal,
  ref: string,
  now: Date,
): Promise<InvitationRow[]> {
  const organisation = await managed(db, principal, ref, 'read');
  return listPendingInvitations(db, organisation.id, now);
}

/**
 * Invites `email` to the organisation with `role` (and a unit for a unit lead). Any earlier pending
 * invitation of the same address to the same organisation stops working. Returns the invitation
 * and its secret: the only copy there will be (the database keeps its SHA-256).
 * @throws {DataError} `conflict` when the person is already a member.
 */
export async function invite(
  db: Database,
  principal: Principal,
  ref: string,
  input: { email: string; role: Role; unitId?: string | null | undefined },
  now: Date,
): Promise<{ invitation: InvitationRow; token: string }> {
  const organisation = await managed(db, principal, ref, 'change');
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const unit = await unitFor(tx, organisation, input.role, input.unitId);
    const existing = await findUserByEmail(tx, email);
    if (existing !== undefined && (await findMember(tx, organisation.id, existing.id)) !== undefined) {
      throw new DataError(
        'conflict',
        `${email} is already a member of ${organisation.name}: change their role in the member list instead.`,
        { field: 'email', reason: 'already_member' },
      );
    }
    const replaced = await deletePendingInvitations(tx, organisation.id, { email }, now);
    const token = newSecret();
    const expiresAt = new Date(now.getTime() + INVITATION_MS);
    const id = await insertInvitation(
      tx,
      {
        tokenHash: hashSecret(token),
        organisationId: organisation.id,
        email,
        role: input.role,
        unitId: unit?.id ?? null,
        createdBy: principal.kind === 'user' ? principal.userId : null,
        expiresAt,
      },
      now,
    );
    await recordAudit(tx, principal, {
      action: 'member.invite',
      entityType: 'invitation',
      entityId: id,
      organisationId: organisation.id,
      summary: `Invited ${email} as ${ROLE_WORDS[input.role]}${unit === null ? '' : ` of ${unit.name}`}${
        replaced > 0 ? ' (replacing an earlier invitation)' : ''
      }`,
      after: { email, role: input.role, unitId: unit?.id ?? null, expiresAt: expiresAt.toISOString() },
    });
    const invitation = await findPendingInvitation(tx, organisation.id, id, now);
    return { invitation: invitation!, token };
  });
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(
  db: Database,
  principal: Principal,
  ref: string,
  id: string,
  now: Date,
): Promise<InvitationRow> {
  const organisation = await managed(db, principal, ref, 'change');
  return db.transaction(async (tx) => {
    const invitation = await findPendingInvitation(tx, organisation.id, id, now);
    if (invitation === undefined) {
      throw new DataError('not_found', `${organisation.name} has no pending invitation with this id.`, {
        field: 'id',
      });
    }
    await deletePendingInvitations(tx, organisation.id, { id }, now);
    await recordAudit(tx, principal, {
      action: 'member.uninvite',
      entityType: 'invitation',
      entityId: id,
      organisationId: organisation.id,
      summary: `Withdrew the invitation of ${invitation.email}`,
      before: { email: invitation.email, role: invitation.role, unitId: invitation.unitId },
    });
    return invitation;
  });
}

/** What an invitation link is for, as its holder may see it. */
export interface InvitationSummary {
  readonly organisationName: string;
  readonly email: string;
  readonly role: Role;
  /** Whether an account with this email exists already (its owner signs in, then accepts). */
  readonly existingAccount: boolean;
}

/** What the link with this secret invites to; 404 for an unknown, used or expired one. */
export async function describeInvitation(db: Database, token: string, now: Date): Promise<InvitationSummary> {
  return db.transaction(async (tx) => {
    const link = await lockInvitationByHash(tx, hashSecret(token), now);
    if (link === undefined) throw noInvitation();
    const user = await findUserByEmail(tx, link.email);
    return {
      organisationName: link.organisationName,
      email: link.email,
      role: link.role,
      existingAccount: user !== undefined && needsSignIn(user),
    };
  });
}

/** An account its owner must sign in to before accepting (rather than set up from the link). */
function needsSignIn(user: UserRow): boolean {
  return user.status !== 'invited' || user.passwordHash !== null;
}

/** The result of accepting: the person, a new session when one was started, and the organisation. */
export interface Accepted {
  readonly user: UserRow;
  readonly session: NewSession | null;
  readonly organisation: { id: string; odsCode: string; name: string };
}

/**
 * Accepts an invitation, in one transaction: a new person (no account yet) gives a display name
 * and password, and gets an active account and a new session (as at sign-in); someone with an
 * account must be signed in as that account (`principal`) and keeps their session. Either way the
 * membership is added, the link marked used and both recorded in the audit log.
 * @throws {DataError} `not_found` for an unknown, used or expired link; `unauthenticated` or
 * `forbidden` when an existing account is not the one signed in; `invalid_input` (displayName,
 * password); `conflict` when already a member.
 */
export async function acceptInvitation(
  db: Database,
  principal: Principal,
  token: string,
  input: { displayName?: string | undefined; password?: string | undefined },
  policy: AuthPolicy,
  now: Date,
): Promise<Accepted> {
  return db.transaction(async (tx) => {
    const link = await lockInvitationByHash(tx, hashSecret(token), now);
    if (link === undefined) throw noInvitation();
    const organisation = { id: link.organisationId, odsCode: link.odsCode, name: link.organisationName };
    const existing = await findUserByEmail(tx, link.email);
    let user: UserRow;
    let session: NewSession | null = null;
    let actor: Principal;
    if (existing !== undefined && needsSignIn(existing)) {
      if (existing.status === 'deactivated') {
        throw new DataError(
          'forbidden',
          'The account for this invitation has been deactivated. Ask an administrator to reactivate it.',
          { reason: 'deactivated' },
        );
      }
      if (principal.kind !== 'user') {
        throw new DataError(
          'unauthenticated',
          `There is already an account for ${link.email}: sign in first, then open the link again.`,
          { reason: 'sign_in_first' },
        );
      }
      if (!principal.scopes.includes('write')) {
        throw new DataError(
          'forbidden',
          'This API token may only read: accept the invitation from a signed-in browser.',
          {
            reason: 'token_scope',
          },
        );
      }
      if (principal.userId !== existing.id) {
        throw new DataError(
          'forbidden',
          `This invitation is for ${link.email}, and you are signed in as ${principal.email}. Sign out, then sign in as ${link.email}.`,
          { reason: 'other_person' },
        );
      }
      user = existing;
      actor = principal;
    } else {
      const displayName = input.displayName?.trim() ?? '';
      if (displayName === '') {
        throw new DataError('invalid_input', 'Enter your name.', { field: 'displayName' });
      }
      if (input.password === undefined || input.password === '') {
        throw new DataError('invalid_input', 'Choose a password.', { field: 'password' });
      }
      const passwordHash = await hashPassword(input.password, link.email);
      if (existing === undefined) {
        const [created] = await tx
          .insert(users)
          .values({
            email: link.email,
            displayName,
            passwordHash,
            status: 'active',
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        user = created!;
      } else {
        await tx
          .update(users)
          .set({ displayName, passwordHash, status: 'active', updatedAt: now })
          .where(eq(users.id, existing.id));
        user = (await findUser(tx, existing.id))!;
      }
      actor = personOf(user);
      await recordAudit(tx, actor, {
        action: existing === undefined ? 'user.create' : 'user.activate',
        entityType: 'user',
        entityId: user.id,
        organisationId: organisation.id,
        summary: `${existing === undefined ? 'Created' : 'Activated'} the account of ${link.email} from an invitation`,
        after: { email: link.email, displayName, status: 'active' },
      });
    }
    if ((await findMember(tx, organisation.id, user.id)) !== undefined) {
      throw new DataError('conflict', `${link.email} is already a member of ${organisation.name}.`, {
        reason: 'already_member',
      });
    }
    if (!(await markLinkUsed(tx, link.id, now))) throw noInvitation();
    await insertMembership(
      tx,
      { organisationId: organisation.id, userId: user.id, role: link.role, unitId: link.unitId },
      now,
    );
    await recordAudit(tx, actor, {
      action: 'member.join',
      entityType: 'user',
      entityId: user.id,
      organisationId: organisation.id,
      summary: `${user.displayName} (${link.email}) accepted the invitation to join as ${ROLE_WORDS[link.role]}`,
      after: { role: link.role, unitId: link.unitId, invitationId: link.id },
    });
    if (actor !== principal) session = await startSession(tx, user, 'password', policy, now);
    return { user, session, organisation };
  });
}

/** A person acting on their own account before any membership exists (for the audit log). */
function personOf(user: UserRow): UserPrincipal {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    platformAdmin: user.platformAdmin,
    memberships: [],
    grants: [],
    via: 'session',
    scopes: ['read', 'write'],
  };
}

function refuseSelf(principal: Principal, userId: string, what: string): void {
  if (principal.kind === 'user' && principal.userId === userId) {
    throw new DataError('forbidden', `You may not ${what} yourself: ask another administrator.`, {
      field: 'userId',
      reason: 'self',
    });
  }
}

async function keepAnAdministrator(
  db: Database,
  organisation: Organisation,
  member: MemberRow,
  what: string,
): Promise<void> {
  if (member.role !== 'administrator') return;
  if ((await otherActiveAdministrators(db, organisation.id, member.userId)) > 0) return;
  throw new DataError(
    'conflict',
    `${member.displayName} is the last administrator of ${organisation.name}: make someone else an administrator before you ${what}.`,
    { reason: 'last_administrator' },
  );
}

/** Changes a member's role (and unit, for a unit lead). */
export async function changeMember(
  db: Database,
  principal: Principal,
  ref: string,
  userId: string,
  input: { role: Role; unitId?: string | null | undefined },
  now: Date,
): Promise<MemberRow> {
  const organisation = await managed(db, principal, ref, 'change');
  return db.transaction(async (tx) => {
    const member = await findMember(tx, organisation.id, userId);
    if (member === undefined) throw noMember(organisation);
    refuseSelf(principal, userId, 'change the role of');
    const unit = await unitFor(tx, organisation, input.role, input.unitId);
    if (member.role === input.role && member.unitId === (unit?.id ?? null)) return member;
    if (input.role !== 'administrator')
      await keepAnAdministrator(tx, organisation, member, 'change their role');
    await updateMembership(tx, organisation.id, userId, { role: input.role, unitId: unit?.id ?? null }, now);
    await recordAudit(tx, principal, {
      action: 'member.update',
      entityType: 'user',
      entityId: userId,
      organisationId: organisation.id,
      summary: `Changed the role of ${member.displayName} from ${ROLE_WORDS[member.role]} to ${ROLE_WORDS[input.role]}${
        unit === null ? '' : ` of ${unit.name}`
      }`,
      before: { role: member.role, unitId: member.unitId },
      after: { role: input.role, unitId: unit?.id ?? null },
    });
    return (await findMember(tx, organisation.id, userId))!;
  });
}

/** Removes a member from the organisation; ending their last membership ends their sessions. */
export async function removeMember(
  db: Database,
  principal: Principal,
  ref: string,
  userId: string,
  now: Date,
): Promise<{ member: MemberRow; sessionsEnded: number }> {
  const organisation = await managed(db, principal, ref, 'change');
  return db.transaction(async (tx) => {
    const member = await findMember(tx, organisation.id, userId);
    if (member === undefined) throw noMember(organisation);
    refuseSelf(principal, userId, 'remove');
    await keepAnAdministrator(tx, organisation, member, 'remove them');
    await deleteMembership(tx, organisation.id, userId);
    const left = await membershipsOf(tx, userId);
    const sessionsEnded = left.length === 0 ? await revokeSessionsOf(tx, userId, now) : 0;
    await recordAudit(tx, principal, {
      action: 'member.remove',
      entityType: 'user',
      entityId: userId,
      organisationId: organisation.id,
      summary: `Removed ${member.displayName} (${member.email}) from ${organisation.name}${
        sessionsEnded > 0
          ? `, ending their ${sessionsEnded === 1 ? 'session' : `${sessionsEnded} sessions`}`
          : ''
      }`,
      before: { role: member.role, unitId: member.unitId },
    });
    return { member, sessionsEnded };
  });
}

/**
 * Whether `principal` may change the account of someone with these memberships: a platform
 * administrator may; anyone else only when they manage members in every one of them (an
 * organisation's administrator cannot lock someone out of another organisation).
 */
function requireAccountManager(
  principal: Principal,
  target: { platformAdmin: boolean },
  organisations: readonly { organisationId: string }[],
): void {
  if (principal.kind === 'system' || (principal.kind === 'user' && principal.platformAdmin)) return;
  if (target.platformAdmin) {
    throw new DataError(
      'forbidden',
      'Only a platform administrator may change the account of a platform administrator.',
      {
        reason: 'platform_admin',
      },
    );
  }
  if (!organisations.every((m) => can(principal, 'member.manage', m.organisationId))) {
    throw new DataError(
      'forbidden',
      'This person also belongs to organisations whose members you do not manage: only a platform administrator may change their account.',
      { reason: 'other_organisations' },
    );
  }
}

/**
 * Deactivates (`active` false) or reactivates a member's account. Deactivation ends every session
 * at once; sessions and API tokens of a deactivated account stop working (auth/sessions.ts,
 * auth/tokens.ts), and it cannot sign in.
 */
export async function setAccountActive(
  db: Database,
  principal: Principal,
  ref: string,
  userId: string,
  active: boolean,
  now: Date,
): Promise<{ member: MemberRow; sessionsEnded: number }> {
  const organisation = await managed(db, principal, ref, 'change');
  return db.transaction(async (tx) => {
    const member = await findMember(tx, organisation.id, userId);
    if (member === undefined) throw noMember(organisation);
    refuseSelf(principal, userId, active ? 'reactivate' : 'deactivate');
    const all = await membershipsOf(tx, userId);
    requireAccountManager(principal, member, all);
    const wanted = active ? 'active' : 'deactivated';
    if (member.status === wanted) return { member, sessionsEnded: 0 };
    if (active && member.status !== 'deactivated') {
      throw new DataError('conflict', `${member.displayName} has not set up their account yet.`, {
        reason: member.status,
      });
    }
    if (!active) {
      for (const m of all) {
        if (m.role !== 'administrator') continue;
        if ((await otherActiveAdministrators(tx, m.organisationId, userId)) === 0) {
          const name =
            m.organisationId === organisation.id ? organisation.name : 'one of their organisations';
          throw new DataError(
            'conflict',
            `${member.displayName} is the last administrator of ${name}: make someone else an administrator before you deactivate them.`,
            { reason: 'last_administrator' },
          );
        }
      }
    }
    await setUserStatus(tx, userId, wanted, now);
    const sessionsEnded = active ? 0 : await revokeSessionsOf(tx, userId, now);
    await recordAudit(tx, principal, {
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: userId,
      organisationId: organisation.id,
      summary: `${active ? 'Reactivated' : 'Deactivated'} the account of ${member.displayName} (${member.email})`,
      before: { status: member.status },
      after: { status: wanted },
    });
    return { member: (await findMember(tx, organisation.id, userId))!, sessionsEnded };
  });
}
