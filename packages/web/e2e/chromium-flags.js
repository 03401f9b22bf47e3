// Chromium's flags, for the e2e tests (context.ts) and the web benchmark (scripts/bench-web.js):
// headless, no sandbox (containers, root), and no network of its own. Plain JavaScript so that the
// benchmark (a Node script) can import it; chromium-flags.d.ts gives its type to TypeScript.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
