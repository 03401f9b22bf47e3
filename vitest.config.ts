import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (pkg: string): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

/** End-to-end tests: a real server and a real browser (packages/web/e2e). */
const E2E = 'packages/web/e2e/**/*.e2e.test.ts';

export default defineConfig({
  // The web app's components (packages/web) use React's automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: {
      '@groundswell/spc': src('spc'),
      '@groundswell/charts': src('charts'),
      '@groundswell/server': src('server'),
    },
  },
  test: {
    environment: 'node',
    // CI also writes a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    env: { TZ: 'UTC' },
    // Two projects, each inheriting the options above (`extends: true`). Each names its own global
    // setup (none is set above: an inherited one would run once more for every project).
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/web/src/**/*.test.tsx',
            'packages/web/e2e/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, E2E],
          // Builds packages/cli (and the server) once, for the tests that run the real `dist/bin.js`.
          globalSetup: ['scripts/vitest-global-setup.ts'],
          // Database suites (packages/server) start PGlite in beforeAll: seconds, not milliseconds.
          hookTimeout: 60_000,
          // Database tests take a second or two alone, several times that on a busy 2-core machine.
          testTimeout: 20_000,
          // Two workers even on two cores (Vitest's default there is one): a file spends about half
          // its time importing and waiting on the database, when the other worker can run.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E],
          // The same global setup also builds the web app for this project; the second starts one
          // Groundswell server (with the demo data) and one Chromium for every e2e file.
          globalSetup: ['scripts/vitest-global-setup.ts', 'packages/web/e2e/global-setup.ts'],
          // One browser and one server, shared: two e2e files at a time (each in its own browser
          // contexts; axe-core keeps a core busy), after the unit tests (a higher group order), so
          // that timings inside pages do not fight the database suites.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // axe-core takes seconds on a page of charts, several times that on a busy machine.
          hookTimeout: 60_000,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
