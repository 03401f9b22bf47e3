/**
 * @module errors
 * Errors the CLI reports to the user: a message that says what and where, and an exit code.
 */

export class CliError extends Error {
  override readonly name = 'CliError';
  /** 2 for a usage error, 1 for bad input. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** "row 18, column "value"" — rows are numbered as a spreadsheet shows them (header = row 1). */
export function where(row: number, column: string): string {
  return `row ${row}, column "${column}"`;
}
