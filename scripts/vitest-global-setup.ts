// Builds the packages once before the tests, so that CLI tests can run the real `dist/bin.js`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  // Running only tests that need no build (the server's, say) while dist is out of date.
  if (process.env.GROUNDSWELL_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b', 'packages/cli'], {
    cwd: root,
    stdio: 'inherit',
  });
}
