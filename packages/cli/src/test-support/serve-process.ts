/**
 * `groundswell serve --no-demo` as a real process on an embedded database, for tests.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

/** The built command. */
export const bin = join(repoRoot, 'packages/cli/dist/bin.js');

/** A server process once it said it was ready. */
export interface ServeProcess {
  /** Where it listens: http://127.0.0.1:port. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
  /** What it has logged so far (standard output and error). */
  readonly output: () => string;
}

/** Starts the server on `dataDir` with PORT 0, and resolves when it logs that it is ready. */
export async function serveProcess(dataDir: string): Promise<ServeProcess> {
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
  return { url, child, exited, output: () => output };
}
