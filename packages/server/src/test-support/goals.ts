/**
 * @module test-support/goals
 * For the goal and requirement tests (and the access test): people as request headers, and aims,
 * goals, requirements and projects written straight to the database.
 */
import { randomUUID } from 'node:crypto';
import { createToken } from '../auth/tokens.js';
import { memberships, projects, users } from '../db/schema.js';
import type { Role, Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { insertRequirement } from '../requirements/repository.js';
import { insertAim, insertGoal } from '../goals/repository.js';

/** A person with a role in an organisation, as request headers (a read-write API token). */
export async function tokenOf(
  db: Database,
  membership: { organisationId: string; role: Role; unitId?: string } | null,
): Promise<Record<string, string>> {
  const [user] = await db
    .insert(users)
    .values({ email: `p.${randomUUID().slice(0, 8)}@goals.test`, displayName: 'Someone', status: 'active' })
    .returning({ id: users.id });
  if (membership !== null) {
    await db
      .insert(memberships)
      .values({ userId: user!.id, ...membership, unitId: membership.unitId ?? null });
  }
  const { token } = await createToken(
    db,
    user!.id,
    { name: 't', scopes: ['read', 'write'], expiresAt: null },
    new Date(),
  );
  return { authorization: `Bearer ${token}` };
}

/** A strategic aim of an organisation. */
export async function anAim(
  db: Database,
  organisationId: string,
  visibility: Visibility,
  title: string,
): Promise<string> {
  return (await insertAim(db, { organisationId, title, visibility })).id;
}

/** A goal on a series of an organisation (at the organisation level), due in March 2027. */
export async function aGoal(
  db: Database,
  organisationId: string,
  seriesId: string,
  visibility: Visibility,
  title: string,
  unitId: string | null = null,
): Promise<string> {
  const goal = await insertGoal(db, {
    organisationId,
    unitId,
    seriesId,
    aimId: null,
    parentGoalId: null,
    requirementId: null,
    title,
    target: 10,
    deadline: '2027-03-31',
    visibility,
    createdBy: null,
  });
  return goal.id;
}

/** A commissioner's requirement of a provider on a measure, due in March 2027. */
export async function aRequirement(
  db: Database,
  commissionerId: string,
  providerId: string,
  measureId: string,
  title: string,
): Promise<string> {
  const requirement = await insertRequirement(db, {
    commissionerId,
    providerId,
    measureId,
    title,
    description: '',
    target: 10,
    dueBy: '2027-03-31',
    createdBy: null,
  });
  return requirement.id;
}

/** A project of an organisation (the projects module is another's: only its row, for links). */
export async function aProject(
  db: Database,
  organisationId: string,
  visibility: Visibility,
  title: string,
): Promise<string> {
  const [row] = await db
    .insert(projects)
    .values({ organisationId, title, visibility })
    .returning({ id: projects.id });
  return row!.id;
}
