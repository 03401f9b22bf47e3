/**
 * @module surveys/suppression
 * Which groups of survey responses may be shown, and which must be hidden (pure; docs/surveys.md).
 *
 * A group is the responses of one unit in one period (a part), or of every unit together in that
 * period (the total). Its size is the number of people who answered, "don't know" included (the
 * proportion's denominator, as the Friends and Family Test counts), so a shown proportion always
 * stands on at least `minGroup` people.
 *
 * 1. Primary suppression: a group smaller than `minGroup` is hidden.
 * 2. Complementary suppression: the total is shown with its parts, so the parts hidden must not be
 *    recoverable by subtraction (total − shown parts = hidden parts together). When the hidden
 *    parts together are smaller than `minGroup` (one hidden part always is), the smallest shown
 *    part is hidden too, and the next, until the hidden parts together reach `minGroup`. If the
 *    total itself is smaller than `minGroup`, it is hidden (and then so is every part).
 * 3. Only final periods (the month has ended, or the survey is closed) are ever shown: counts that
 *    can still change would let someone subtract a result seen earlier from one seen later.
 *
 * Groups with no responses are not groups (there is no one to protect): they are "none".
 */

/** The answers of one group. */
export interface Counts {
  readonly yes: number;
  readonly no: number;
  readonly dontKnow: number;
}

/** One unit's answers in one period (a part of the period's total). */
export interface Part extends Counts {
  readonly unitId: string;
  /** For a stable choice among parts of the same size (the unit's name). */
  readonly sortKey: string;
}

/** How a group is shown: its counts, hidden, no responses, or not yet final. */
export type Cell =
  | ({ readonly status: 'shown' } & Counts)
  | { readonly status: 'suppressed' }
  | { readonly status: 'none' }
  | { readonly status: 'collecting' };

/** A period's groups, as they may be shown. */
export interface PeriodCells {
  readonly total: Cell;
  /** By unit id; every part given appears. */
  readonly parts: ReadonlyMap<string, Cell>;
}

/**
 * The number of people behind a group's proportion: every response, "don't know" included (the
 * proportion's denominator, as the Friends and Family Test's percentage positive counts them).
 */
export function groupSize(counts: Counts): number {
  return counts.yes + counts.no + counts.dontKnow;
}

function sum(parts: readonly Counts[]): Counts {
  return parts.reduce<Counts>(
    (total, part) => ({
      yes: total.yes + part.yes,
      no: total.no + part.no,
      dontKnow: total.dontKnow + part.dontKnow,
    }),
    { yes: 0, no: 0, dontKnow: 0 },
  );
}

/**
 * The cells of one period: `final` false → everything is still collecting (nothing is shown).
 * @param minGroup the smallest group shown (at least 5; the database refuses less).
 */
export function suppressPeriod(parts: readonly Part[], minGroup: number, final: boolean): PeriodCells {
  if (!Number.isInteger(minGroup) || minGroup < 5) throw new RangeError('minGroup must be an integer ≥ 5');
  const counted = parts.filter((part) => groupSize(part) > 0);
  const cells = new Map<string, Cell>();
  for (const part of parts) {
    // Parts with responses are set below once final; until then they are still collecting.
    cells.set(part.unitId, { status: groupSize(part) > 0 ? 'collecting' : 'none' });
  }
  if (counted.length === 0) return { total: { status: 'none' }, parts: cells };
  if (!final) return { total: { status: 'collecting' }, parts: cells };

  const total = sum(counted);
  if (groupSize(total) < minGroup) {
    for (const part of counted) cells.set(part.unitId, { status: 'suppressed' });
    return { total: { status: 'suppressed' }, parts: cells };
  }
  const hidden = new Set(counted.filter((part) => groupSize(part) < minGroup).map((part) => part.unitId));
  const hiddenSize = (): number =>
    counted.filter((part) => hidden.has(part.unitId)).reduce((n, part) => n + groupSize(part), 0);
  if (hidden.size > 0) {
    const shownBySize = counted
      .filter((part) => !hidden.has(part.unitId))
      .sort(
        (a, b) =>
          groupSize(a) - groupSize(b) ||
          a.sortKey.localeCompare(b.sortKey) ||
          a.unitId.localeCompare(b.unitId),
      );
    for (const part of shownBySize) {
      if (hiddenSize() >= minGroup) break;
      hidden.add(part.unitId);
    }
  }
  for (const part of counted) {
    cells.set(
      part.unitId,
      hidden.has(part.unitId)
        ? { status: 'suppressed' }
        : { status: 'shown', yes: part.yes, no: part.no, dontKnow: part.dontKnow },
    );
  }
  return { total: { status: 'shown', ...total }, parts: cells };
}
