/**
 * @module rules/sides
 * Rule results are bit sets: HIGH | LOW.
 */
import type { Side } from '../types.js';

export const NONE = 0;
export const HIGH = 1;
export const LOW = 2;
export const BOTH = 3;

/**
 * Where each result sits in a point's flags word (two bits each: 1 high, 2 low, 3 both). The
 * engine keeps one flags array per series instead of one array per rule.
 */
export const FLAG_BITS = { singlePoint: 0, shift: 2, trend: 4, twoOfThree: 6, side: 8 } as const;

/** The two-bit result at `bit` of a flags word. */
export const flagAt = (flags: number, bit: number): number => (flags >> bit) & 3;

const NAMES: readonly Side[] = [null, 'high', 'low', 'both'];

export const sideName = (bits: number): Side => NAMES[bits]!;

const templates = new Map<number, number[]>();

/**
 * A plain array of `n` copies of `v`. Plain arrays, not typed arrays: V8 allocates a small typed
 * array far more slowly, and the engine makes a dozen per series. Slicing a cached template
 * allocates once, already in the right elements kind (doubles or small integers).
 */
export function filled(n: number, v: number): number[] {
  let t = templates.get(v);
  if (t === undefined || t.length < n) {
    t = [];
    const size = Math.max(n, 256);
    for (let i = 0; i < size; i++) t.push(v);
    templates.set(v, t);
  }
  return t.slice(0, n);
}

const identities = new Map<number, readonly number[]>();

/** The indices of non-ghosted points, in order (shared and read-only when nothing is ghosted). */
export function usedIndices(n: number, ghosts: readonly boolean[] | undefined): readonly number[] {
  if (ghosts === undefined || !ghosts.includes(true)) {
    let ids = identities.get(n);
    if (ids === undefined) {
      ids = Array.from({ length: n }, (_, i) => i);
      if (identities.size < 1024) identities.set(n, ids);
    }
    return ids;
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (ghosts[i] !== true) out.push(i);
  return out;
}
