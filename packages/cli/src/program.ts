/**
 * @module program
 * The `groundswell` command line: commands, flags and help.
 */
import { Command, CommanderError, Option } from 'commander';
import { runFunnel, type FunnelFlags } from './commands/funnel.js';
import { runImport, type ImportFlags } from './commands/import.js';
import { runMigrate, runServe, type ServeFlags } from './commands/serve.js';
import { runSpc } from './commands/spc.js';
import type { SpcFlags } from './commands/spc-options.js';
import { CliError } from './errors.js';

function buildProgram(): Command {
  const program = new Command('groundswell')
    .description('Groundswell: statistical process control (Making Data Count) and improvement tools')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('spc')
    .description('Analyse a CSV as SPC charts (Making Data Count) and write CSV, JSON or SVG')
    .argument('[file]', 'CSV file to read, or - for standard input', '-')
    .option('--date <col>', 'column holding the period (date, month, date-time or number)', 'date')
    .option('--value <col>', 'column holding the value', 'value')
    .option('--group <cols>', 'analyse each group separately (comma-separated columns)')
    .option('--numerator <col>', 'numerator column (p, pp, u, up charts)')
    .option('--denominator <col>', 'denominator column (p, pp, u, up charts)')
    .addOption(
      new Option('--chart <type>', 'chart type: xmr, t, g, run, p, pp (Laney p′), u, up (Laney u′), c')
        .choices(['xmr', 't', 'g', 'run', 'p', 'pp', 'u', 'up', 'c'])
        .default('xmr'),
    )
    .addOption(new Option('--preset <name>', 'method preset (default mdc)').choices(['mdc', 'nhsr']))
    .addOption(
      new Option('--direction <dir>', 'improvement direction').choices(['increase', 'decrease', 'neutral']),
    )
    .option('--target <number>', 'a constant target')
    .option('--target-col <col>', 'column holding a target per row (may change over time)')
    .option('--rebase <dates>', 'start a new partition (recalculate limits) at each date, comma-separated')
    .option('--rebase-col <col>', 'column where 1 starts a new partition')
    .option('--ghost-col <col>', 'column where 1 leaves the point out of the calculation')
    .option('--baseline <n>', 'fix the limits on the first N points')
    .option('--baseline-until <date>', 'fix the limits on the points up to this date')
    .option('--screen-outliers', 'screen moving-range outliers (default: off for mdc, on for nhsr)')
    .option('--no-screen-outliers', 'do not screen moving-range outliers')
    .option('--shift <n>', 'points in a run on one side of the mean (mdc 6, nhsr 7)')
    .option('--trend <n>', 'points in a trend (mdc 6, nhsr 7)')
    .addOption(
      new Option('--conflict <rule>', 'which side wins when a point signals both (mdc)').choices([
        'improvement',
        'concern',
      ]),
    )
    .option('--summary', 'one row per group: n, mean, limits, icons, warnings')
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'json', 'svg']).default('csv'),
    )
    .option('--out <path>', 'write to this file (svg: this folder) instead of standard output')
    .action(async (file: string, flags: SpcFlags) => {
      await runSpc(file, flags);
    });
  program
    .command('funnel')
    .description('Compare organisations on a funnel plot (no league tables): one row per unit')
    .argument('[file]', 'CSV file to read, or - for standard input', '-')
    .requiredOption('--unit <col>', 'column naming the organisation or unit')
    .requiredOption('--numerator <col>', 'numerator column (observed)')
    .requiredOption('--denominator <col>', 'denominator column (cases, expected, or exposure)')
    .addOption(
      new Option(
        '--type <type>',
        'proportion (O of n), ratio (observed ÷ expected, SHMI-style), ratio-of-counts',
      )
        .choices(['proportion', 'ratio', 'ratio-of-counts'])
        .makeOptionMandatory(),
    )
    .option('--no-overdispersion', 'do not widen the limits for overdispersion')
    .option('--limits <levels>', 'confidence levels in percent (default 95,99.8)')
    .option('--aggregate', 'add up several rows of one unit instead of refusing them')
    .option('--highlight <unit>', 'highlight one unit in the SVG (for example "my organisation")')
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'json', 'svg']).default('csv'),
    )
    .option('--out <path>', 'write to this file instead of standard output')
    .action(async (file: string, flags: FunnelFlags) => {
      await runFunnel(file, flags);
    });
  program
    .command('serve')
    .description(
      'Start the Groundswell server (HOST, PORT, DATABASE_URL or GROUNDSWELL_DATA_DIR from the environment)',
    )
    .option('--no-demo', 'do not load the bundled demo data into an empty database')
    .action(async (flags: ServeFlags) => {
      await runServe(flags);
    });

  program
    .command('import')
    .description(
      'Import CSV or Excel (.xlsx) files of measures’ data: one row per measure, unit and period. ' +
        'Each file is all or nothing; every problem is listed by row and column. Columns not named ' +
        'by the options are guessed from the header (Month, Measure, Ward, Value, Numerator, …).',
    )
    .argument('<files...>', 'CSV or .xlsx files')
    .option('--organisation <ods>', 'the organisation the data belong to (its ODS code)')
    .option('--national', 'a file of many organisations, with a column of ODS codes')
    .option('--sheet <name>', 'the worksheet of a workbook to read (default: the first)')
    .option('--period <col>', 'the column of periods (dates or months)')
    .option('--measure <code>', 'the measure of every row (its code)')
    .option('--measure-column <col>', 'the column naming each row’s measure (code or name)')
    .option('--unit <name>', 'the unit of every row (name or path "Medicine / Ward 10")')
    .option('--unit-column <col>', 'the column naming each row’s unit (empty: the organisation as a whole)')
    .option('--organisation-column <col>', 'with --national: the column of ODS codes')
    .option('--value <col>', 'the column of values (value, count and events measures)')
    .option('--numerator <col>', 'the column of numerators (proportions and rates)')
    .option('--denominator <col>', 'the column of denominators (proportions and rates)')
    .option('--ghost <col>', 'the column of ghost flags (1/true/yes leaves a point out of the calculations)')
    .option('--dry-run', 'check every row and say what would change, writing nothing')
    .option(
      '--server <url>',
      'import through a running Groundswell server (http://127.0.0.1:3000), as the person whose ' +
        'personal API token (write scope) is in GROUNDSWELL_TOKEN or --token-file',
    )
    .option(
      '--token-file <path>',
      'with --server: a file holding the API token (instead of GROUNDSWELL_TOKEN; a token is never ' +
        'an argument, which others on the machine could see). Make one on the "Your API tokens" page',
    )
    .action(async (files: string[], flags: ImportFlags) => {
      await runImport(files, flags);
    });

  program
    .command('migrate')
    .description(
      'Apply the database migrations (DATABASE_URL, or the embedded database in GROUNDSWELL_DATA_DIR)',
    )
    .action(async () => {
      await runMigrate();
    });
  return program;
}

/** Runs the CLI; resolves to the process exit code. Errors are written to standard error. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
        ? 0
        : 2;
    }
    // The server's configuration and data errors (checked by name: the server loads lazily).
    if (
      e instanceof Error &&
      (e.name === 'ConfigError' || e.name === 'DataError' || e.name === 'DatabaseInUseError')
    ) {
      process.stderr.write(`groundswell: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`groundswell: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
