import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

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
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/web/src/**/*.test.tsx',
      'packages/web/e2e/**/*.test.ts',
    ],
    environment: 'node',
    globalSetup: ['scripts/vitest-global-setup.ts'],
    // CI also writes a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    env: { TZ: 'UTC' },
    // Database suites (packages/server) start PGlite in beforeAll: seconds, not milliseconds.
    hookTimeout: 60_000,
  },
});
