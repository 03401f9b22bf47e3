/**
 * `groundswell import` as a real process: through a running server (`--server`, with a personal
 * API token), then straight into the same embedded database once the server has stopped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './test-support/run-cli.js';
import { bin, serveProcess } from './test-support/serve-process.js';
import { adminToken } from './test-support/server-token.js';

async function post(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Record<string, unknown>;
}

/** The CLI as a process that does not block this one (the server answers in another process). */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

describe('groundswell import', () => {
  it('imports through a server, then into the database directly; problems are listed and nothing is written', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'db');
    const good = join(dir, 'falls.csv');
    writeFileSync(good, 'Month,Ward,Falls\n2024-01,Ward 10,4\n2024-02,Ward 10,2\n2024-03,Ward 10,5\n');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Month,Ward,Falls\n2024-04,Ward 10,4\n2024-13,Ward 10,x\n2024-05,Ward 11,1\n');

    const server = await serveProcess(dataDir);
    try {
      const token = await adminToken(server);
      const withToken = { GROUNDSWELL_TOKEN: token };
      const trust = await post(`${server.url}/api/v1/organisations`, token, {
        odsCode: 'RX1',
        name: 'Test Trust',
        kind: 'provider',
      });
      await post(`${server.url}/api/v1/organisations/RX1/units`, token, { kind: 'ward', name: 'Ward 10' });
      await post(`${server.url}/api/v1/measures`, token, {
        ownerOrganisationId: trust.id,
        code: 'falls',
        name: 'Inpatient falls',
        dataType: 'count',
        chartType: 'c',
        domain: 'safety',
        frequency: 'month',
      });
      const args = ['import', good, '--organisation', 'rx1', '--measure', 'falls', '--server', server.url];
      // No token, or a bad one: refused, saying how to make one; nothing is imported.
      const noToken = await cli(args, { GROUNDSWELL_TOKEN: '' });
      expect(noToken.status).toBe(2);
      expect(noToken.stderr).toContain('--server needs a personal API token');
      expect(noToken.stderr).toContain('Your API tokens');
      expect(noToken.stderr).toContain('GROUNDSWELL_TOKEN');
      const badToken = await cli(args, { GROUNDSWELL_TOKEN: 'gs_not-a-real-token' });
      expect(badToken.status).toBe(1);
      expect(badToken.stderr).toContain('the server refused the API token (401');
      expect(badToken.stderr).toContain('POST /api/v1/auth/tokens');
      const tokenFile = join(dir, 'token');
      writeFileSync(tokenFile, 'gs_not-a-real-token\n');
      const badFile = await cli([...args, '--token-file', tokenFile], withToken);
      expect(badFile.stderr).toContain('the server refused the API token (401');

      writeFileSync(tokenFile, `${token}\n`);
      const viaServer = await cli([...args, '--token-file', tokenFile], { GROUNDSWELL_TOKEN: '' });
      expect(viaServer.stderr).toBe('');
      expect(viaServer.stdout).toBe(`${good}: added 3, changed 0, left 0 unchanged; 1 new series\n`);
      expect(viaServer.status).toBe(0);

      const refused = await cli(
        [
          'import',
          bad,
          '--organisation',
          'RX1',
          '--measure',
          'falls',
          '--value',
          'Falls',
          '--server',
          server.url,
        ],
        withToken,
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${bad}: Row 3, column "Month": "2024-13" is not a date`);
      expect(refused.stderr).toContain(`${bad}: Row 3, column "Falls": "x" is not a number`);
      expect(refused.stderr).toContain(`${bad}: Row 4, column "Ward": RX1 has no unit named "Ward 11"`);
      expect(refused.stderr).toContain(`${bad}: 3 problems; nothing was written`);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }

    // Straight into the embedded database (the server has stopped: it can be open in one process only).
    const env = { GROUNDSWELL_DATA_DIR: dataDir, DATABASE_URL: '' };
    const dryRun = await cli(
      ['import', good, '--organisation', 'RX1', '--measure', 'falls', '--dry-run'],
      env,
    );
    expect(dryRun.stdout).toMatch(
      /: would add 0, change 0, leave 3 unchanged \(the same file was imported before as falls\.csv on \d{4}-\d{2}-\d{2}\) \(dry run: nothing written\)\n$/,
    );
    expect(dryRun.status).toBe(0);
    writeFileSync(good, 'Month,Ward,Falls\n2024-01,Ward 10,4\n2024-02,Ward 10,3\n2024-04,Ward 10,1\n');
    const changed = await cli(['import', good, '--organisation', 'RX1', '--measure', 'falls'], env);
    expect(changed.stdout).toBe(`${good}: added 1, changed 1, left 1 unchanged\n`);

    const usage = spawnSync(process.execPath, [bin, 'import', good], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('give --organisation <ODS code>, or --national');
    const identifiers = join(dir, 'patients.csv');
    writeFileSync(identifiers, 'Month,NHS number,Falls\n2024-01,,1\n');
    const refusedFile = await cli(
      ['import', identifiers, '--organisation', 'RX1', '--measure', 'falls'],
      env,
    );
    expect(refusedFile.status).toBe(1);
    expect(refusedFile.stderr).toContain('"NHS number" looks like an NHS number');
  }, 120_000);
});
