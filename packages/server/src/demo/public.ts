/**
 * @module demo/public
 * The demo trust's public page settings: a few words of introduction and the Open Government
 * Licence for its published series (the A&E measures, public by the bundled data set's licence).
 * Written once: a profile already there is kept.
 */
import { publicProfiles } from '../db/schema.js';
import type { Database } from '../db/types.js';

/** The demo trust's introduction. */
export const DEMO_INTRODUCTION =
  'We publish how long patients wait in our emergency departments, and how many are admitted, every month. ' +
  'Each chart says in plain English whether things are really changing or just going up and down by chance.\n\n' +
  'These are demonstration pages built from NHS England’s published A&E figures.';

/** Adds the demo trust's public profile unless it has one. */
export async function addDemoPublicProfile(db: Database, trustId: string): Promise<void> {
  await db
    .insert(publicProfiles)
    .values({ organisationId: trustId, introduction: DEMO_INTRODUCTION, licence: 'OGL-UK-3.0' })
    .onConflictDoNothing();
}
