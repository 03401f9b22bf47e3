#!/usr/bin/env node
/**
 * @module bin
 * Entry point of the `groundswell` command.
 */
import { main } from './program.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`groundswell spc x.csv | head`) is not an error.
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `groundswell: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 70;
  },
);
