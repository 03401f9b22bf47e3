import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ObservationInput } from '../observations/input.js';
import { readSeries, upsertObservations } from '../observations/repository.js';
import { createOrganisation, getOrganisationByOdsCode } from '../organisations/repository.js';
import { aSeries, USER } from '../test-support/fixtures.js';
import { describeEachEngine, freshPostgres, withDatabase } from '../test-support/database.js';
import { migrate, MIGRATIONS_FOLDER } from './migrate.js';
import { databaseConfigFromEnv, openDatabase } from './open.js';
import { queryRows } from './sql.js';
import type { Database } from './types.js';

async function journalLength(): Promise<number> {
  const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

async function appliedMigrations(db: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row!.n;
}

describeEachEngine('migrations', ({ handle }) => {
  it('are all applied, and applying them again changes nothing', async () => {
    const expected = await journalLength();
    expect(await appliedMigrations(handle().db)).toBe(expected);
    await migrate(handle());
    expect(await appliedMigrations(handle().db)).toBe(expected);
  });
});

describe('PGlite in a data folder', () => {
  it('creates the folder, migrates, and keeps the data across a restart', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'groundswell-db-')), 'db');
    try {
      const first = await openDatabase(databaseConfigFromEnv({ GROUNDSWELL_DATA_DIR: dataDir }));
      expect(first).toMatchObject({ engine: 'pglite', location: dataDir });
      await migrate(first);
      await createOrganisation(first.db, { odsCode: 'RF4', name: 'Kept Trust', kind: 'provider' });
      await first.close();

      const second = await openDatabase({ engine: 'pglite', dataDir });
      await migrate(second);
      expect(await getOrganisationByOdsCode(second.db, 'RF4')).toMatchObject({ name: 'Kept Trust' });
      expect(await appliedMigrations(second.db)).toBe(await journalLength());
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL server', () => {
  it('lets several servers migrate a new database at once', async () => {
    const { handle, drop } = await freshPostgres();
    try {
      // A second database, left unmigrated, migrated by three pools at once.
      const name = `${new URL(handle.location).pathname.slice(1)}_race`;
      await handle.db.execute(sql.raw(`create database ${name}`));
      const racers = await Promise.all(
        [1, 2, 3].map(() =>
          openDatabase({ engine: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, name) }),
        ),
      );
      try {
        await Promise.all(racers.map((racer) => migrate(racer)));
        expect(await appliedMigrations(racers[0]!.db)).toBe(await journalLength());
      } finally {
        await Promise.all(racers.map((racer) => racer.close()));
        await handle.db.execute(sql.raw(`drop database ${name} with (force)`));
      }
    } finally {
      await drop();
    }
  });

  it('two writers racing for the same new point: one wins, the other is told to try again', async () => {
    const { handle, drop } = await freshPostgres();
    try {
      const { series } = await aSeries(handle.db);
      const point = (value: number): ObservationInput[] => [
        { seriesId: series.id, period: '2024-01-01', value },
      ];
      let releaseFirst: () => void = () => undefined;
      let firstWrote: () => void = () => undefined;
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      const firstWritten = new Promise<void>((resolve) => (firstWrote = resolve));
      const first = handle.transaction(async ({ db }) => {
        const counts = await upsertObservations(db, point(1), { userId: USER });
        firstWrote();
        await firstHolds;
        return counts;
      });
      await firstWritten;
      const second = handle.transaction(({ db }) => upsertObservations(db, point(2), { userId: USER }));
      // Wait until the second writer is blocked on the first one's uncommitted row.
      for (let tries = 0; tries < 200; tries++) {
        const [row] = await queryRows<{ waiting: number }>(
          handle.db,
          sql`select count(*)::int as waiting from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (row!.waiting > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      releaseFirst();
      expect(await first).toEqual({ added: 1, changed: 0, unchanged: 0 });
      await expect(second).rejects.toMatchObject({ code: 'conflict', field: 'rows' });
      expect((await readSeries(handle.db, series.id)).map((p) => p.value)).toEqual([1]);
    } finally {
      await drop();
    }
  });

  it('reads DATABASE_URL and reports where it is without the password', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.password = 'secret';
    const handle = await openDatabase(databaseConfigFromEnv({ DATABASE_URL: url.toString() }));
    expect(handle.engine).toBe('postgres');
    expect(handle.location).not.toContain('secret');
    await handle.close();
  });
});
