import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('loadConfig({}) gives the defaults: 127.0.0.1:3000, info, PGlite in ./data/db', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      logLevel: 'info',
      database: { engine: 'pglite', dataDir: resolve('./data/db') },
      auth: { publicUrl: 'http://localhost:3000' },
      mailIntervalMs: 30_000,
    });
  });

  it('loadConfig(env) reads HOST, PORT, LOG_LEVEL, GROUNDSWELL_DATA_DIR; blank values count as absent', () => {
    expect(
      loadConfig({
        HOST: '0.0.0.0',
        PORT: '8080',
        LOG_LEVEL: 'warn',
        GROUNDSWELL_DATA_DIR: '/srv/gs',
        DATABASE_URL: ' ',
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 8080,
      logLevel: 'warn',
      database: { engine: 'pglite', dataDir: '/srv/gs' },
      auth: { publicUrl: 'http://localhost:8080' },
      mailIntervalMs: 30_000,
    });
  });

  it('loadConfig(env) reads the sign-in rules: time-outs in minutes and hours, cookie and demo flags', () => {
    expect(
      loadConfig({
        GROUNDSWELL_SESSION_IDLE_MINUTES: '15',
        GROUNDSWELL_SESSION_MAX_HOURS: '8',
        GROUNDSWELL_SECURE_COOKIE: 'false',
        GROUNDSWELL_DEMO_SIGN_IN: 'false',
      }).auth,
    ).toEqual({
      idleMs: 15 * 60_000,
      absoluteMs: 8 * 3_600_000,
      secureCookie: false,
      demoSignIn: false,
      publicUrl: 'http://localhost:3000',
    });
    expect(() =>
      loadConfig({ GROUNDSWELL_SECURE_COOKIE: 'yes', GROUNDSWELL_SESSION_IDLE_MINUTES: '0' }),
    ).toThrow(/GROUNDSWELL_SESSION_IDLE_MINUTES[\s\S]*GROUNDSWELL_SECURE_COOKIE: must be true or false/);
  });

  it('loadConfig(env) reads GROUNDSWELL_SECRET_KEY (32 bytes) and GROUNDSWELL_MAIL_INTERVAL_SECONDS', () => {
    const hex = 'ab'.repeat(32);
    const config = loadConfig({ GROUNDSWELL_SECRET_KEY: hex, GROUNDSWELL_MAIL_INTERVAL_SECONDS: '0' });
    expect(config.secretKey?.toString('hex')).toBe(hex);
    expect(config.mailIntervalMs).toBe(0);
    expect(() =>
      loadConfig({ GROUNDSWELL_SECRET_KEY: 'hunter2', GROUNDSWELL_MAIL_INTERVAL_SECONDS: 'often' }),
    ).toThrow(
      /GROUNDSWELL_SECRET_KEY: must be 32 bytes as 64 hex digits[\s\S]*GROUNDSWELL_MAIL_INTERVAL_SECONDS: must be a number/,
    );
  });

  it('loadConfig(env) reads GROUNDSWELL_PUBLIC_URL, an origin without a path (single sign-on’s callback)', () => {
    expect(loadConfig({ GROUNDSWELL_PUBLIC_URL: 'https://gs.example.nhs.uk/' }).auth?.publicUrl).toBe(
      'https://gs.example.nhs.uk',
    );
    expect(loadConfig({ GROUNDSWELL_PUBLIC_URL: 'https://gs.example.nhs.uk/' }).publicOrigin).toBe(
      'https://gs.example.nhs.uk',
    );
    expect(() => loadConfig({ GROUNDSWELL_PUBLIC_URL: 'https://gs.example.nhs.uk/app' })).toThrow(
      /GROUNDSWELL_PUBLIC_URL: must be an origin only/,
    );
    expect(() => loadConfig({ GROUNDSWELL_PUBLIC_URL: 'ftp://gs.example.nhs.uk' })).toThrow(
      /GROUNDSWELL_PUBLIC_URL: must be an http/,
    );
  });

  it('loadConfig(env) with DATABASE_URL chooses the PostgreSQL server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/gs', DATABASE_POOL_MAX: '20' }).database).toEqual(
      {
        engine: 'postgres',
        url: 'postgres://u@db:5432/gs',
        poolMax: 20,
      },
    );
  });

  it('loadConfig(env) lists every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x/y', DATABASE_POOL_MAX: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'PORT',
      'LOG_LEVEL',
      'DATABASE_URL',
      'DATABASE_POOL_MAX',
    ]);
    expect((error as ConfigError).message).toContain(
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
    );
  });
});
