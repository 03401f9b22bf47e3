/**
 * @module rules/sides
 * Rule results are bit sets: HIGH | LOW.
 */
import type { Side } from '../types.js';

export const NONE = 0;
export const HIGH = 1;
export const LOW = 2;
export const BOTH = 3;

const NAMES: readonly Side[] = [null, 'high', 'low', 'both'];

export const sideName = (bits: number): Side => NAMES[bits]!;

/** The indices of non-ghosted points, in order. */
export function usedIndices(n: number, ghosts: readonly boolean[] | undefined): Int32Array {
  if (!ghosts) return Int32Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (ghosts[i] !== true) out.push(i);
  return Int32Array.from(out);
}
