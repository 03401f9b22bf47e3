/**
 * @module funnel/method
 * What each kind of funnel supplies to the common calculation.
 */
import type { LevelSpec } from './levels.js';
import type { FunnelType } from './types.js';

/** Lower and upper limit at one denominator. */
export interface Bounds {
  readonly lower: number;
  readonly upper: number;
}

/** The formulas of one funnel type, with its target already computed from the units. */
export interface FunnelMethod {
  readonly type: FunnelType;
  readonly trimming: 'winsorise' | 'truncate';
  /** θ (pooled) or 1. */
  readonly target: number;
  /** The plotted value of a unit: O/n, O/E or O/D. */
  value(numerator: number, denominator: number): number;
  /** The unadjusted z-score (Y − target)/s. */
  z(numerator: number, denominator: number): number;
  /** The standard error s of Y, used in the z-score and in the weights w = 1/s². */
  se(numerator: number, denominator: number): number;
  /** Limits at a denominator: unadjusted when `tau2` is null, else adjusted with that τ². */
  limits(denominator: number, level: LevelSpec, tau2: number | null): Bounds;
}
