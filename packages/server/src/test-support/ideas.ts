/**
 * @module test-support/ideas
 * The world of the idea and notification tests: a trust with units (a division with a ward under
 * it, and another ward), its people of each role as request headers (read-write API tokens), a
 * person of another trust and one of a commissioner the trust granted internal access.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createToken } from '../auth/tokens.js';
import { memberships, organisationGrants, users } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { createOrganisation } from '../organisations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { createUnit } from '../units/repository.js';

/** A person: their id, display name, and the headers of a request as them. */
export interface Someone {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly headers: Record<string, string>;
}

/** A person with a role in an organisation (or none), with a read-write API token. */
export async function someone(
  db: Database,
  name: string,
  membership: { organisationId: string; role: Role; unitId?: string } | null,
): Promise<Someone> {
  const email = `${name.replace(/\W+/g, '.').toLowerCase()}.${randomUUID().slice(0, 8)}@ideas.test`;
  const [user] = await db
    .insert(users)
    .values({ email, displayName: name, status: 'active' })
    .returning({ id: users.id });
  if (membership !== null) {
    await db
      .insert(memberships)
      .values({ userId: user!.id, ...membership, unitId: membership.unitId ?? null });
  }
  const { token } = await createToken(
    db,
    user!.id,
    { name: 'tests', scopes: ['read', 'write'], expiresAt: null },
    new Date(),
  );
  return { id: user!.id, displayName: name, email, headers: { authorization: `Bearer ${token}` } };
}

function organisation(db: Database, name: string, kind: 'provider' | 'commissioner'): Promise<Organisation> {
  return createOrganisation(db, { odsCode: `I${randomBytes(4).toString('hex').toUpperCase()}`, name, kind });
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
export async function ideaWorld(db: Database) {
  const a = await organisation(db, 'Ward Trust', 'provider');
  const b = await organisation(db, 'Other Trust', 'provider');
  const c = await organisation(db, 'Commissioner', 'commissioner');
  await db.insert(organisationGrants).values({ grantorId: a.id, granteeId: c.id, scope: 'internal' });
  const medicine = await createUnit(db, { organisationId: a.id, kind: 'division', name: 'Medicine' });
  const ward = await createUnit(db, {
    organisationId: a.id,
    parentId: medicine.id,
    kind: 'ward',
    name: 'Ward 7',
  });
  const surgery = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Surgical ward' });
  const member = (name: string, role: Role, unitId?: string): Promise<Someone> =>
    someone(db, name, { organisationId: a.id, role, ...(unitId === undefined ? {} : { unitId }) });
  const people = {
    nurse: await member('Nurse Nightingale', 'staff'),
    porter: await member('Porter Percival', 'staff'),
    improver: await member('Improver Iris', 'improver'),
    medicineLead: await member('Medicine Lead', 'unit_lead', medicine.id),
    surgeryLead: await member('Surgery Lead', 'unit_lead', surgery.id),
    qiLead: await member('QI Lead', 'qi_lead'),
    admin: await member('Admin Ada', 'administrator'),
    otherAdmin: await someone(db, 'Other Admin', { organisationId: b.id, role: 'administrator' }),
    commissioner: await someone(db, 'Commissioner Cal', { organisationId: c.id, role: 'qi_lead' }),
  };
  return { a, b, c, medicine, ward, surgery, people };
}

/** The request headers of each person of a world, by name. */
export function headersOf<K extends string>(
  people: Readonly<Record<K, Someone>>,
): Record<K, Record<string, string>> {
  return Object.fromEntries(Object.entries<Someone>(people).map(([k, v]) => [k, v.headers])) as Record<
    K,
    Record<string, string>
  >;
}
