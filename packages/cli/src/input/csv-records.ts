/**
 * @module input/csv-records
 * Streams a CSV's records (arrays of strings) to a callback, synchronously per chunk — much
 * cheaper than async iteration for hundreds of thousands of rows. A callback that throws stops
 * the stream, and the promise rejects with that error. Errors of the CSV itself (a row with the
 * wrong number of fields, a broken quote) become a {@link CliError} saying where reading stopped.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CliError } from '../errors.js';

/** Calls `onRecord` for every record (the header included); resolves with the number of records. */
export function forEachRecord(input: Readable, onRecord: (record: string[]) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const parser = parse({ bom: true, skip_empty_lines: true });
    let count = 0;
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      input.unpipe(parser);
      input.destroy();
      parser.destroy();
      const err = e as { code?: string; message?: string };
      reject(
        typeof err.code === 'string' && err.code.startsWith('CSV_')
          ? new CliError(`The CSV cannot be read after row ${count}: ${err.message ?? err.code}`)
          : e instanceof Error
            ? e
            : new Error(String(e)),
      );
    };
    parser.on('readable', () => {
      try {
        let record: string[] | null;
        while (!failed && (record = parser.read() as string[] | null) !== null) {
          count++;
          onRecord(record);
        }
      } catch (e) {
        fail(e);
      }
    });
    parser.on('error', fail);
    input.on('error', fail);
    parser.on('end', () => {
      if (!failed) resolve(count);
    });
    input.pipe(parser);
  });
}
