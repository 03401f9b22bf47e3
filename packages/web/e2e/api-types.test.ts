/**
 * The committed API types (src/api/schema.d.ts) match what the built server's OpenAPI document
 * generates now (scripts/api-types-lib.js): a changed route schema must come with regenerated types.
 * Runs in the unit project (it needs the built server, not a browser).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/** scripts/api-types-lib.js (plain JavaScript, so imported by address and typed here). */
const LIB = new URL('../../../scripts/api-types-lib.js', import.meta.url).href;

it('src/api/schema.d.ts is what the server generates now', async () => {
  const { apiTypes } = (await import(/* @vite-ignore */ LIB)) as { apiTypes: () => Promise<string> };
  const generated = await apiTypes();
  const committed = readFileSync(new URL('../src/api/schema.d.ts', import.meta.url), 'utf8');
  if (committed === generated) return;
  const ours = committed.split('\n');
  const theirs = generated.split('\n');
  const line = ours.findIndex((text, i) => text !== theirs[i]);
  const at = line === -1 ? ours.length : line;
  expect.fail(
    'packages/web/src/api/schema.d.ts is out of date with the server’s routes: run `npx tsc -b packages/server ' +
      '&& node scripts/api-types.js` and commit the result.\n' +
      `First difference at line ${at + 1}:\n  committed: ${ours[at] ?? '(end of file)'}\n  generated: ${theirs[at] ?? '(end of file)'}`,
  );
}, 60_000);
