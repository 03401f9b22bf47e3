import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseConfigFromEnv, DEFAULT_DATA_DIR } from './open.js';

describe('databaseConfigFromEnv', () => {
  it('defaults to PGlite in ./data/db', () => {
    expect(databaseConfigFromEnv({})).toEqual({ engine: 'pglite', dataDir: resolve(DEFAULT_DATA_DIR) });
    expect(DEFAULT_DATA_DIR).toBe('./data/db');
  });

  it('uses GROUNDSWELL_DATA_DIR for PGlite', () => {
    expect(databaseConfigFromEnv({ GROUNDSWELL_DATA_DIR: '/var/lib/groundswell' })).toEqual({
      engine: 'pglite',
      dataDir: '/var/lib/groundswell',
    });
    expect(databaseConfigFromEnv({ GROUNDSWELL_DATA_DIR: '  ' })).toMatchObject({
      dataDir: resolve(DEFAULT_DATA_DIR),
    });
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, whatever the data folder', () => {
    expect(
      databaseConfigFromEnv({
        DATABASE_URL: 'postgres://gs@db:5432/groundswell',
        GROUNDSWELL_DATA_DIR: '/data',
        DATABASE_POOL_MAX: '20',
      }),
    ).toEqual({ engine: 'postgres', url: 'postgres://gs@db:5432/groundswell', poolMax: 20 });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://db/x' })).toEqual({
      engine: 'postgres',
      url: 'postgres://db/x',
      poolMax: undefined,
    });
  });

  it('refuses a pool size that is not a positive whole number', () => {
    expect(() =>
      databaseConfigFromEnv({ DATABASE_URL: 'postgres://db/x', DATABASE_POOL_MAX: 'lots' }),
    ).toThrow(/DATABASE_POOL_MAX/);
  });
});
