/**
 * @module surveys/results
 * A survey's results: every period's groups (each unit, and the organisation's total) after
 * suppression (suppression.ts), and which periods are final. Pure: the counts are read elsewhere.
 *
 * Responses count for the calendar month (UTC) they arrive in. A period is final once its month
 * has ended, or while the survey is closed (no response can then arrive); only final periods are
 * shown or published.
 */
import type { GroupCounts } from './repository.js';
import { suppressPeriod } from './suppression.js';
import type { Cell } from './suppression.js';

/** A unit a survey has a link for or responses from. */
export interface ResultUnit {
  readonly id: string;
  readonly name: string;
}

/** One period of a survey's results. */
export interface ResultPeriod {
  /** The first day of the month, `YYYY-MM-01`. */
  readonly period: string;
  readonly final: boolean;
  readonly total: Cell;
  readonly units: readonly { readonly unit: ResultUnit; readonly cell: Cell }[];
}

/** The first day of the month of `now` (UTC), `YYYY-MM-01`: the period a response counts for. */
export function periodOf(now: Date): string {
  return `${now.toISOString().slice(0, 7)}-01`;
}

/** The day of `now` (UTC), `YYYY-MM-DD`. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whether a period's counts can no longer change. */
export function isFinal(period: string, surveyOpen: boolean, now: Date): boolean {
  return !surveyOpen || period < periodOf(now);
}

/**
 * Every period with responses, newest first, each with its total and every unit's cell (units in
 * name order).
 */
export function surveyResults(
  counts: readonly GroupCounts[],
  units: readonly ResultUnit[],
  minGroup: number,
  surveyOpen: boolean,
  now: Date,
): ResultPeriod[] {
  const byPeriod = new Map<string, GroupCounts[]>();
  for (const row of counts) {
    if (row.unitId === null) continue; // links are per unit; none make organisation-level responses
    const list = byPeriod.get(row.period) ?? [];
    list.push(row);
    byPeriod.set(row.period, list);
  }
  const sorted = [...units].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return [...byPeriod.keys()]
    .sort()
    .reverse()
    .map((period) => {
      const rows = byPeriod.get(period)!;
      const parts = sorted.map((unit) => {
        const row = rows.find((r) => r.unitId === unit.id);
        return {
          unitId: unit.id,
          sortKey: unit.name,
          yes: row?.yes ?? 0,
          no: row?.no ?? 0,
          dontKnow: row?.dontKnow ?? 0,
        };
      });
      const final = isFinal(period, surveyOpen, now);
      const cells = suppressPeriod(parts, minGroup, final);
      return {
        period,
        final,
        total: cells.total,
        units: sorted.map((unit) => ({ unit, cell: cells.parts.get(unit.id)! })),
      };
    });
}
