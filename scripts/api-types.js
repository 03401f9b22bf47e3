// Writes packages/web/src/api/schema.d.ts: TypeScript types of the HTTP API, generated from the
// server's OpenAPI document (itself generated from the routes' zod schemas), so that the web app
// depends on the API's contract, not on the server's code.
// Usage: npm run build && node scripts/api-types.js [--check]
// --check exits 1 when the committed file is out of date (CI runs it through a test).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiTypes } from './api-types-lib.js';

const target = fileURLToPath(new URL('../packages/web/src/api/schema.d.ts', import.meta.url));
const text = await apiTypes();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error(`${target} is out of date: run node scripts/api-types.js`);
    process.exit(1);
  }
  console.log('API types are current');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
