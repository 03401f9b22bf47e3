/**
 * @module capability/csv-import
 * Training records imported from a CSV file (csv-parse): a header row, then one completion a row
 * with the columns `email`, `course` (its code; `course code` and `code` are read too) and
 * `completed on` (`completed_on`, `date`; 2024-03-01 or 01/03/2024). Every row is checked first,
 * and every problem is reported with its row (the header is row 1) and column: an unknown email or
 * course code is named. If any row has a problem nothing is written; otherwise every row is
 * recorded (source `imported`, replacing what was there), audited as one import, and capability
 * by unit republished, in one transaction. Coaches only (capability/access.ts).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { courseCompletions, courses, memberships, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { findOrganisation } from '../organisations/service.js';
import { requireCapabilityReader, requireCoach } from './access.js';
import { EARLIEST_COMPLETION } from './completions.js';
import { readCsvTable } from './csv-table.js';
import type { CsvProblem } from './csv-table.js';
import { republish, today } from './publish.js';

/** The outcome: what was imported, or every problem (and nothing written). */
export type CsvImportResult =
  | { readonly ok: true; readonly imported: number }
  | { readonly ok: false; readonly problems: readonly CsvProblem[] };

const COLUMNS = {
  email: { names: ['email', 'email address', 'e-mail'], label: 'email', required: true },
  course: { names: ['course', 'course code', 'course_code', 'code'], label: 'course', required: true },
  completedOn: {
    names: ['completed on', 'completed_on', 'completedon', 'date', 'completed'],
    label: 'completed on',
    required: true,
  },
} as const;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date cell as `YYYY-MM-DD`, or null when it is not a real date in either form. */
export function readDate(text: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO.exec(text);
  const uk = UK.exec(text);
  if (iso) [y, m, d] = [+iso[1]!, +iso[2]!, +iso[3]!];
  else if (uk) [y, m, d] = [+uk[3]!, +uk[2]!, +uk[1]!];
  else return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

interface Row {
  readonly row: number;
  readonly email: string;
  readonly course: string;
  readonly completedOn: string | null;
}

/** Reads the file's rows, or the problems of its shape (columns, CSV syntax, size) and cells. */
export function readRows(text: string): { rows: Row[]; problems: CsvProblem[] } {
  const table = readCsvTable(text, COLUMNS);
  if ('problems' in table) return { rows: [], problems: table.problems };
  const problems: CsvProblem[] = [];
  const rows = table.rows.map(({ row, cells }) => ({
    row,
    email: cells.email.toLowerCase(),
    course: cells.course,
    completedOn: readDate(cells.completedOn),
    rawDate: cells.completedOn,
  }));
  for (const r of rows) {
    if (r.email === '') problems.push({ row: r.row, column: 'email', message: 'The email is missing.' });
    if (r.course === '')
      problems.push({ row: r.row, column: 'course', message: 'The course code is missing.' });
    if (r.completedOn === null) {
      problems.push({
        row: r.row,
        column: 'completed on',
        message:
          r.rawDate === ''
            ? 'The date is missing.'
            : `“${r.rawDate}” is not a date: write it as 2024-03-01 or 01/03/2024.`,
      });
    } else if (r.completedOn > today()) {
      problems.push({ row: r.row, column: 'completed on', message: `${r.rawDate} is in the future.` });
    } else if (r.completedOn < EARLIEST_COMPLETION) {
      problems.push({ row: r.row, column: 'completed on', message: `${r.rawDate} is before 1990.` });
    }
  }
  return {
    rows: rows.map((r) => ({ row: r.row, email: r.email, course: r.course, completedOn: r.completedOn })),
    problems,
  };
}

/**
 * Imports a CSV file of completed courses into the organisation (see the module).
 * @throws {DataError} `not_found` (organisation), 401, 403 (not a coach).
 */
export async function importCompletions(
  db: Database,
  principal: Principal,
  organisationRef: string,
  text: string,
): Promise<CsvImportResult> {
  const organisation = await findOrganisation(db, organisationRef);
  requireCapabilityReader(principal, organisation.id);
  await requireCoach(db, principal, organisation.id);
  const { rows, problems } = readRows(text);
  if (problems.length > 0 && rows.length === 0) return { ok: false, problems };
  const emails = [...new Set(rows.map((r) => r.email).filter((e) => e !== ''))];
  const codes = [...new Set(rows.map((r) => r.course).filter((c) => c !== ''))];
  const people =
    emails.length === 0
      ? []
      : await db
          .select({ id: users.id, email: users.email })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.organisationId, organisation.id),
              eq(users.status, 'active'),
              inArray(users.email, emails),
            ),
          );
  const known =
    codes.length === 0
      ? []
      : await db
          .select({ id: courses.id, code: courses.code })
          .from(courses)
          .where(and(eq(courses.organisationId, organisation.id), inArray(courses.code, codes)));
  const userOf = new Map(people.map((p) => [p.email, p.id]));
  const courseOf = new Map(known.map((c) => [c.code, c.id]));
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.email !== '' && !userOf.has(r.email)) {
      problems.push({
        row: r.row,
        column: 'email',
        message: `No active member of ${organisation.name} has the email ${r.email}.`,
      });
    }
    if (r.course !== '' && !courseOf.has(r.course)) {
      problems.push({
        row: r.row,
        column: 'course',
        message: `No course of the curriculum has the code ${r.course}.`,
      });
    }
    const key = `${r.email}\u0000${r.course}`;
    const first = seen.get(key);
    if (first !== undefined && r.email !== '' && r.course !== '') {
      problems.push({
        row: r.row,
        column: 'course',
        message: `Row ${first} already has ${r.course} for ${r.email}.`,
      });
    } else seen.set(key, r.row);
  }
  if (problems.length > 0) {
    return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };
  }
  const recordedBy = principal.kind === 'user' ? principal.userId : null;
  const values = rows.map((r) => ({
    courseId: courseOf.get(r.course)!,
    userId: userOf.get(r.email)!,
    completedOn: r.completedOn!,
    source: 'imported' as const,
    recordedBy,
  }));
  await audited(
    db,
    principal,
    async (tx) => {
      for (let i = 0; i < values.length; i += 1000) {
        await tx
          .insert(courseCompletions)
          .values(values.slice(i, i + 1000))
          .onConflictDoUpdate({
            target: [courseCompletions.courseId, courseCompletions.userId],
            set: {
              completedOn: sql`excluded.completed_on`,
              source: 'imported',
              recordedBy,
              confirmedBy: null,
              confirmedAt: null,
            },
          });
      }
      await republish(tx, principal, organisation.id);
    },
    () => ({
      action: 'completion.import',
      entityType: 'organisation',
      entityId: organisation.id,
      organisationId: organisation.id,
      summary: `Imported ${values.length} completed courses from a CSV file`,
      after: { rows: values.length, courses: codes, people: emails.length },
    }),
  );
  return { ok: true, imported: values.length };
}
