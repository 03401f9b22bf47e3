/**
 * A database for a benchmark to fill and throw away: PGlite in a new temporary folder, or a new
 * database on `DATABASE_URL`'s PostgreSQL server, dropped by `cleanup`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/open.js';
import type { DatabaseHandle } from '../db/types.js';

/** Opens a scratch database on `engine` (`pglite` or `postgres`); `cleanup` closes nothing, it deletes. */
export async function scratchDatabase(
  engine: string,
  label: string,
): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), `groundswell-bench-${label}-`));
    const handle = await openDatabase({ engine: 'pglite', dataDir });
    return { handle, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `groundswell_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const handle = await openDatabase({ engine: 'postgres', url: scratch.toString() });
  return {
    handle,
    cleanup: async () => {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}
