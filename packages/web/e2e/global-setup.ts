/**
 * Vitest global setup of the `e2e` project (after scripts/vitest-global-setup.ts has built the CLI
 * and the web app): starts ONE Groundswell server and ONE Chromium for the whole run and provides
 * their addresses to every e2e file (`inject('e2e')`); stops both at the end.
 *
 * - The server is the built CLI, `node packages/cli/dist/bin.js serve`, on a free port, with a fresh
 *   data folder (so the demo data load, about 20 s) and the web build of GROUNDSWELL_WEB_DIR
 *   (default packages/web/dist). GROUNDSWELL_E2E_DATA_DIR names a data folder to keep and reuse
 *   instead (faster reruns while writing tests).
 * - Chromium runs as a Playwright browser server (`launchServer`); each e2e file, in its own worker,
 *   connects to it. Without /usr/bin/chromium nothing starts and every e2e test fails, saying how to
 *   install it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { webDir } from '../../../scripts/vitest-global-setup';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING } from './context';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The first start loads the demo data: about 20 s alone, a minute or more on a busy machine. */
const READY_TIMEOUT_MS = 300_000;
/** How much of the server's output to keep for an error message. */
const KEEP_CHARS = 20_000;

interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `groundswell serve` and resolves with its URL once it logs "Groundswell ready at URL". */
async function startServer(web: string, dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [join(root, 'packages/cli/dist/bin.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      GROUNDSWELL_DATA_DIR: dataDir,
      GROUNDSWELL_WEB_DIR: web,
      // email.e2e.test.ts waits for a notification's email: send every second, not every 30.
      GROUNDSWELL_MAIL_INTERVAL_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The output is always read (a full pipe would stall the server), and its end kept for messages.
  let output = '';
  let onOutput = (): void => undefined;
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-KEEP_CHARS);
    onOutput();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`the Groundswell server was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output}`),
      );
    }, READY_TIMEOUT_MS);
    onOutput = () => {
      const match = /Groundswell ready at (http:\/\/[^\s"]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      onOutput = () => undefined;
      resolve(match[1]!);
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the Groundswell server exited (code ${code}) before it was ready:\n${output}`));
    });
  });
  void exited.then((code) => {
    if (!stopping) console.error(`the Groundswell server under test stopped (code ${code}):\n${output}`);
  });
  return {
    url,
    stop: async () => {
      stopping = true;
      await stopProcess(child, exited);
    },
  };
}

/** SIGTERM, then SIGKILL if it has not exited after 15 s. */
async function stopProcess(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    console.error(`\n${CHROMIUM_MISSING}\n`);
    project.provide('e2e', { ok: false, problem: CHROMIUM_MISSING });
    return () => Promise.resolve();
  }
  const web = webDir();
  if (!existsSync(join(web, 'index.html'))) {
    throw new Error(
      `There is no web build at ${web} (no index.html). Run the tests without GROUNDSWELL_SKIP_BUILD=1 ` +
        '(they build it), or build it: npm run build.',
    );
  }
  const kept = process.env.GROUNDSWELL_E2E_DATA_DIR?.trim() || undefined;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'groundswell-e2e-'));
  const cleanups: (() => Promise<void>)[] = [];
  if (!kept) cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const [browser, server] = await Promise.allSettled([
    chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
    startServer(web, dataDir),
  ]);
  if (server.status === 'fulfilled') cleanups.unshift(() => server.value.stop());
  if (browser.status === 'fulfilled') cleanups.unshift(() => browser.value.close());
  if (browser.status === 'rejected' || server.status === 'rejected') {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    if (browser.status === 'rejected') {
      throw new Error(`Chromium (${CHROMIUM}) did not start: ${String(browser.reason)}`);
    }
    throw (server as PromiseRejectedResult).reason;
  }
  project.provide('e2e', { ok: true, baseUrl: server.value.url, wsEndpoint: browser.value.wsEndpoint() });
  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}
