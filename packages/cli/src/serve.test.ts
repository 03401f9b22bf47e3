/**
 * `groundswell serve` and `groundswell migrate` as real processes on an empty embedded database.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './test-support/run-cli.js';

const bin = join(repoRoot, 'packages/cli/dist/bin.js');

describe('groundswell serve', () => {
  it('migrates an empty embedded database, says where it is ready, answers /readyz and stops on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'db');
    const child = spawn(process.execPath, [bin, 'serve', '--no-demo'], {
      env: { ...process.env, GROUNDSWELL_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /Groundswell ready at (http:\/\/[\d.]+:\d+)/.exec(output);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 100);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`the server exited before it was ready:\n${output}`));
      });
    });
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
