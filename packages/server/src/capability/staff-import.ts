/**
 * @module capability/staff-import
 * The unit each member of staff works in, set in bulk from a CSV file (an ESR or HR extract): a
 * header row, then one person a row with the columns `email` and `unit` (the unit's name as the
 * organisation's tree holds it, any case; when two units share a name, its path from the top,
 * `Medicine / Ward 7`, or its id), and optionally `since` (the day they joined it; empty: today, or
 * the day already on record when they stay in the same unit).
 *
 * Every row is checked first, and every problem is reported with its row (the header is row 1) and
 * column: an email nobody has, a person who is not an active member, a unit that is unknown or
 * ambiguous, an email given twice, an empty cell, a bad or future date. If any row has a problem
 * nothing is written. Otherwise (unless `dryRun`) every changed person's unit is written, audited as
 * one event with the counts, and capability republished, in one transaction. People missing from
 * the file keep their unit, unless `replace` is asked for: then every unit set for capability of
 * someone not in the file is cleared (a unit lead still counts in the unit they lead).
 * QI leads and administrators only (`capability.manage`).
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { staffUnits, units, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { findOrganisation } from '../organisations/service.js';
import { readDate } from './csv-import.js';
import { readCsvTable } from './csv-table.js';
import type { CsvProblem } from './csv-table.js';
import { republish, today } from './publish.js';
import { listPeople } from './repository.js';

/** What a file changes (or, on a dry run, would change). */
export interface StaffImportCounts {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly assigned: number;
  readonly moved: number;
  readonly unchanged: number;
  readonly cleared: number;
}

/** The outcome: the counts, or every problem (and nothing written). */
export type StaffImportResult =
  | ({ readonly ok: true } & StaffImportCounts)
  | { readonly ok: false; readonly problems: readonly CsvProblem[] };

const COLUMNS = {
  email: { names: ['email', 'email address', 'e-mail', 'work email'], label: 'email', required: true },
  unit: {
    names: ['unit', 'unit name', 'unit_name', 'unit code', 'unit_code', 'ward', 'team'],
    label: 'unit',
    required: true,
  },
  since: {
    names: ['since', 'start date', 'start_date', 'assignment start date', 'from'],
    label: 'since',
    required: false,
  },
} as const;

interface Row {
  readonly row: number;
  readonly email: string;
  readonly unit: string;
  readonly since: string | null;
}

/** Reads the file's rows, or the problems of its shape and cells. */
export function readStaffRows(text: string): { rows: Row[]; problems: CsvProblem[] } {
  const table = readCsvTable(text, COLUMNS);
  if ('problems' in table) return { rows: [], problems: table.problems };
  const problems: CsvProblem[] = [];
  const rows: Row[] = [];
  table.rows.forEach(({ row, cells }) => {
    const email = cells.email.toLowerCase();
    const unit = cells.unit;
    const rawSince = cells.since;
    if (email === '') problems.push({ row, column: 'email', message: 'The email is missing.' });
    if (unit === '') problems.push({ row, column: 'unit', message: 'The unit is missing.' });
    let since: string | null = null;
    if (rawSince !== '') {
      since = readDate(rawSince);
      if (since === null) {
        problems.push({
          row,
          column: 'since',
          message: `“${rawSince}” is not a date: write it as 2024-03-01 or 01/03/2024.`,
        });
      } else if (since > today()) {
        problems.push({ row, column: 'since', message: `${rawSince} is in the future.` });
      }
    }
    rows.push({ row, email, unit, since });
  });
  return { rows, problems };
}

/** A unit of the organisation with its path from the top (`Medicine / Ward 7`). */
interface UnitEntry {
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

/** The organisation's units, with a way to find one by id, path or name. */
async function unitIndex(
  db: Database,
  organisationId: string,
): Promise<(text: string) => { unit: UnitEntry } | { problem: string }> {
  const rows = await db
    .select({ id: units.id, name: units.name, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisationId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (id: string): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let u = byId.get(id);
      u !== undefined && !seen.has(u.id);
      u = u.parentId === null ? undefined : byId.get(u.parentId)
    ) {
      seen.add(u.id);
      names.unshift(u.name);
    }
    return names.join(' / ');
  };
  const entries: UnitEntry[] = rows.map((r) => ({ id: r.id, name: r.name, path: pathOf(r.id) }));
  const key = (text: string): string =>
    text
      .trim()
      .replace(/\s*\/\s*/g, ' / ')
      .replace(/\s+/g, ' ')
      .toLowerCase();
  const byName = new Map<string, UnitEntry[]>();
  const byPath = new Map<string, UnitEntry>();
  const entryOfId = new Map<string, UnitEntry>();
  for (const e of entries) {
    byName.set(key(e.name), [...(byName.get(key(e.name)) ?? []), e]);
    byPath.set(key(e.path), e);
    entryOfId.set(e.id.toLowerCase(), e);
  }
  return (text) => {
    const asId = entryOfId.get(text.trim().toLowerCase());
    if (asId !== undefined) return { unit: asId };
    const named = byName.get(key(text)) ?? [];
    if (named.length === 1) return { unit: named[0]! };
    if (named.length > 1) {
      return {
        problem: `${named.length} units are called ${text}: write its path instead (${named
          .map((e) => e.path)
          .sort()
          .join('; ')}).`,
      };
    }
    const pathed = byPath.get(key(text));
    if (pathed !== undefined) return { unit: pathed };
    return { problem: `No unit of the organisation is called ${text}.` };
  };
}

/**
 * Sets the units of the organisation's staff from a CSV file (see the module).
 * @throws {DataError} `not_found` (organisation), 401, 403 (not `capability.manage`).
 */
export async function importStaffUnits(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: {
    readonly csv: string;
    readonly dryRun?: boolean | undefined;
    readonly replace?: boolean | undefined;
  },
): Promise<StaffImportResult> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'capability.manage', organisation.id);
  const dryRun = input.dryRun === true;
  const replace = input.replace === true;
  const { rows, problems } = readStaffRows(input.csv);
  if (problems.length > 0 && rows.length === 0) return { ok: false, problems };

  const emails = [...new Set(rows.map((r) => r.email).filter((e) => e !== ''))];
  const accounts = new Map<string, string>();
  for (let i = 0; i < emails.length; i += 1000) {
    const found = await db
      .select({ id: users.id, email: sql<string>`lower(${users.email})` })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, emails.slice(i, i + 1000)));
    for (const f of found) accounts.set(f.email, f.id);
  }
  const people = new Map((await listPeople(db, organisation.id)).map((p) => [p.userId, p]));
  const findUnit = await unitIndex(db, organisation.id);

  interface Change {
    readonly userId: string;
    readonly unitId: string;
    readonly since: string;
    readonly kind: 'assigned' | 'moved';
  }
  const changes: Change[] = [];
  const inFile = new Set<string>();
  let unchanged = 0;
  const seen = new Map<string, number>();
  for (const r of rows) {
    let userId: string | undefined;
    if (r.email !== '') {
      const first = seen.get(r.email);
      if (first !== undefined) {
        problems.push({ row: r.row, column: 'email', message: `Row ${first} already has ${r.email}.` });
      } else {
        seen.set(r.email, r.row);
        const account = accounts.get(r.email);
        if (account === undefined) {
          problems.push({ row: r.row, column: 'email', message: `Nobody has the email ${r.email}.` });
        } else if (!people.has(account)) {
          problems.push({
            row: r.row,
            column: 'email',
            message: `${r.email} is not an active member of ${organisation.name}.`,
          });
        } else userId = account;
      }
    }
    let unitId: string | undefined;
    if (r.unit !== '') {
      const found = findUnit(r.unit);
      if ('problem' in found) problems.push({ row: r.row, column: 'unit', message: found.problem });
      else unitId = found.unit.id;
    }
    if (userId === undefined || unitId === undefined) continue;
    inFile.add(userId);
    const before = people.get(userId)!;
    if (before.unitId === unitId && (r.since === null || r.since === before.since)) {
      unchanged++;
      continue;
    }
    changes.push({
      userId,
      unitId,
      since: r.since ?? (before.unitId === unitId && before.since !== null ? before.since : today()),
      kind: before.unitId === null ? 'assigned' : 'moved',
    });
  }
  if (problems.length > 0) {
    return {
      ok: false,
      problems: [...problems].sort((a, b) => a.row - b.row),
    };
  }

  const stale = replace
    ? await db
        .select({ userId: staffUnits.userId })
        .from(staffUnits)
        .where(
          and(
            eq(staffUnits.organisationId, organisation.id),
            inFile.size === 0 ? undefined : notInArray(staffUnits.userId, [...inFile]),
          ),
        )
    : [];
  const counts: StaffImportCounts = {
    dryRun,
    rows: rows.length,
    assigned: changes.filter((c) => c.kind === 'assigned').length,
    moved: changes.filter((c) => c.kind === 'moved').length,
    unchanged,
    cleared: stale.length,
  };
  if (dryRun || (changes.length === 0 && stale.length === 0)) return { ok: true, ...counts };

  await audited(
    db,
    principal,
    async (tx) => {
      for (let i = 0; i < stale.length; i += 1000) {
        await tx.delete(staffUnits).where(
          and(
            eq(staffUnits.organisationId, organisation.id),
            inArray(
              staffUnits.userId,
              stale.slice(i, i + 1000).map((s) => s.userId),
            ),
          ),
        );
      }
      for (let i = 0; i < changes.length; i += 1000) {
        await tx
          .insert(staffUnits)
          .values(
            changes.slice(i, i + 1000).map((c) => ({
              userId: c.userId,
              organisationId: organisation.id,
              unitId: c.unitId,
              since: c.since,
            })),
          )
          .onConflictDoUpdate({
            target: [staffUnits.userId, staffUnits.organisationId],
            set: { unitId: sql`excluded.unit_id`, since: sql`excluded.since` },
          });
      }
      await republish(tx, principal, organisation.id);
    },
    () => ({
      action: 'staff_unit.import',
      entityType: 'organisation',
      entityId: organisation.id,
      organisationId: organisation.id,
      summary:
        `Set staff units from a CSV file: ${counts.assigned} assigned, ${counts.moved} moved, ` +
        `${counts.unchanged} unchanged${replace ? `, ${counts.cleared} cleared` : ''}`,
      after: {
        rows: counts.rows,
        assigned: counts.assigned,
        moved: counts.moved,
        unchanged: counts.unchanged,
        cleared: counts.cleared,
        replace,
      },
    }),
  );
  return { ok: true, ...counts };
}
