/**
 * @module db/migrate
 * Applying the committed migrations (packages/server/drizzle) at start-up.
 */
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './types.js';

/** The SQL migrations drizzle-kit wrote (the same folder from `src/db` and from `dist/db`). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Applies every migration not yet applied, each in order, in one transaction (drizzle's
 * migrator, which records them in `drizzle.__drizzle_migrations`). Safe to run at every start,
 * and from several servers at once on PostgreSQL (an advisory lock serialises them).
 */
export async function migrate(
  handle: DatabaseHandle,
  migrationsFolder: string = MIGRATIONS_FOLDER,
): Promise<void> {
  await handle.migrate(migrationsFolder);
}
