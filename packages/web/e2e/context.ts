/**
 * What the e2e global setup (global-setup.ts) hands to every e2e file through Vitest's
 * `provide`/`inject`, and the one way the tests launch a browser.
 */

/**
 * Debian's Chromium: the only browser the tests use (playwright-core never downloads one).
 * GROUNDSWELL_CHROMIUM names another Chromium binary (or a missing one, to see the tests fail).
 */
export const CHROMIUM = process.env.GROUNDSWELL_CHROMIUM?.trim() || '/usr/bin/chromium';

/** Chromium's flags (shared with the web benchmark, scripts/bench-web.js). */
export { CHROMIUM_ARGS } from './chromium-flags.js';

/** Why the e2e tests cannot run when Chromium is missing, and what to do about it. */
export const CHROMIUM_MISSING =
  `The end-to-end tests drive Debian's Chromium at ${CHROMIUM}, which is not installed. ` +
  'Install it with `apt-get install -y chromium` (as root; `apt-get update` first on a fresh machine), ' +
  'then run the tests again. No browser is ever downloaded.';

/** The shared server and browser, or why there are none. */
export type E2eContext =
  | {
      readonly ok: true;
      /** The Groundswell server under test: `http://127.0.0.1:port`. */
      readonly baseUrl: string;
      /** Chromium's Playwright server, for `chromium.connect`. */
      readonly wsEndpoint: string;
    }
  | { readonly ok: false; readonly problem: string };

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}
