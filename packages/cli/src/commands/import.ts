/**
 * @module commands/import
 * `groundswell import FILE...`: loads CSV or Excel files of measures' data into the database
 * (DATABASE_URL, or the embedded database in GROUNDSWELL_DATA_DIR), or through a running server's
 * API (`--server`). Each file is checked row by row; with any problem nothing of it is written and
 * every problem is listed by row and column. A progress bar shows on a terminal.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type * as ServerModule from '@groundswell/server';
import type { FieldSource, ImportMapping, ImportPreview } from '@groundswell/server';
import { CliError } from '../errors.js';
import { progressBar } from '../output/progress.js';
import { importThroughServer } from './import-http.js';

const server = (): Promise<typeof ServerModule> => import('@groundswell/server');

/** The flags of `groundswell import`. */
export interface ImportFlags {
  readonly organisation?: string;
  readonly national?: boolean;
  readonly sheet?: string;
  readonly period?: string;
  readonly measure?: string;
  readonly measureColumn?: string;
  readonly unit?: string;
  readonly unitColumn?: string;
  readonly organisationColumn?: string;
  readonly value?: string;
  readonly numerator?: string;
  readonly denominator?: string;
  readonly ghost?: string;
  readonly dryRun?: boolean;
  readonly server?: string;
  /** With --server: a file holding the personal API token (else GROUNDSWELL_TOKEN). */
  readonly tokenFile?: string;
}

/** What one file's import ended as. */
export interface ImportOutcome {
  readonly status: string;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly error: string | null;
  readonly preview: ImportPreview | null;
}

/** The mapping the flags give (fields not given are guessed from the file's header). */
export function mappingFromFlags(flags: ImportFlags): Partial<ImportMapping> {
  const field = (
    column: string | undefined,
    value: string | undefined,
    name: string,
  ): FieldSource | undefined => {
    if (column !== undefined && value !== undefined) {
      throw new CliError(`give --${name} or --${name}-column, not both`, 2);
    }
    if (column !== undefined) return { column };
    if (value !== undefined) return { value };
    return undefined;
  };
  const column = (name: string | undefined): { column: string } | undefined =>
    name === undefined ? undefined : { column: name };
  const entries: [keyof ImportMapping, FieldSource | undefined][] = [
    ['period', column(flags.period)],
    ['measure', field(flags.measureColumn, flags.measure, 'measure')],
    ['unit', field(flags.unitColumn, flags.unit, 'unit')],
    ['organisation', column(flags.organisationColumn)],
    ['value', column(flags.value)],
    ['numerator', column(flags.numerator)],
    ['denominator', column(flags.denominator)],
    ['ghost', column(flags.ghost)],
  ];
  return Object.fromEntries(entries.filter(([, source]) => source !== undefined));
}

const PROBLEMS_SHOWN = 50;

/** Writes an outcome: counts on standard output, problems on standard error. Returns true if it succeeded. */
export function report(file: string, outcome: ImportOutcome, dryRun: boolean): boolean {
  const preview = outcome.preview;
  if (preview !== null && preview.problemCount > 0) {
    for (const problem of preview.problems.slice(0, PROBLEMS_SHOWN))
      process.stderr.write(`${file}: ${problem.message}\n`);
    const more = preview.problemCount - Math.min(PROBLEMS_SHOWN, preview.problems.length);
    if (more > 0) process.stderr.write(`${file}: … and ${more.toLocaleString('en-GB')} more problems\n`);
    process.stderr.write(
      `${file}: ${preview.problemCount.toLocaleString('en-GB')} problem${preview.problemCount === 1 ? '' : 's'}; nothing was written\n`,
    );
    return false;
  }
  if (outcome.status === 'failed') {
    process.stderr.write(`${file}: ${outcome.error ?? 'the import failed'}\n`);
    return false;
  }
  const counts = dryRun ? preview! : outcome;
  const series = preview === null || preview.newSeries === 0 ? '' : `; ${preview.newSeries} new series`;
  const same =
    preview !== null && preview.sameFile.length > 0
      ? ` (the same file was imported before as ${preview.sameFile[0]!.fileName} on ${preview.sameFile[0]!.startedAt.slice(0, 10)})`
      : '';
  process.stdout.write(
    `${file}: ${dryRun ? 'would add' : 'added'} ${counts.added.toLocaleString('en-GB')}, ${dryRun ? 'change' : 'changed'} ${counts.changed.toLocaleString('en-GB')}, ${dryRun ? 'leave' : 'left'} ${counts.unchanged.toLocaleString('en-GB')} unchanged${series}${same}${dryRun ? ' (dry run: nothing written)' : ''}\n`,
  );
  return true;
}

async function importDirect(
  files: readonly string[],
  flags: ImportFlags,
  mapping: Partial<ImportMapping>,
): Promise<boolean> {
  const { databaseConfigFromEnv, getOrganisationByOdsCode, importFile, migrate, openDatabase } =
    await server();
  const handle = await openDatabase(databaseConfigFromEnv());
  let ok = true;
  try {
    await migrate(handle);
    let organisationId: string | null = null;
    if (flags.organisation !== undefined) {
      const organisation = await getOrganisationByOdsCode(handle.db, flags.organisation.toUpperCase());
      if (organisation === undefined)
        throw new CliError(`no organisation has the ODS code "${flags.organisation}"`);
      organisationId = organisation.id;
    }
    for (const file of files) {
      const size = statSync(file).size;
      const bar = progressBar();
      let read = 0;
      const body = createReadStream(file);
      body.on('data', (chunk) => {
        read += chunk.length;
      });
      try {
        const finished = await importFile(handle, {
          organisationId,
          fileName: basename(file),
          body,
          sheet: flags.sheet,
          mapping,
          dryRun: flags.dryRun,
          onProgress: (rows) => {
            bar.update(
              `${flags.dryRun === true ? 'checking' : 'importing'} ${rows.toLocaleString('en-GB')} rows`,
              read,
              size,
              'bytes',
            );
          },
        });
        bar.done();
        ok = report(file, finished, flags.dryRun === true) && ok;
      } catch (error) {
        bar.done();
        if (error instanceof Error && error.name === 'DataError') {
          process.stderr.write(`${file}: ${error.message}\n`);
          ok = false;
          continue;
        }
        throw error;
      }
    }
  } finally {
    await handle.close();
  }
  return ok;
}

/**
 * Imports each file; exits 1 when any file had problems (the others are still imported: each
 * file is its own all-or-nothing import).
 */
export async function runImport(files: readonly string[], flags: ImportFlags): Promise<void> {
  if ((flags.organisation === undefined) === (flags.national !== true)) {
    throw new CliError('give --organisation <ODS code>, or --national for a file of many organisations', 2);
  }
  for (const file of files) {
    try {
      if (!statSync(file).isFile()) throw new CliError(`${file} is not a file`);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const mapping = mappingFromFlags(flags);
  const ok =
    flags.server === undefined
      ? await importDirect(files, flags, mapping)
      : await importThroughServer(flags.server, files, flags, mapping);
  if (!ok) throw new CliError('some files were not imported (see above)');
}
