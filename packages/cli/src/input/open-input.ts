/**
 * @module input/open-input
 * The CSV to read: a file, or standard input for `-`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CliError } from '../errors.js';

export function openInput(file: string | undefined): Readable {
  if (file === undefined || file === '-') return process.stdin;
  if (!existsSync(file)) throw new CliError(`No such file: ${file}`);
  if (statSync(file).isDirectory()) throw new CliError(`${file} is a folder, not a CSV file`);
  return createReadStream(file, { highWaterMark: 1 << 20 });
}
