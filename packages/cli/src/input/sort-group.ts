/**
 * @module input/sort-group
 * Puts a group's entries in period order and refuses a period that appears twice.
 */
import { CliError } from '../errors.js';
import type { GroupData } from './read-groups.js';
import { formatPeriod, type PeriodKind } from './periods.js';

function permute<T>(arr: T[], order: Int32Array): T[] {
  const out = new Array<T>(arr.length);
  for (let i = 0; i < order.length; i++) out[i] = arr[order[i]!]!;
  return out;
}

/** A label for a group in messages: `org_code=RF4, type=1`. */
export function groupLabel(columns: readonly string[], key: readonly string[]): string {
  return columns.length === 0 ? 'the series' : `group ${columns.map((c, i) => `${c}=${key[i]!}`).join(', ')}`;
}

/**
 * Sorts in place by period (stable). With `allowTies` (T chart events) equal periods are kept;
 * otherwise a duplicate period is an error naming both rows.
 */
export function sortGroup(
  g: GroupData,
  kind: PeriodKind,
  groupColumns: readonly string[],
  allowTies: boolean,
): void {
  const n = g.periods.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (g.periods[i]! < g.periods[i - 1]!) sorted = false;
  if (!sorted) {
    const order = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => g.periods[a]! - g.periods[b]! || a - b,
    );
    g.periods = permute(g.periods, order);
    g.values = permute(g.values, order);
    if (g.denominators) g.denominators = permute(g.denominators, order);
    g.rows = permute(g.rows, order);
    if (g.targets) g.targets = permute(g.targets, order);
    if (g.rebases) g.rebases = permute(g.rebases, order);
    if (g.ghosts) g.ghosts = permute(g.ghosts, order);
  }
  if (allowTies) return;
  for (let i = 1; i < n; i++) {
    if (g.periods[i] === g.periods[i - 1]) {
      const [a, b] = [g.rows[i - 1]!, g.rows[i]!].sort((x, y) => x - y);
      throw new CliError(
        `Duplicate period ${formatPeriod(g.periods[i]!, kind)} in ${groupLabel(groupColumns, g.key)}: rows ${a} and ${b}`,
      );
    }
  }
}
