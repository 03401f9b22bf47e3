/**
 * @module funnel-labels
 * Words and numbers of funnel plots, shared by the chart and its text alternative: levels, where
 * a unit lies against the limits, its counts, the target and the default value format.
 */
import type { FunnelResult, FunnelType, FunnelUnitResult } from '@groundswell/spc';
import { formatNumber } from './format.js';
import type { ValueFormatter } from './format.js';

/** What the units are called, singular and plural; default `['organisation', 'organisations']`. */
export type UnitNoun = readonly [singular: string, plural: string];

export const DEFAULT_UNIT_NOUN: UnitNoun = ['organisation', 'organisations'];

/** `n organisations` (or `1 organisation`; `One organisation` with `capital`). */
export function countOf(n: number, noun: UnitNoun, capital = false): string {
  return n === 1 ? `${capital ? 'One' : '1'} ${noun[0]}` : `${n} ${noun[1]}`;
}

/** A confidence level as written, e.g. `99.8%` (as given, never rounded). */
export const levelText = (level: number): string => `${level}%`;

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** Names in the order given, the first `max` of them, then `and N more`. */
export function nameList(names: readonly string[], max = 5): string {
  if (names.length <= max) return andList(names);
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The levels, e.g. `95% and 99.8%`. */
export const levelsText = (levels: readonly number[]): string => andList(levels.map(levelText));

/** The widest (highest) level, against which outliers are flagged. */
export const widestLevel = (result: FunnelResult): number | undefined =>
  result.levels[result.levels.length - 1];

/**
 * The default value format: percentages for proportions (`17.7%`; three significant figures below
 * 1%), plain numbers for ratios (`1.23`).
 */
export function defaultFunnelFormatter(type: FunnelType): ValueFormatter {
  if (type !== 'proportion') return formatNumber;
  return (v) => {
    const pct = v * 100;
    const a = Math.abs(pct);
    return `${formatNumber(a >= 1 || a === 0 ? Math.round(pct * 10) / 10 : pct)}%`;
  };
}

/** A z-score to two decimals; `−∞` for a ratio with no observed events. */
export function zText(z: number): string {
  if (z === -Infinity) return '−∞';
  if (z === Infinity) return '+∞';
  if (Number.isNaN(z)) return 'undefined';
  return formatNumber(Math.round(z * 100) / 100).replace(/^-/, '−');
}

/** A unit's counts in words: `7 of 30`, `7 observed, 5.3 expected`, or `7 / 30`. */
export function countsText(type: FunnelType, u: Pick<FunnelUnitResult, 'numerator' | 'denominator'>): string {
  const o = formatNumber(u.numerator);
  const d = formatNumber(u.denominator);
  switch (type) {
    case 'proportion':
      return `${o} of ${d}`;
    case 'ratio':
      return `${o} observed, ${d} expected`;
    case 'ratio-of-counts':
      return `${o} / ${d}`;
  }
}

/**
 * Where a unit lies against the limits, e.g. `above the 99.8% limit`, `below the 95% limit (within
 * the 99.8% limits)`, `within the 95% and 99.8% limits`. It names the widest limit crossed.
 */
export function crossingText(u: FunnelUnitResult): string {
  const levels = u.limits.map((l) => l.level);
  for (let k = u.limits.length - 1; k >= 0; k--) {
    const l = u.limits[k]!;
    if (l.crosses === null) continue;
    const where = `${l.crosses === 'high' ? 'above' : 'below'} the ${levelText(l.level)} limit`;
    const within = levels.slice(k + 1);
    return within.length === 0 ? where : `${where} (within the ${levelsText(within)} limits)`;
  }
  return levels.length === 0 ? 'within the limits' : `within the ${levelsText(levels)} limits`;
}

/** The name of the target line: `Overall proportion`, `Expected ratio`, `Overall ratio`. */
export function targetName(type: FunnelType): string {
  switch (type) {
    case 'proportion':
      return 'Overall proportion';
    case 'ratio':
      return 'Expected ratio';
    case 'ratio-of-counts':
      return 'Overall ratio';
  }
}

/** What is compared, e.g. `proportions`, `standardised ratios (observed ÷ expected)` (`short`: without the parenthesis). */
export function funnelTypeName(type: FunnelType, short = false): string {
  switch (type) {
    case 'proportion':
      return 'proportions';
    case 'ratio':
      return short ? 'standardised ratios' : 'standardised ratios (observed ÷ expected)';
    case 'ratio-of-counts':
      return 'ratios of counts';
  }
}

/** φ as written in labels and text, e.g. `2.31`. */
export const phiText = (phi: number): string => (Number.isFinite(phi) ? formatNumber(phi) : '∞');
