/**
 * @module members/repository
 * An organisation's members (memberships with their people and units) and its pending
 * invitations (one-time links of purpose `invitation`): framework-free queries over a drizzle
 * database. Who may call them is the service's business.
 */
import { and, asc, eq, gt, ilike, isNull, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { memberships, oneTimeLinks, organisations, units, users } from '../db/schema.js';
import type { Role, UserStatus } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { likePattern, nameSortKey } from '../sorting.js';
import { requireUuid } from '../validation.js';

/** A member of an organisation: the person, their role there and their account's state. */
export interface MemberRow {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly status: UserStatus;
  readonly platformAdmin: boolean;
  readonly lastSignInAt: Date | null;
  readonly joinedAt: Date;
}

/** Filters of `listMembers`. */
export interface MemberFilter extends PageRequest {
  readonly role?: Role | undefined;
  readonly status?: UserStatus | undefined;
  /** Part of the name or email address, any case. */
  readonly search?: string | undefined;
}

const memberColumns = {
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  unitId: memberships.unitId,
  unitName: units.name,
  status: users.status,
  platformAdmin: users.platformAdmin,
  lastSignInAt: users.lastSignInAt,
  joinedAt: memberships.createdAt,
};

/** A row of the member query as a member (without its sort key). */
function asMember(row: MemberRow & { key: string }): MemberRow {
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    unitName: row.unitName,
    status: row.status,
    platformAdmin: row.platformAdmin,
    lastSignInAt: row.lastSignInAt,
    joinedAt: row.joinedAt,
  };
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- drizzle's builder type, to add where/orderBy
function membersQuery(db: Database, key: SQL<string>) {
  return db
    .select({ ...memberColumns, key })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(units, eq(units.id, memberships.unitId));
}

/** An organisation's members in name order (case-insensitive), a page at a time. */
export async function listMembers(
  db: Database,
  organisationId: string,
  filter: MemberFilter = {},
): Promise<Page<MemberRow>> {
  const limit = pageLimit(filter);
  const sortKey = nameSortKey(users.displayName);
  const conditions: (SQL | undefined)[] = [eq(memberships.organisationId, organisationId)];
  if (filter.role !== undefined) conditions.push(eq(memberships.role, filter.role));
  if (filter.status !== undefined) conditions.push(eq(users.status, filter.status));
  if (filter.search !== undefined && filter.search.trim() !== '') {
    const pattern = likePattern(filter.search);
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern)));
  }
  if (filter.cursor) {
    const [key, id] = decodeCursor(filter.cursor, 2);
    conditions.push(sql`(${sortKey}, ${users.id}) > (${key}, ${requireUuid('cursor', id!)}::uuid)`);
  }
  const rows = await membersQuery(db, sortKey)
    .where(and(...conditions))
    .orderBy(sortKey, users.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => [row.key, row.userId], asMember);
}

/** One member of an organisation, if that person is one. */
export async function findMember(
  db: Database,
  organisationId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  const [row] = await membersQuery(db, sql<string>`''`).where(
    and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)),
  );
  if (row === undefined) return undefined;
  return asMember(row);
}

/**
 * How many active administrators the organisation has besides `userId`. The administrators'
 * memberships are locked until the transaction ends, so two administrators demoting each other at
 * the same moment cannot both succeed.
 */
export async function otherActiveAdministrators(
  db: Database,
  organisationId: string,
  userId: string,
): Promise<number> {
  const rows = await db
    .select({ userId: memberships.userId, status: users.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'administrator'),
        ne(memberships.userId, userId),
      ),
    )
    .for('update', { of: memberships });
  return rows.filter((row) => row.status === 'active').length;
}

/** Every organisation a person belongs to, with their role there. */
export async function membershipsOf(
  db: Database,
  userId: string,
): Promise<{ organisationId: string; role: Role }[]> {
  return db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

export async function updateMembership(
  db: Database,
  organisationId: string,
  userId: string,
  change: { role: Role; unitId: string | null },
  now: Date,
): Promise<void> {
  await db
    .update(memberships)
    .set({ role: change.role, unitId: change.unitId, updatedAt: now })
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function insertMembership(
  db: Database,
  input: { organisationId: string; userId: string; role: Role; unitId: string | null },
  now: Date,
): Promise<void> {
  await db.insert(memberships).values({ ...input, createdAt: now, updatedAt: now });
}

export async function deleteMembership(db: Database, organisationId: string, userId: string): Promise<void> {
  await db
    .delete(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

/** Sets a person's account status. */
export async function setUserStatus(
  db: Database,
  userId: string,
  status: UserStatus,
  now: Date,
): Promise<void> {
  await db.update(users).set({ status, updatedAt: now }).where(eq(users.id, userId));
}

/** The unit with this id if it belongs to the organisation. */
export async function findUnitIn(
  db: Database,
  organisationId: string,
  unitId: string,
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.organisationId, organisationId)));
  return row;
}

/** An invitation as stored (never its secret: only the hash is kept). */
export interface InvitationRow {
  readonly id: string;
  readonly organisationId: string;
  readonly email: string;
  readonly role: Role;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

const invitationColumns = {
  id: oneTimeLinks.id,
  organisationId: oneTimeLinks.organisationId,
  email: oneTimeLinks.email,
  role: oneTimeLinks.role,
  unitId: oneTimeLinks.unitId,
  unitName: units.name,
  createdBy: oneTimeLinks.createdBy,
  createdByName: users.displayName,
  createdAt: oneTimeLinks.createdAt,
  expiresAt: oneTimeLinks.expiresAt,
};

type RawInvitation = {
  [K in keyof typeof invitationColumns]: K extends 'organisationId' | 'email' | 'role'
    ? NonNullable<InvitationRow[K]> | null
    : InvitationRow[K];
};

function asInvitation(row: RawInvitation): InvitationRow {
  // The table's check constraint guarantees these three for purpose `invitation`.
  return { ...row, organisationId: row.organisationId!, email: row.email!, role: row.role! };
}

const pending = (now: Date): SQL =>
  and(eq(oneTimeLinks.purpose, 'invitation'), isNull(oneTimeLinks.usedAt), gt(oneTimeLinks.expiresAt, now))!;

/** An organisation's invitations not yet used and not expired, soonest to expire first. */
export async function listPendingInvitations(
  db: Database,
  organisationId: string,
  now: Date,
): Promise<InvitationRow[]> {
  const rows = await db
    .select(invitationColumns)
    .from(oneTimeLinks)
    .leftJoin(units, eq(units.id, oneTimeLinks.unitId))
    .leftJoin(users, eq(users.id, oneTimeLinks.createdBy))
    .where(and(eq(oneTimeLinks.organisationId, organisationId), pending(now)))
    .orderBy(asc(oneTimeLinks.expiresAt), asc(oneTimeLinks.id));
  return rows.map(asInvitation);
}

/** One pending invitation of the organisation, if any. */
export async function findPendingInvitation(
  db: Database,
  organisationId: string,
  id: string,
  now: Date,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select(invitationColumns)
    .from(oneTimeLinks)
    .leftJoin(units, eq(units.id, oneTimeLinks.unitId))
    .leftJoin(users, eq(users.id, oneTimeLinks.createdBy))
    .where(and(eq(oneTimeLinks.organisationId, organisationId), eq(oneTimeLinks.id, id), pending(now)));
  return row === undefined ? undefined : asInvitation(row);
}

/** Stores a new invitation (its secret's SHA-256 only). */
export async function insertInvitation(
  db: Database,
  input: {
    tokenHash: string;
    organisationId: string;
    email: string;
    role: Role;
    unitId: string | null;
    createdBy: string | null;
    expiresAt: Date;
  },
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(oneTimeLinks)
    .values({ ...input, purpose: 'invitation', createdAt: now })
    .returning({ id: oneTimeLinks.id });
  return row!.id;
}

/** Withdraws pending invitations of this organisation: one by id, or every one for an email. */
export async function deletePendingInvitations(
  db: Database,
  organisationId: string,
  which: { id: string } | { email: string },
  now: Date,
): Promise<number> {
  const rows = await db
    .delete(oneTimeLinks)
    .where(
      and(
        eq(oneTimeLinks.organisationId, organisationId),
        'id' in which ? eq(oneTimeLinks.id, which.id) : eq(oneTimeLinks.email, which.email),
        pending(now),
      ),
    )
    .returning({ id: oneTimeLinks.id });
  return rows.length;
}

/** A pending invitation by its secret's hash, with its organisation, locked until the transaction ends. */
export async function lockInvitationByHash(
  db: Database,
  tokenHash: string,
  now: Date,
): Promise<
  | (Omit<InvitationRow, 'unitName' | 'createdByName'> & {
      organisationName: string;
      odsCode: string;
    })
  | undefined
> {
  const [row] = await db
    .select({
      id: oneTimeLinks.id,
      organisationId: oneTimeLinks.organisationId,
      email: oneTimeLinks.email,
      role: oneTimeLinks.role,
      unitId: oneTimeLinks.unitId,
      createdBy: oneTimeLinks.createdBy,
      createdAt: oneTimeLinks.createdAt,
      expiresAt: oneTimeLinks.expiresAt,
      organisationName: organisations.name,
      odsCode: organisations.odsCode,
    })
    .from(oneTimeLinks)
    .innerJoin(organisations, eq(organisations.id, oneTimeLinks.organisationId))
    .where(and(eq(oneTimeLinks.tokenHash, tokenHash), pending(now)))
    .for('update', { of: oneTimeLinks });
  if (row === undefined) return undefined;
  return { ...row, organisationId: row.organisationId!, email: row.email!, role: row.role! };
}

/** Marks a link used; false when it was used meanwhile. */
export async function markLinkUsed(db: Database, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(and(eq(oneTimeLinks.id, id), isNull(oneTimeLinks.usedAt)))
    .returning({ id: oneTimeLinks.id });
  return rows.length === 1;
}
