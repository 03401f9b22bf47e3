/**
 * @module demo/capability
 * The demo trust's QI curriculum (foundation, practitioner, advanced, coach) and two years of
 * training records: synthetic members of staff (demo users who cannot sign in: only the users of
 * demo/users.ts are offered) in its first three wards, trained a little more each month, and the
 * demo ward nurse at foundation level in the first ward, so that capability by unit has SPC charts
 * to show. Published as measures like any training records. Adding it twice adds nothing.
 */
import { and, eq } from 'drizzle-orm';
import { SYSTEM } from '../auth/principal.js';
import { republish } from '../capability/publish.js';
import { readCurriculum } from '../capability/repository.js';
import {
  courseCompletions,
  courses,
  curriculumLevels,
  memberships,
  staffUnits,
  users,
} from '../db/schema.js';
import type { Database } from '../db/types.js';
import { firstWards, seeded } from './synthetic.js';

/** The demo curriculum: levels in rank order with their courses (code, title). */
export const DEMO_CURRICULUM = [
  {
    name: 'foundation',
    description: 'Knows the Model for Improvement and can take part in a PDSA cycle.',
    courses: [
      ['QI-F1', 'Introduction to quality improvement'],
      ['QI-F2', 'Measurement for improvement'],
    ],
  },
  {
    name: 'practitioner',
    description: 'Runs a small improvement project with a team, and reads SPC charts.',
    courses: [
      ['QI-P1', 'The Model for Improvement and PDSA cycles'],
      ['QI-P2', 'Statistical process control charts'],
    ],
  },
  {
    name: 'advanced',
    description: 'Leads improvement programmes across units.',
    courses: [['QI-A1', 'Leading improvement programmes']],
  },
  {
    name: 'coach',
    description: 'Coaches improvement teams and confirms others’ training.',
    courses: [['QI-C1', 'Coaching improvement teams']],
  },
] as const;

/** A day `monthsAgo` months before today (the 1st to the 28th, by `day`). */
function daysAgo(monthsAgo: number, day: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, Math.min(day, 28)));
  const iso = date.toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  return iso > today ? today : iso;
}

/** Adds the curriculum and training records to the demo trust; false when they were there. */
export async function addDemoCapability(db: Database, trustId: string): Promise<boolean> {
  if ((await readCurriculum(db, trustId)).length > 0) return false;
  const wards = await firstWards(db, trustId, 3);
  if (wards.length === 0) return false;
  await db.transaction(async (tx) => {
    const codes = new Map<string, string>();
    for (const [i, level] of DEMO_CURRICULUM.entries()) {
      const [row] = await tx
        .insert(curriculumLevels)
        .values({ organisationId: trustId, name: level.name, rank: i + 1, description: level.description })
        .returning({ id: curriculumLevels.id });
      for (const [code, title] of level.courses) {
        const [course] = await tx
          .insert(courses)
          .values({ organisationId: trustId, levelId: row!.id, code, title })
          .returning({ id: courses.id });
        codes.set(code, course!.id);
      }
    }
    const rand = seeded(20_261_126);
    const since = daysAgo(30, 1);
    const completions: (typeof courseCompletions.$inferInsert)[] = [];
    const ladder = ['QI-F1', 'QI-F2', 'QI-P1', 'QI-P2', 'QI-A1', 'QI-C1'];
    for (const [w, ward] of wards.entries()) {
      for (let n = 1; n <= 8; n++) {
        const [user] = await tx
          .insert(users)
          .values({
            email: `demo.staff${w + 1}.${n}@groundswell.invalid`,
            displayName: `Demo member of staff ${w + 1}.${n}`,
            status: 'active',
            demo: true,
          })
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id });
        if (user === undefined) continue;
        await tx.insert(memberships).values({ userId: user.id, organisationId: trustId, role: 'staff' });
        await tx
          .insert(staffUnits)
          .values({ userId: user.id, organisationId: trustId, unitId: ward.id, since });
        // Each person climbs the ladder at their own pace, starting some time in the last two years.
        let month = 24 - Math.floor(rand() * 20);
        const steps = Math.floor(rand() * (w === 0 ? 5 : 4));
        for (const code of ladder.slice(0, steps)) {
          if (month < 0) break;
          completions.push({
            courseId: codes.get(code)!,
            userId: user.id,
            completedOn: daysAgo(month, 1 + Math.floor(rand() * 27)),
            source: 'imported',
          });
          month -= 1 + Math.floor(rand() * 5);
        }
      }
    }
    const [nurse] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, trustId)))
      .where(eq(users.email, 'demo.staff@groundswell.invalid'));
    if (nurse !== undefined) {
      await tx
        .insert(staffUnits)
        .values({ userId: nurse.id, organisationId: trustId, unitId: wards[0]!.id, since });
      for (const [code, month] of [
        ['QI-F1', 14],
        ['QI-F2', 12],
      ] as const) {
        completions.push({
          courseId: codes.get(code)!,
          userId: nurse.id,
          completedOn: daysAgo(month, 10),
          source: 'imported',
        });
      }
    }
    if (completions.length > 0) await tx.insert(courseCompletions).values(completions);
    await republish(tx, SYSTEM, trustId);
  });
  return true;
}
