/**
 * @module funnel/overdispersion
 * Additive random-effects overdispersion (Spiegelhalter 2005), spc-method.md §5: trim extreme
 * z-scores, φ = Σz²/N, τ² by the method of moments with weights w = 1/s².
 */
import {
  TRUNCATE_BELOW_DECILE,
  TRUNCATE_FROM_DECILE,
  WINSORISE_LOWER_PERCENTILE,
  WINSORISE_UPPER_PERCENTILE,
} from './constants.js';

/**
 * The p-quantile of ascending `sorted` values by linear interpolation (R's type 7):
 * h = (N−1)p; q = z₍⌊h⌋+1₎ + (h − ⌊h⌋)(z₍⌊h⌋+2₎ − z₍⌊h⌋+1₎), 1-based.
 */
export function percentile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  const below = sorted[k]!; // z₍⌊h⌋+1₎ in 1-based terms
  const fraction = h - k;
  if (fraction === 0) return below; // also keeps ±∞ from making ∞ − ∞
  return below + fraction * (sorted[k + 1]! - below);
}

/** Clamps each z to the 10th and 90th percentiles of all the z-scores. */
export function winsorise(z: readonly number[]): number[] {
  const sorted = [...z].sort((a, b) => a - b);
  const low = percentile(sorted, WINSORISE_LOWER_PERCENTILE);
  const high = percentile(sorted, WINSORISE_UPPER_PERCENTILE);
  return z.map((v) => Math.min(high, Math.max(low, v)));
}

/** 1-based ranks of `values` in ascending order, ties given the average of their ranks. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1; // average of 1-based ranks i+1 … j+1
    for (let k = i; k <= j; k++) ranks[order[k]!] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Whether each unit survives truncation: dropped when ⌊10·rankᵢ/(N+1)⌋ is 0 or ≥ 9. */
export function truncationKeeps(z: readonly number[]): boolean[] {
  const n = z.length;
  return averageRanks(z).map((rank) => {
    const decile = Math.floor((10 * rank) / (n + 1));
    return decile >= TRUNCATE_BELOW_DECILE && decile < TRUNCATE_FROM_DECILE;
  });
}

/** The measured overdispersion. */
export interface Overdispersion {
  /** φ = Σz²/N over the retained units, with the trimmed z. */
  readonly phi: number;
  /** τ² ≥ 0; 0 when Nφ ≤ N − 1 or when it cannot be estimated (`estimable` false). */
  readonly tau2: number;
  /** N, the number of retained units. */
  readonly n: number;
  /** Per unit: whether it entered φ and τ². */
  readonly retained: readonly boolean[];
  /**
   * False when fewer than two units are retained: Σw − Σw²/Σw is then 0, τ² has no estimate and
   * is reported as 0.
   */
  readonly estimable: boolean;
}

/**
 * φ and τ² from the unadjusted z-scores and standard errors s of the units.
 *
 * If Nφ > N − 1: τ² = max(0, (Nφ − (N−1)) / (Σw − Σw²/Σw)), w = 1/s² over the retained units;
 * else τ² = 0. With an infinite z (a standardised ratio with O = 0 that survives truncation) φ
 * and τ² are +∞; nothing here yields NaN.
 */
export function estimateOverdispersion(
  z: readonly number[],
  se: readonly number[],
  trimming: 'winsorise' | 'truncate',
): Overdispersion {
  const retained = trimming === 'truncate' ? truncationKeeps(z) : z.map(() => true);
  const trimmed = trimming === 'winsorise' ? winsorise(z) : z;
  let n = 0;
  let sumZ2 = 0;
  let sumW = 0;
  let sumW2 = 0;
  for (let i = 0; i < z.length; i++) {
    if (!retained[i]) continue;
    const zi = trimmed[i]!;
    const w = 1 / se[i]! ** 2;
    n++;
    sumZ2 += zi * zi;
    sumW += w;
    sumW2 += w * w;
  }
  const phi = n === 0 ? 0 : sumZ2 / n;
  const denominator = n === 0 ? 0 : sumW - sumW2 / sumW;
  // Σw − Σw²/Σw > 0 whenever two or more units are retained; with one it is 0 (up to rounding,
  // which must not be mistaken for a tiny positive number).
  const estimable = n >= 2 && denominator > 0;
  const excess = n * phi - (n - 1);
  const tau2 = estimable && excess > 0 ? Math.max(0, excess / denominator) : 0;
  return { phi, tau2, n, retained, estimable };
}
