/**
 * @module imports/patient-identifiers
 * Groundswell holds aggregate data only. An upload that contains a valid NHS number, or a column
 * named like a patient identifier, is refused, saying which column and why.
 */

/**
 * Whether `text` is a valid NHS number: 10 digits (spaces or hyphens between groups allowed,
 * as in "943 476 5919") whose last digit is the modulus 11 check digit of the first nine
 * (weights 10 down to 2; 11 − remainder, where 11 means 0 and 10 means the number is invalid).
 * @example isNhsNumber('943 476 5919') // true
 */
export function isNhsNumber(text: string): boolean {
  // Every cell of a file is checked: read the characters one by one, making nothing.
  const trimmed = text.trim();
  const length = trimmed.length;
  if (length < 10 || length > 12) return false;
  let at = 0;
  let sum = 0;
  let last = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 3 || i === 6) {
      const separator = trimmed.charCodeAt(at);
      if (separator === SPACE || separator === HYPHEN) at++;
    }
    const digit = trimmed.charCodeAt(at++) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return false;
    if (i < 9) sum += digit * (10 - i);
    else last = digit;
  }
  if (at !== length) return false;
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === last;
}

const SPACE = 32;
const HYPHEN = 45;
const ZERO = 48;

/** Column names that suggest a patient identifier (compared lower-case, without spaces or punctuation). */
const IDENTIFIER_NAMES: readonly (readonly [RegExp, string])[] = [
  [/nhs(no|num|number)?$|^nhs(no|num|number)/, 'an NHS number'],
  [/^(patient|pt)(id|no|num|number|identifier)?$|patientid|patientnumber/, 'a patient identifier'],
  [/^(mrn|crn|hospitalnumber|hospno|casenotenumber|casenote|unitnumber)$/, 'a hospital or case-note number'],
  [/^(dob|dateofbirth|birthdate)$/, 'a date of birth'],
  [/^(postcode|postalcode|zipcode|address(line)?\d?)$/, 'an address or postcode'],
  [/^(surname|forename|firstname|lastname|familyname|givenname|fullname|patientname)$/, "a person's name"],
];

export interface IdentifierProblem {
  /** The column's name as in the file. */
  readonly column: string;
  /** Why it is refused, in words a person can act on. */
  readonly reason: string;
}

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Columns whose names look like patient identifiers. */
export function identifierColumns(header: readonly string[]): IdentifierProblem[] {
  const problems: IdentifierProblem[] = [];
  for (const column of header) {
    const name = squash(column);
    const match = IDENTIFIER_NAMES.find(([pattern]) => pattern.test(name));
    if (match !== undefined) {
      problems.push({
        column,
        reason: `The column "${column}" looks like ${match[1]}. Groundswell holds aggregate data only: remove the column before uploading.`,
      });
    }
  }
  return problems;
}

/**
 * Checks one row's cells for valid NHS numbers; returns a problem for the first column that holds
 * one (the value itself is never repeated in the message).
 */
export function nhsNumberInRow(
  header: readonly string[],
  cells: readonly string[],
  row: number,
): IdentifierProblem | null {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.length >= 10 && cell.length <= 12 && isNhsNumber(cell)) {
      const column = header[i] ?? `column ${i + 1}`;
      return {
        column,
        reason: `Row ${row}, column "${column}" holds a valid NHS number. Groundswell holds aggregate data only: remove patient identifiers before uploading.`,
      };
    }
  }
  return null;
}
