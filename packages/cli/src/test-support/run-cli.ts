/**
 * Runs the built `groundswell` command as a real process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const demoCsv = join(repoRoot, 'data/demo/ae_attendances.csv');
const bin = join(repoRoot, 'packages/cli/dist/bin.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], stdin?: string): CliResult {
  const res = spawnSync(process.execPath, [bin, ...args], {
    input: stdin ?? '',
    encoding: 'utf8',
    cwd: repoRoot,
    maxBuffer: 1 << 30,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'groundswell-cli-'));

export type Row = Record<string, string>;
export const parseCsv = (text: string): Row[] => parse<Row>(text, { columns: true });
export const csvHeaderOf = (text: string): string => text.slice(0, text.indexOf('\n'));

/**
 * Runs the command with `--out` into a new folder and expects a clean failure: exit `status`, a
 * message matching `message` on standard error, nothing on standard output, and nothing at all in
 * the folder (no output file, no temporary file).
 */
export function expectCleanFailure(
  args: readonly string[],
  stdin: string,
  message: RegExp,
  status = 1,
): void {
  const dir = tempDir();
  const res = runCli([...args, '--out', join(dir, 'out.csv')], stdin);
  expect(res.status).toBe(status);
  expect(res.stderr).toMatch(message);
  expect(res.stdout).toBe('');
  expect(readdirSync(dir)).toEqual([]);
}
