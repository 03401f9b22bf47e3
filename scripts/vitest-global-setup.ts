// Builds what the tests run, once per test run: packages/cli (with the server) for the tests that run
// the real `dist/bin.js`, and, when end-to-end tests run (the `e2e` project), the web app with Vite.
//
// The web app is built into GROUNDSWELL_WEB_DIR when it is set (the e2e server then serves it from
// there), otherwise into packages/web/dist, the real output. GROUNDSWELL_SKIP_BUILD=1 builds nothing.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where the e2e tests' web build goes and is served from. */
export function webDir(): string {
  const dir = process.env.GROUNDSWELL_WEB_DIR?.trim();
  return dir ? resolve(root, dir) : `${root}packages/web/dist`;
}

// Both projects list this file; global setups run in the main process, so an environment variable
// remembers, for the whole run, what was built already.
const BUILT = 'GROUNDSWELL_TEST_BUILT';
const built = (what: string): boolean => (process.env[BUILT] ?? '').split(',').includes(what);
const markBuilt = (what: string): void => {
  process.env[BUILT] = [process.env[BUILT], what].filter(Boolean).join(',');
};

function run(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}): void {
  execFileSync(process.execPath, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
}

export default function setup(project: TestProject): void {
  // Running only tests that need no build (the server's, say) while dist is out of date.
  if (process.env.GROUNDSWELL_SKIP_BUILD === '1') return;
  if (!built('cli')) {
    run([`${root}node_modules/typescript/bin/tsc`, '-b', 'packages/cli']);
    markBuilt('cli');
  }
  if (project.name === 'e2e' && !built('web')) {
    run(
      [
        `${root}node_modules/vite/bin/vite.js`,
        'build',
        '--outDir',
        webDir(),
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      `${root}packages/web`,
      // Vitest sets NODE_ENV=test, with which Vite would bundle React's development build.
      { NODE_ENV: 'production' },
    );
    markBuilt('web');
  }
}
