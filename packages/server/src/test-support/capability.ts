/**
 * @module test-support/capability
 * The world of the capability tests: a trust with a division (Medicine) holding two wards, its
 * people of each role as request headers (read-write API tokens), a person of another trust, and a
 * helper that defines a four-level curriculum through the API.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createToken } from '../auth/tokens.js';
import { memberships, staffUnits, users } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { createOrganisation } from '../organisations/repository.js';
import { createUnit } from '../units/repository.js';

/** A person: their id, name, email and the headers of a request as them. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly headers: Record<string, string>;
}

/** A person with a role in an organisation (and a unit they work in, `since` a day). */
export async function aPerson(
  db: Database,
  name: string,
  organisationId: string,
  role: Role,
  work?: { unitId: string; since: string; leads?: boolean },
): Promise<Person> {
  const email = `${name.replace(/\W+/g, '.').toLowerCase()}.${randomUUID().slice(0, 8)}@capability.test`;
  const [user] = await db
    .insert(users)
    .values({ email, displayName: name, status: 'active' })
    .returning({ id: users.id });
  await db.insert(memberships).values({
    userId: user!.id,
    organisationId,
    role,
    unitId: role === 'unit_lead' ? (work?.unitId ?? null) : null,
  });
  if (work !== undefined && role !== 'unit_lead') {
    await db
      .insert(staffUnits)
      .values({ userId: user!.id, organisationId, unitId: work.unitId, since: work.since });
  }
  const { token } = await createToken(
    db,
    user!.id,
    { name: 'tests', scopes: ['read', 'write'], expiresAt: null },
    new Date(),
  );
  return { id: user!.id, name, email, headers: { authorization: `Bearer ${token}` } };
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
export async function capabilityWorld(db: Database) {
  const code = (): string => `C${randomBytes(4).toString('hex').toUpperCase()}`;
  const a = await createOrganisation(db, { odsCode: code(), name: 'Training Trust', kind: 'provider' });
  const b = await createOrganisation(db, { odsCode: code(), name: 'Other Trust', kind: 'provider' });
  const medicine = await createUnit(db, { organisationId: a.id, kind: 'division', name: 'Medicine' });
  const ward7 = await createUnit(db, {
    organisationId: a.id,
    parentId: medicine.id,
    kind: 'ward',
    name: 'Ward 7',
  });
  const ward8 = await createUnit(db, {
    organisationId: a.id,
    parentId: medicine.id,
    kind: 'ward',
    name: 'Ward 8',
  });
  const people = {
    qiLead: await aPerson(db, 'QI Lead', a.id, 'qi_lead'),
    admin: await aPerson(db, 'Admin Ada', a.id, 'administrator'),
    nurse: await aPerson(db, 'Nurse Nia', a.id, 'staff', { unitId: ward7.id, since: '2024-01-01' }),
    porter: await aPerson(db, 'Porter Pat', a.id, 'staff', { unitId: ward8.id, since: '2024-01-01' }),
    coach: await aPerson(db, 'Coach Cora', a.id, 'staff'),
    executive: await aPerson(db, 'Exec Eve', a.id, 'executive'),
    other: await aPerson(db, 'Other Olly', b.id, 'administrator'),
  };
  return { a, b, medicine, ward7, ward8, people };
}

/** The curriculum's courses by code, and its levels by name. */
export interface Curriculum {
  readonly levels: Record<string, string>;
  readonly courses: Record<string, string>;
}

/**
 * Defines a curriculum through the API as `headers`: foundation (F1, F2, optional F3),
 * practitioner (P1), advanced (A1) and coach (C1).
 */
export async function defineCurriculum(
  app: Api,
  ref: string,
  headers: Record<string, string>,
): Promise<Curriculum> {
  const levels: Record<string, string> = {};
  const courses: Record<string, string> = {};
  const plan = [
    [
      'foundation',
      1,
      [
        ['F1', true],
        ['F2', true],
        ['F3', false],
      ],
    ],
    ['practitioner', 2, [['P1', true]]],
    ['advanced', 3, [['A1', true]]],
    ['coach', 4, [['C1', true]]],
  ] as const;
  for (const [name, rank, list] of plan) {
    const level = await app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${ref}/curriculum/levels`,
      headers,
      payload: { name, rank, description: `The ${name} level` },
    });
    expect(level.statusCode, level.body).toBe(201);
    levels[name] = level.json<{ id: string }>().id;
    for (const [courseCode, required] of list) {
      const course = await app.inject({
        method: 'POST',
        url: `/api/v1/curriculum-levels/${levels[name]}/courses`,
        headers,
        payload: { code: courseCode, title: `Course ${courseCode}`, required },
      });
      expect(course.statusCode, course.body).toBe(201);
      courses[courseCode] = course.json<{ id: string }>().id;
    }
  }
  return { levels, courses };
}
