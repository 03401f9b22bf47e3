/**
 * @module capability/compute
 * Capability by unit, worked out from plain facts (pure, no database): for each unit and each
 * level of the curriculum, as at the end of each month, how many of the unit's staff (its own and
 * its sub-units') there were and how many of them had completed the level.
 *
 * - A person completes a level on the day they have completed every required course of it (the
 *   latest of those courses' dates). A level with no required course is never completed by anyone
 *   and has no measure.
 * - A person counts as trained at a level once they have completed that level or any higher one
 *   (a coach who went straight to the coach level is trained at the foundation level too):
 *   capability is "at least this level", so the shares never rise as the level rises.
 * - The staff of a unit at the end of a month are its active members whose unit is that unit or one
 *   beneath it, from the day they joined it (`since`).
 * - Months run from the first month with a counted completion (or the first month already
 *   published, so that a removed completion corrects every point it was in) to the current month
 *   (its point is "so far this month"); a month with no staff in the unit has no point.
 * - The organisation as a whole (`unitId` null) has the same points over all its staff: every
 *   active member with a unit, each counted once (members with no unit are in no unit's staff, so
 *   not in the organisation's either).
 */

/** A level of the curriculum, with the ids of its required courses. */
export interface LevelFacts {
  readonly id: string;
  readonly rank: number;
  readonly requiredCourseIds: readonly string[];
}

/** A member of staff: their unit and the day they joined it. */
export interface StaffFacts {
  readonly userId: string;
  readonly unitId: string;
  /** `YYYY-MM-DD`. */
  readonly since: string;
}

/** A completion that counts (recorded, imported, or self-declared and confirmed). */
export interface CompletionFacts {
  readonly userId: string;
  readonly courseId: string;
  /** `YYYY-MM-DD`. */
  readonly completedOn: string;
}

/** A unit and its parent. */
export interface UnitFacts {
  readonly id: string;
  readonly parentId: string | null;
}

/** One point: a unit (null: the organisation as a whole) × level × month, with the numbers of the proportion. */
export interface CapabilityPoint {
  readonly unitId: string | null;
  readonly levelId: string;
  /** The month's first day, `YYYY-MM-01`. */
  readonly period: string;
  readonly trained: number;
  readonly staff: number;
}

/** The last day of the month of `period` (`YYYY-MM-DD`). */
export function monthEnd(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${period.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** The months from the month of `from` to the month of `to` (both `YYYY-MM-DD`), as `YYYY-MM-01`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}-01`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** The day each person completed each level (absent: not completed). */
export function levelCompletions(
  levels: readonly LevelFacts[],
  completions: readonly CompletionFacts[],
): Map<string, Map<string, string>> {
  const byPerson = new Map<string, Map<string, string>>();
  for (const c of completions) {
    const courses = byPerson.get(c.userId) ?? new Map<string, string>();
    courses.set(c.courseId, c.completedOn);
    byPerson.set(c.userId, courses);
  }
  const result = new Map<string, Map<string, string>>();
  for (const [userId, courses] of byPerson) {
    const done = new Map<string, string>();
    for (const level of levels) {
      if (level.requiredCourseIds.length === 0) continue;
      const dates = level.requiredCourseIds.map((id) => courses.get(id));
      if (dates.some((d) => d === undefined)) continue;
      done.set(
        level.id,
        (dates as string[]).reduce((a, b) => (a > b ? a : b)),
      );
    }
    result.set(userId, done);
  }
  return result;
}

/**
 * The day each person became trained at each level: the earliest day they completed it or any
 * higher level.
 */
export function trainedFrom(
  levels: readonly LevelFacts[],
  completions: readonly CompletionFacts[],
): Map<string, Map<string, string>> {
  const ordered = [...levels].sort((a, b) => a.rank - b.rank);
  const done = levelCompletions(ordered, completions);
  const result = new Map<string, Map<string, string>>();
  for (const [userId, levelDates] of done) {
    const trained = new Map<string, string>();
    let earliest: string | undefined;
    for (let i = ordered.length - 1; i >= 0; i--) {
      const level = ordered[i]!;
      const date = levelDates.get(level.id);
      if (date !== undefined && (earliest === undefined || date < earliest)) earliest = date;
      if (earliest !== undefined && level.requiredCourseIds.length > 0) trained.set(level.id, earliest);
    }
    result.set(userId, trained);
  }
  return result;
}

/** Each unit with itself and every unit above it. */
function ancestry(units: readonly UnitFacts[]): Map<string, string[]> {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const result = new Map<string, string[]>();
  for (const unit of units) {
    const chain: string[] = [];
    for (
      let id: string | null | undefined = unit.id;
      id != null && !chain.includes(id);
      id = parent.get(id)
    ) {
      chain.push(id);
    }
    result.set(unit.id, chain);
  }
  return result;
}

/**
 * Every unit × level × month point with staff (and the organisation's, unit null), from the first month with a counted completion to
 * the month of `today` (see the module for the rules).
 */
export function capabilityPoints(input: {
  readonly levels: readonly LevelFacts[];
  readonly units: readonly UnitFacts[];
  readonly staff: readonly StaffFacts[];
  readonly completions: readonly CompletionFacts[];
  /** `YYYY-MM-DD`. */
  readonly today: string;
  /** Start no later than this month (`YYYY-MM-DD`): the first month already published. */
  readonly from?: string | undefined;
}): CapabilityPoint[] {
  const levels = input.levels.filter((l) => l.requiredCourseIds.length > 0);
  if (levels.length === 0 || (input.completions.length === 0 && input.from === undefined)) return [];
  const first = input.completions.reduce(
    (a, c) => (c.completedOn < a ? c.completedOn : a),
    input.from !== undefined && input.from < input.today ? input.from : input.today,
  );
  const months = monthsBetween(first, input.today);
  const trained = trainedFrom(levels, input.completions);
  const above = ancestry(input.units);
  // staff of each unit, counting sub-units' staff
  const staffOf = new Map<string, StaffFacts[]>();
  for (const person of input.staff) {
    for (const unitId of above.get(person.unitId) ?? []) {
      const list = staffOf.get(unitId);
      if (list === undefined) staffOf.set(unitId, [person]);
      else list.push(person);
    }
  }
  const groups: { unitId: string | null; people: readonly StaffFacts[] }[] = input.units.map((unit) => ({
    unitId: unit.id,
    people: staffOf.get(unit.id) ?? [],
  }));
  groups.push({ unitId: null, people: input.staff });
  const points: CapabilityPoint[] = [];
  for (const { unitId, people } of groups) {
    if (people.length === 0) continue;
    for (const period of months) {
      const end = monthEnd(period);
      const present = people.filter((p) => p.since <= end);
      if (present.length === 0) continue;
      for (const level of levels) {
        const count = present.filter((p) => {
          const from = trained.get(p.userId)?.get(level.id);
          return from !== undefined && from <= end;
        }).length;
        points.push({ unitId, levelId: level.id, period, trained: count, staff: present.length });
      }
    }
  }
  return points;
}
