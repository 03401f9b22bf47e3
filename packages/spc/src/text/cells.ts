/**
 * @module text/cells
 * Strict readers for number and flag cells.
 */

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite decimal number, or null. Accepts surrounding spaces; refuses NA, "", 1,234, 5%, Infinity. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim();
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'f', '']);

/** A flag: 1/true/yes → true, 0/false/no/empty → false, anything else null. */
export function parseFlag(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return null;
}
