/**
 * @module warnings
 * Warnings that depend on the finished partition layout and options.
 */
import { MINIMUM_POINTS_FOR_ASSURANCE, USUAL_RUN_LENGTH_MAX, USUAL_RUN_LENGTH_MIN } from './constants.js';
import type { PartitionPlan } from './partitions.js';
import type { ResolvedOptions, SpcWarning } from './types.js';

export interface PartitionFacts {
  readonly plan: PartitionPlan;
  /** Non-ghosted points in the partition. */
  readonly n: number;
  /** Non-ghosted points that set its lines. */
  readonly nUsed: number;
  readonly hasLimits: boolean;
}

export function optionWarnings(options: ResolvedOptions, hasTarget: boolean): SpcWarning[] {
  const out: SpcWarning[] = [];
  const unusual = (v: number): boolean => v < USUAL_RUN_LENGTH_MIN || v > USUAL_RUN_LENGTH_MAX;
  if (unusual(options.shiftLength)) {
    out.push({
      code: 'unusual_shift_length',
      message: `A shift of ${options.shiftLength} points is outside the usual 6–8`,
    });
  }
  if (unusual(options.trendLength)) {
    out.push({
      code: 'unusual_trend_length',
      message: `A trend of ${options.trendLength} points is outside the usual 6–8`,
    });
  }
  if (hasTarget && options.direction === 'neutral') {
    out.push({
      code: 'target_ignored',
      message: 'A target needs an improvement direction (increase or decrease) for an assurance icon',
    });
  }
  return out;
}

export function partitionWarnings(
  facts: readonly PartitionFacts[],
  options: ResolvedOptions,
  total: number,
  runChart: boolean,
): SpcWarning[] {
  const out: SpcWarning[] = [];
  if (runChart) {
    out.push({
      code: 'too_few_points',
      message: `${total} points: at least ${options.minimumPoints} are needed for limits, so this is a run chart`,
    });
    return out;
  }
  facts.forEach((f, k) => {
    const partition = k + 1;
    if (f.n === 0) return;
    if (options.belowMinimum === 'trial_limits' && f.n < options.minimumPoints) {
      out.push({
        code: 'trial_limits',
        message: `Partition ${partition} has ${f.n} points (fewer than ${options.minimumPoints}): its limits are trial limits`,
        partition,
      });
    }
    if (f.plan.inheritsFrom >= 0) return;
    if (!f.hasLimits) {
      out.push({
        code: 'no_limits',
        message: `Partition ${partition} has no process limits (too few points or no variation left after screening)`,
        partition,
      });
    } else if (options.belowMinimum === 'run_chart' && f.nUsed < MINIMUM_POINTS_FOR_ASSURANCE) {
      out.push({
        code: 'short_partition',
        message: `Partition ${partition} sets its limits from ${f.nUsed} points (fewer than ${MINIMUM_POINTS_FOR_ASSURANCE}): treat its limits and assurance with caution`,
        partition,
      });
    }
  });
  return out;
}
