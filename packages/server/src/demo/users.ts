/**
 * @module demo/users
 * The demo users: one per role at the demo trust, clearly named as demo users, with no password
 * (they sign in through the demo sign-in, which works only on a database holding the demo data
 * and no real accounts; see auth/sign-in.ts). Adding them twice adds nothing.
 */
import { and, eq } from 'drizzle-orm';
import { memberships, units, users } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';

/** A demo user: their role at the demo trust. `.invalid` addresses can never receive mail. */
export interface DemoUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'demo.staff@groundswell.invalid', displayName: 'Demo ward nurse (staff)', role: 'staff' },
  { email: 'demo.improver@groundswell.invalid', displayName: 'Demo analyst (improver)', role: 'improver' },
  {
    email: 'demo.unitlead@groundswell.invalid',
    displayName: 'Demo ward sister (unit lead)',
    role: 'unit_lead',
  },
  { email: 'demo.qilead@groundswell.invalid', displayName: 'Demo QI lead', role: 'qi_lead' },
  {
    email: 'demo.executive@groundswell.invalid',
    displayName: 'Demo chief executive (board)',
    role: 'executive',
  },
  { email: 'demo.admin@groundswell.invalid', displayName: 'Demo administrator', role: 'administrator' },
];

/** Adds the demo users to the demo trust (the unit lead leads its first ward); returns how many were new. */
export async function addDemoUsers(db: Database, trustId: string): Promise<number> {
  const [ward] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, trustId), eq(units.kind, 'ward')))
    .orderBy(units.name)
    .limit(1);
  let added = 0;
  for (const demo of DEMO_USERS) {
    const unitId = demo.role === 'unit_lead' ? (ward?.id ?? null) : null;
    if (demo.role === 'unit_lead' && unitId === null) continue;
    const [user] = await db
      .insert(users)
      .values({ email: demo.email, displayName: demo.displayName, status: 'active', demo: true })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (user === undefined) continue;
    await db
      .insert(memberships)
      .values({ userId: user.id, organisationId: trustId, role: demo.role, unitId });
    added++;
  }
  return added;
}
