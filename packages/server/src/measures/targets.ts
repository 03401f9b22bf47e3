/**
 * @module measures/targets
 * A measure's target over time: values with the date from which each applies. A change to a
 * timeline moves the measure's `updated_at` on, which versions cached analyses.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { measures, measureTargets } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireIsoDate, requireUuid } from '../validation.js';

/** One step of a target timeline. */
export type MeasureTarget = typeof measureTargets.$inferSelect;

/** A target from a date on. */
export interface NewTarget {
  readonly measureId: string;
  /** The organisation whose own timeline this is; null or absent for the definition's. */
  readonly organisationId?: string | null | undefined;
  /** `YYYY-MM-DD`: the first period the value applies to. */
  readonly effectiveFrom: string;
  /** The target, or null for "no target from this date". */
  readonly value: number | null;
}

const CONSTRAINTS = {
  measure_targets_measure_id_measures_id_fk: {
    code: 'not_found',
    field: 'measureId',
    message: 'no measure has this id',
  },
  measure_targets_organisation_id_organisations_id_fk: {
    code: 'not_found',
    field: 'organisationId',
    message: 'no organisation has this id',
  },
} as const;

/**
 * Sets the target from a date on (replacing a value already set for that date), and moves the
 * measure's `updated_at` on in the same transaction (`touchMeasure`).
 * @throws {DataError} `invalid_input`, `not_found`.
 */
export async function setTarget(db: Database, input: NewTarget): Promise<MeasureTarget> {
  if (input.value !== null && !Number.isFinite(input.value)) {
    throw new DataError('invalid_input', 'value must be a finite number or null', { field: 'value' });
  }
  const values = {
    measureId: requireUuid('measureId', input.measureId),
    organisationId: input.organisationId == null ? null : requireUuid('organisationId', input.organisationId),
    effectiveFrom: requireIsoDate('effectiveFrom', input.effectiveFrom),
    value: input.value,
  };
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(measureTargets)
        .values(values)
        .onConflictDoUpdate({
          target: [measureTargets.measureId, measureTargets.organisationId, measureTargets.effectiveFrom],
          set: { value: values.value },
        })
        .returning();
      await touchMeasure(tx, values.measureId);
      return row!;
    });
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/**
 * The next `updated_at` of a measure: now, but always later than the stored one (inside one
 * transaction `now()` does not move, and clocks can step back), so that it works as a version.
 */
export const nextUpdatedAt = sql`greatest(now(), ${measures.updatedAt} + interval '1 microsecond')`;

/**
 * Moves a measure's `updated_at` on (see `nextUpdatedAt`): its targets changed, so analyses and
 * dashboards cached by that version are never used again (analysis/cache.ts).
 */
export async function touchMeasure(db: Database, measureId: string): Promise<void> {
  await db
    .update(measures)
    .set({ updatedAt: nextUpdatedAt })
    .where(eq(measures.id, requireUuid('measureId', measureId)));
}

/**
 * The target timeline that applies, in date order: the organisation's own when it has one,
 * otherwise the definition's (`organisationId` absent: always the definition's).
 */
export async function listTargets(
  db: Database,
  measureId: string,
  organisationId?: string | null,
): Promise<MeasureTarget[]> {
  const measure = eq(measureTargets.measureId, requireUuid('measureId', measureId));
  const read = (owner: string | null): Promise<MeasureTarget[]> =>
    db
      .select()
      .from(measureTargets)
      .where(
        and(
          measure,
          owner === null ? isNull(measureTargets.organisationId) : eq(measureTargets.organisationId, owner),
        ),
      )
      .orderBy(asc(measureTargets.effectiveFrom));
  if (organisationId != null) {
    const own = await read(requireUuid('organisationId', organisationId));
    if (own.length > 0) return own;
  }
  return read(null);
}

/** The target in force on `period` (`YYYY-MM-DD`) in a timeline from `listTargets`, or null. */
export function targetOn(timeline: readonly MeasureTarget[], period: string): number | null {
  let value: number | null = null;
  for (const step of timeline) {
    if (step.effectiveFrom > period) break;
    value = step.value;
  }
  return value;
}
