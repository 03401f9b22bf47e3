/**
 * `groundswell serve` and `groundswell migrate` as real processes on an empty embedded database.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './test-support/run-cli.js';
import { bin, serveProcess } from './test-support/serve-process.js';

describe('groundswell serve', () => {
  it('migrates an empty embedded database, says where it is ready, answers /readyz and stops on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'db');
    const { url, child, exited } = await serveProcess(dataDir);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    const organisations = (await (await fetch(`${url}/api/v1/organisations`)).json()) as { items: unknown[] };
    expect(organisations.items).toEqual([]);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);

  it('migrate applies the migrations and exits', () => {
    const dataDir = join(tempDir(), 'db');
    const env = { ...process.env, GROUNDSWELL_DATA_DIR: dataDir, DATABASE_URL: '' };
    const res = spawnSync(process.execPath, [bin, 'migrate'], { env, encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stderr).toContain('the database is up to date');
  }, 90_000);

  it('refuses an invalid PORT with a usage error naming it', () => {
    const dataDir = join(tempDir(), 'db');
    const res = spawnSync(process.execPath, [bin, 'serve'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '', GROUNDSWELL_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/PORT/);
    // Refused before anything was opened: no database folder was made.
    expect(existsSync(dataDir)).toBe(false);
  });
});
