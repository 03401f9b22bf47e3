/**
 * @module funnel-describe
 * The text alternative of a funnel plot, in plain English: what is compared, against what, which
 * units lie beyond the limits, whether the limits were widened for overdispersion, and where the
 * highlighted unit lies. Units are named in the order given, never ranked.
 */
import type { FunnelResult, FunnelUnitResult } from '@groundswell/spc';
import type { ValueFormatter } from './format.js';
import {
  DEFAULT_UNIT_NOUN,
  countOf,
  countsText,
  crossingText,
  defaultFunnelFormatter,
  funnelTypeName,
  levelText,
  levelsText,
  nameList,
  phiText,
  widestLevel,
} from './funnel-labels.js';
import type { UnitNoun } from './funnel-labels.js';

/** Options of {@link describeFunnel}. */
export interface FunnelDescribeOptions {
  /** What is measured, e.g. "Deaths within 30 days"; the description starts with it. */
  readonly measure?: string | undefined;
  /** How values are written (default: percentages for proportions, `1.23` for ratios). */
  readonly formatValue?: ValueFormatter | undefined;
  /** The name of a unit to report on, e.g. your own organisation. */
  readonly highlight?: string | undefined;
  /** What the units are called, singular and plural (default `['organisation', 'organisations']`). */
  readonly unitNoun?: UnitNoun | undefined;
}

/**
 * The unit named `highlight`, or undefined when none is asked for.
 * @throws {RangeError} when no unit has that name.
 */
export function findHighlight(
  result: FunnelResult,
  highlight: string | undefined,
): FunnelUnitResult | undefined {
  if (highlight === undefined) return undefined;
  const unit = result.units.find((u) => u.unit === highlight);
  if (unit === undefined) {
    throw new RangeError(`Cannot highlight "${highlight}": it is not a unit of the funnel plot`);
  }
  return unit;
}

/** The sentence on the target, e.g. `… against the overall proportion of 17.7% (53 of 300)`. */
function targetPhrase(result: FunnelResult, value: ValueFormatter): string {
  let o = 0;
  let d = 0;
  for (const u of result.units) {
    o += u.numerator;
    d += u.denominator;
  }
  switch (result.type) {
    case 'proportion':
      return `the overall proportion of ${value(result.target)} (${countsText('proportion', { numerator: o, denominator: d })})`;
    case 'ratio':
      return `the expected ratio of ${value(result.target)} (as many events as expected)`;
    case 'ratio-of-counts':
      return `the overall ratio of ${value(result.target)} (${countsText('ratio-of-counts', { numerator: o, denominator: d })})`;
  }
}

/** Which units lie beyond the widest limits, named in the order given. */
function outlierSentences(result: FunnelResult, noun: UnitNoun): string[] {
  const widest = widestLevel(result);
  const n = result.units.length;
  if (widest === undefined || n === 0) return [];
  const w = levelText(widest);
  const high = result.units.filter((u) => u.outlier === 'high');
  const low = result.units.filter((u) => u.outlier === 'low');
  if (high.length === 0 && low.length === 0) {
    const all = n === 1 ? `The ${noun[0]} is` : n === 2 ? `Both ${noun[1]} are` : `All ${n} ${noun[1]} are`;
    return [`${all} within the ${w} limits: no difference beyond what chance would explain.`];
  }
  const out: string[] = [];
  const side = (units: readonly FunnelUnitResult[], where: string): string => {
    const names = nameList(units.map((u) => u.unit));
    return `${countOf(units.length, noun, true)} ${units.length === 1 ? 'is' : 'are'} ${where} the ${w} limit: ${names}.`;
  };
  if (high.length > 0) out.push(side(high, 'above'));
  if (low.length > 0) out.push(side(low, 'below'));
  const inside = n - high.length - low.length;
  const rest =
    high.length + low.length === n
      ? null
      : inside === 1
        ? `The other ${noun[0]} is`
        : `The other ${inside} are`;
  if (rest !== null) out.push(`${rest} within the ${w} limits.`);
  // Units beyond a narrower limit only: counted, not named (they are not flagged).
  if (result.levels.length > 1) {
    const between = result.units.filter(
      (u) => u.outlier === null && u.limits.some((l) => l.crosses !== null),
    );
    if (between.length > 0) {
      const narrowest = levelText(result.levels[0]!);
      const who = between.length === 1 ? `One ${noun[0]} lies` : `${between.length} ${noun[1]} lie`;
      out.push(`${who} outside the ${narrowest} limits but within the ${w} limits.`);
    }
  }
  return out;
}

/** Whether and why the limits were widened for overdispersion. */
function overdispersionSentence(result: FunnelResult, noun: UnitNoun): string {
  const phi = `φ = ${phiText(result.phi)}`;
  const between = `between ${noun[1]}`;
  if (result.adjusted) {
    return (
      `The limits were adjusted for overdispersion (${phi}): the spread ${between} is larger than chance ` +
      `alone, so limits were widened.`
    );
  }
  if (!result.overdispersion) {
    return result.phi > 1
      ? `The limits were not adjusted for overdispersion, although the spread ${between} is larger than chance ` +
          `alone (${phi}): more ${noun[1]} may fall outside them than chance would explain.`
      : `The limits were not adjusted for overdispersion (${phi}).`;
  }
  if (result.phi > 1) {
    return `The limits were not adjusted for overdispersion (${phi}): there are too few ${noun[1]} to estimate it.`;
  }
  return `The spread ${between} is no larger than chance alone (${phi}), so the limits were not adjusted for overdispersion.`;
}

/**
 * Describes a funnel plot in plain English: how many units and what is compared, the target, the
 * levels, which units lie above or below the widest limits (named in the order given, five at most
 * then "and N more"; never ranked), how many lie only beyond narrower limits, whether the limits
 * were adjusted for overdispersion and why that matters, where the highlighted unit lies, and the
 * result's warnings.
 * @throws {RangeError} when `highlight` is not the name of a unit.
 * @example
 * describeFunnel(funnel(units, { type: 'proportion' }), { measure: 'Deaths', highlight: 'Trust3' });
 * // 'Deaths: funnel plot of 10 organisations comparing proportions against the overall proportion of
 * //  17.7% (53 of 300), with 95% and 99.8% limits. All 10 organisations are within the 99.8% limits: …'
 */
export function describeFunnel(result: FunnelResult, options: FunnelDescribeOptions = {}): string {
  const noun = options.unitNoun ?? DEFAULT_UNIT_NOUN;
  const value = options.formatValue ?? defaultFunnelFormatter(result.type);
  const highlighted = findHighlight(result, options.highlight);
  const measure = options.measure?.trim();
  const lead = measure !== undefined && measure !== '' ? `${measure}: funnel plot` : 'Funnel plot';
  const n = result.units.length;
  const levels = result.levels.length === 0 ? '' : `, with ${levelsText(result.levels)} limits`;
  const sentences = [
    `${lead} of ${countOf(n, noun)} comparing ${funnelTypeName(result.type)} against ${targetPhrase(result, value)}${levels}.`,
  ];
  sentences.push(...outlierSentences(result, noun));
  sentences.push(overdispersionSentence(result, noun));
  if (highlighted !== undefined) {
    sentences.push(
      `The highlighted ${noun[0]}, ${highlighted.unit} (${value(highlighted.value)}, ` +
        `${countsText(result.type, highlighted)}), is ${crossingText(highlighted)}.`,
    );
  }
  for (const w of result.warnings) sentences.push(`Note: ${w}`);
  return sentences.join(' ');
}
