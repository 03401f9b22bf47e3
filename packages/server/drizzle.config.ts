// drizzle-kit's configuration: `npm run db:generate -w @groundswell/server` compares the schema
// with the last migration's snapshot and writes the next SQL migration into ./drizzle.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
