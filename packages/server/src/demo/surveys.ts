/**
 * @module demo/surveys
 * The demo trust's staff Friends and Family style survey, "Would you recommend this ward as a place
 * to work?", with a link per ward for its first three wards and eighteen months of synthetic
 * anonymous answers: most ward-months with 6 to 14 answers, some with fewer than five (so the
 * results page shows suppression, and the published measure has gaps where a group was too small),
 * and a few comments. The finished months are published into the survey's measure like any
 * survey's. Adding it twice adds nothing.
 */
import { and, eq } from 'drizzle-orm';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { surveyLinks, surveyResponses, surveys } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { createSurveyMeasure } from '../surveys/publish.js';
import { insertSurvey } from '../surveys/repository.js';
import { publishResults } from '../surveys/service.js';
import { firstWards, seeded } from './synthetic.js';

/** The demo survey's title (how a second load knows it is there). */
export const DEMO_SURVEY_TITLE =
  'Staff Friends and Family: recommend your ward as a place to work (synthetic demo data)';

const MONTHS = 18;

const COMMENTS = [
  'The new handover sheet has made night shifts calmer.',
  'Short-staffed most weekends; breaks get missed.',
  'Good team, supportive sister.',
  'Would like more time for training.',
  'Huddles every morning help a lot.',
] as const;

/** The first day of the month `monthsAgo` months before this one, `YYYY-MM-01`. */
function monthStart(monthsAgo: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1))
    .toISOString()
    .slice(0, 10);
}

/** Adds the survey with its answers to the demo trust; false when it was there (or no wards). */
export async function addDemoSurvey(db: Database, trustId: string): Promise<boolean> {
  const [existing] = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.organisationId, trustId), eq(surveys.title, DEMO_SURVEY_TITLE)));
  if (existing !== undefined) return false;
  const wards = await firstWards(db, trustId, 3);
  if (wards.length === 0) return false;
  const random = seeded(2026);
  const survey = await db.transaction(async (tx) => {
    const question = 'Would you recommend this ward as a place to work?';
    const measure = await createSurveyMeasure(
      tx,
      trustId,
      { kind: 'staff', title: DEMO_SURVEY_TITLE, question },
      'demo-staff-fft',
    );
    const created = await insertSurvey(tx, {
      organisationId: trustId,
      kind: 'staff',
      title: DEMO_SURVEY_TITLE,
      question,
      minGroup: 5,
      measureId: measure.id,
    });
    for (const ward of wards) {
      await tx.insert(surveyLinks).values({
        surveyId: created.id,
        organisationId: trustId,
        unitId: ward.id,
        // A link nobody holds (its token is not kept): the demo's answers are synthetic.
        tokenHash: hashSecret(newSecret()),
      });
    }
    const rows: (typeof surveyResponses.$inferInsert)[] = [];
    for (const [w, ward] of wards.entries()) {
      // Each ward a little different: one improving, one steady, one small and often suppressed.
      const base = [0.62, 0.78, 0.7][w]!;
      for (let ago = MONTHS - 1; ago >= 0; ago--) {
        const period = monthStart(ago);
        const size = w === 2 && ago % 3 === 0 ? 2 + Math.floor(random() * 3) : 6 + Math.floor(random() * 9);
        const chance = Math.min(0.95, base + (w === 0 ? (MONTHS - ago) * 0.012 : 0));
        for (let i = 0; i < size; i++) {
          const roll = random();
          const recommend = roll < 0.06 ? null : random() < chance;
          const comment = random() < 0.08 ? COMMENTS[Math.floor(random() * COMMENTS.length)]! : '';
          rows.push({
            surveyId: created.id,
            unitId: ward.id,
            period,
            recommend,
            comment,
            answeredOn: period,
          });
        }
      }
    }
    await tx.insert(surveyResponses).values(rows);
    return created;
  });
  await publishResults(db, survey, new Date());
  return true;
}
