/**
 * @module funnel/curves
 * The limit curves: limits as functions of the denominator, for drawing the funnel.
 */
import type { LevelSpec } from './levels.js';
import type { FunnelMethod } from './method.js';
import type { FunnelCurve } from './types.js';

/**
 * `count` denominators spaced geometrically (evenly on a log scale, where the funnel bends) from
 * `min` to `max`, both ends exact. One point when `min` equals `max`.
 */
export function curveDenominators(min: number, max: number, count: number): number[] {
  if (min === max) return [min];
  const logMin = Math.log(min);
  const step = (Math.log(max) - logMin) / (count - 1);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(i === 0 ? min : i === count - 1 ? max : Math.exp(logMin + i * step));
  }
  return out;
}

/** One curve per level over `denominators`; `tau2` null for the unadjusted limits. */
export function limitCurves(
  method: FunnelMethod,
  levels: readonly LevelSpec[],
  tau2: number | null,
  denominators: readonly number[],
): FunnelCurve[] {
  return levels.map((level) => ({
    level: level.level,
    z: level.z,
    points: denominators.map((denominator) => ({ denominator, ...method.limits(denominator, level, tau2) })),
  }));
}
