/**
 * @module describe
 * The text alternative of a chart: what the analysis says, in plain English for board members.
 */
import type { SpcAnalysis, SpcPoint, VariationIcon } from '@groundswell/spc';
import { formatNumber, periodFormatter, withUnit } from './format.js';
import type { PeriodFormatter, ValueFormatter } from './format.js';
import { centreName, chartTypeName, pointTypeLabel, sidesOf } from './labels.js';

/** Options of {@link describeAnalysis}. */
export interface DescribeOptions {
  /** What is measured, e.g. "A&E attendances"; the description starts with it. */
  readonly measure?: string | undefined;
  /** How periods are written (default: `March 2024`, `1 March 2024`, or the period as it is). */
  readonly formatPeriod?: PeriodFormatter | undefined;
  /** How values are written (default: {@link formatNumber}). */
  readonly formatValue?: ValueFormatter | undefined;
  /** Unit of the values: `%` is attached (`95%`), others follow a space; T charts default to `days`. */
  readonly unit?: string | undefined;
}

interface Ctx {
  readonly a: SpcAnalysis;
  readonly period: PeriodFormatter;
  readonly value: (v: number) => string;
  readonly centre: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The non-ghosted points, in order. */
function usedPoints(points: readonly SpcPoint[]): SpcPoint[] {
  return points.filter((p) => !p.ghost);
}

/** "process limits L and U", "an upper process limit of U (no lower limit)", or null. */
function limitsPhrase(ctx: Ctx, p: SpcPoint): string | null {
  if (p.lowerLimit !== null && p.upperLimit !== null) {
    return `process limits ${ctx.value(p.lowerLimit)} and ${ctx.value(p.upperLimit)}`;
  }
  if (p.upperLimit !== null) return `an upper process limit of ${ctx.value(p.upperLimit)} (no lower limit)`;
  if (p.lowerLimit !== null) return `a lower process limit of ${ctx.value(p.lowerLimit)} (no upper limit)`;
  return null;
}

/** "The mean is X, with process limits L and U." for a point's lines. */
function linesSentence(ctx: Ctx, p: SpcPoint): string {
  if (p.mean === null) return '';
  const limits = limitsPhrase(ctx, p);
  return `The ${ctx.centre} is ${ctx.value(p.mean)}${limits === null ? '' : `, with ${limits}`}.`;
}

/** The length of the run that ends at `used[last]`, extended back while `keep(previous, next)`. */
function runBack(
  used: readonly SpcPoint[],
  last: number,
  keep: (p: SpcPoint, next: SpcPoint) => boolean,
): number {
  let k = last;
  while (k > 0 && keep(used[k - 1]!, used[k]!)) k--;
  return last - k + 1;
}

const has = (s: SpcPoint['shift'], side: 'high' | 'low'): boolean => sidesOf(s).includes(side);

/** Why the last point signals on `side`, one clause per rule that fired there. */
function reasons(ctx: Ctx, used: readonly SpcPoint[], side: 'high' | 'low'): string[] {
  const last = used.length - 1;
  const p = used[last]!;
  const high = side === 'high';
  const out: string[] = [];
  if (has(p.singlePoint, side)) {
    const limit = high ? p.upperLimit : p.lowerLimit;
    const where = high ? 'above the upper' : 'below the lower';
    out.push(
      `the latest point (${ctx.value(p.value)}) is ${where} process limit` +
        (limit === null ? '' : ` of ${ctx.value(limit)}`),
    );
  }
  if (has(p.trend, side)) {
    const across = ctx.a.options.trendAcrossPartitions;
    const k = runBack(
      used,
      last,
      (prev, next) =>
        has(prev.trend, side) &&
        (across || prev.partition === next.partition) &&
        (high ? prev.value < next.value : prev.value > next.value),
    );
    out.push(`the last ${k} points have each been ${high ? 'higher' : 'lower'} than the one before`);
  }
  if (has(p.shift, side)) {
    const k = runBack(used, last, (prev, next) => has(prev.shift, side) && prev.partition === next.partition);
    out.push(`the last ${k} points are ${high ? 'above' : 'below'} the ${ctx.centre}`);
  }
  if (has(p.twoOfThree, side)) {
    out.push(
      `at least two of the last three points are beyond the ${high ? 'upper' : 'lower'} 2σ line, close to the process limit`,
    );
  }
  return out;
}

const sideOfIcon = (icon: VariationIcon): 'high' | 'low' => (icon.endsWith('_low') ? 'low' : 'high');

/** A run chart proper (Anhøj rules): the median and what the runs analysis found. */
function runChartSentences(ctx: Ctx, last: SpcPoint): string[] {
  const out: string[] = [];
  if (ctx.a.warnings.some((w) => w.code === 'too_few_points')) {
    // A chart with limits, analysed as a run chart until it has enough points for them.
    out.push(
      `There are too few points for process limits (at least ${ctx.a.options.minimumPoints} are needed), so it is a run chart until then.`,
    );
  }
  if (last.mean !== null) out.push(`The median is ${ctx.value(last.mean)}.`);
  const runs = ctx.a.summary.runs;
  if (runs === undefined || runs.n === 0 || runs.longestRun === null || runs.crossings === null) return out;
  const longest = `the longest run on one side of the median is ${plural(runs.longestRun, 'point', 'points')}`;
  const crossings = `the median is crossed ${runs.crossings === 1 ? 'once' : `${runs.crossings} times`}`;
  const maxRun = runs.longestRunMax === null ? '' : ` (at most ${runs.longestRunMax} expected)`;
  const minCross = runs.crossingsMin === null ? '' : ` (at least ${runs.crossingsMin} expected)`;
  if (!runs.signal) {
    out.push(
      `The runs analysis finds only random variation: ${longest}${maxRun} and ${crossings}${minCross}.`,
    );
    return out;
  }
  const why: string[] = [];
  if (runs.longestRunMax !== null && runs.longestRun > runs.longestRunMax) why.push(`${longest}${maxRun}`);
  if (runs.crossingsMin !== null && runs.crossings < runs.crossingsMin) why.push(`${crossings}${minCross}`);
  out.push(
    `The runs analysis signals non-random variation${why.length > 0 ? `: ${why.join(' and ')}` : ''}.`,
  );
  return out;
}

function variationSentences(ctx: Ctx, used: readonly SpcPoint[]): string[] {
  const { a } = ctx;
  const last = used[used.length - 1]!;
  const icon = a.summary.variation;
  if (a.chart === 'run') return runChartSentences(ctx, last);
  if (
    a.summary.limitsShown &&
    (icon === 'none' || icon === 'common_cause') &&
    last.upperLimit === null &&
    last.lowerLimit === null
  ) {
    const mean = last.mean === null ? '' : ` The ${ctx.centre} is ${ctx.value(last.mean)}.`;
    return [
      'The latest point is in a partition without process limits (too few points, or no variation, since the limits were last recalculated), so its variation cannot be judged against limits.' +
        mean,
    ];
  }
  if (!a.summary.limitsShown || icon === 'none') {
    const centre = last.mean === null ? '' : `; the ${ctx.centre} is ${ctx.value(last.mean)}`;
    return [
      `It is shown as a run chart: with ${plural(a.summary.n, 'point', 'points')} there are too few for process limits ` +
        `(at least ${a.options.minimumPoints} are needed), so no special-cause rules are applied${centre}.`,
    ];
  }
  if (icon === 'common_cause') {
    const special = used.filter((p) => p.pointType !== 'common_cause');
    if (special.length === 0) {
      const limits = limitsPhrase(ctx, last);
      const mean = last.mean === null ? '' : ` around a ${ctx.centre} of ${ctx.value(last.mean)}`;
      return [
        `Only common-cause variation: the process is stable${mean}${limits === null ? '' : `, with ${limits}`}.`,
      ];
    }
    const latest = special[special.length - 1]!;
    return [
      'The latest point shows common-cause variation.',
      linesSentence(ctx, last),
      `Earlier points showed special cause, most recently ${pointTypeLabel(latest.pointType).toLowerCase()} in ${ctx.period(latest.period)}.`,
    ];
  }
  // Special cause at the latest point: since when, and why.
  let start = used.length - 1;
  while (start > 0 && used[start - 1]!.pointType === last.pointType) start--;
  const since =
    start === used.length - 1 ? `in ${ctx.period(last.period)}` : `since ${ctx.period(used[start]!.period)}`;
  const why = reasons(ctx, used, sideOfIcon(icon));
  const label =
    last.pointType === 'improvement'
      ? 'Special cause improvement'
      : last.pointType === 'concern'
        ? 'Special cause concern'
        : `Special cause variation (${sideOfIcon(icon)})`;
  const out = [`${label} ${since}${why.length > 0 ? `: ${why.join('; ')}` : ''}.`];
  if (last.pointType === 'neither_high' || last.pointType === 'neither_low') {
    out.push('The measure has no improvement direction, so this is neither improvement nor concern.');
  }
  out.push(linesSentence(ctx, last));
  return out;
}

function assuranceSentence(ctx: Ctx, last: SpcPoint): string | null {
  const { a } = ctx;
  const target = last.target;
  if (target === null) return null;
  const t = `The target of ${ctx.value(target)}`;
  const increase = a.options.direction === 'increase';
  const relation = (limit: number | null, name: string): string => {
    if (limit === null) return '';
    const rel = target === limit ? 'on' : target > limit ? 'above' : 'below';
    return ` (the target is ${rel} the ${name} process limit of ${ctx.value(limit)})`;
  };
  switch (a.summary.assurance) {
    case 'pass':
      return `${t} will be consistently met${increase ? relation(last.lowerLimit, 'lower') : relation(last.upperLimit, 'upper')}.`;
    case 'fail':
      return `${t} will be consistently missed${increase ? relation(last.upperLimit, 'upper') : relation(last.lowerLimit, 'lower')}.`;
    case 'hit_or_miss':
      return `${t} will be met only some of the time (hit or miss): it lies between the process limits, so the process will fall either side of it by chance.`;
    case null:
      if (a.options.direction === 'neutral') {
        return `${t} is not assessed: the measure has no improvement direction.`;
      }
      if (!a.summary.limitsShown) return `${t} cannot be assessed without process limits.`;
      return null;
  }
}

function partitionSentence(ctx: Ctx): string | null {
  const { a } = ctx;
  const out: string[] = [];
  const recalculated: string[] = [];
  for (const part of a.partitions.slice(1)) {
    const first = a.points[part.start];
    if (first === undefined) continue;
    if (part.inherited) {
      const base = a.partitions[0]!;
      const from = a.points[base.start]!;
      const to = a.points[base.end]!;
      out.push(
        `The limits are fixed on the baseline from ${ctx.period(from.period)} to ${ctx.period(to.period)}.`,
      );
    } else {
      recalculated.push(ctx.period(first.period));
    }
  }
  if (recalculated.length > 0) {
    const list =
      recalculated.length === 1
        ? recalculated[0]!
        : `${recalculated.slice(0, -1).join(', ')} and ${recalculated[recalculated.length - 1]!}`;
    out.push(`The limits were recalculated from ${list}.`);
  }
  return out.length > 0 ? out.join(' ') : null;
}

function ghostSentence(ctx: Ctx): string | null {
  const ghosts = ctx.a.points.filter((p) => p.ghost);
  if (ghosts.length === 0) return null;
  if (ghosts.length === 1) {
    return `One point (${ctx.period(ghosts[0]!.period)}) is ghosted: shown, but left out of the calculations.`;
  }
  return `${ghosts.length} points are ghosted: shown, but left out of the calculations.`;
}

/**
 * Describes an analysis in plain English: the chart and its latest value; a run chart (too few
 * points); only common-cause variation around the mean; or special cause improvement, concern or
 * neither, since when (the start of the latest run of points of the last point's type) and which
 * rules fired at the latest point; the target outcome (consistently met, consistently missed, or
 * hit or miss); where limits were recalculated; and any ghosted points.
 * @example
 * describeAnalysis(xmr(series, { direction: 'increase', target: 95 }), { measure: 'Seen within 4 hours', unit: '%' });
 * // 'Seen within 4 hours: XmR chart, 24 points from March 2023 to February 2025. The latest value is 91.2%
 * //  (February 2025). Special cause improvement since March 2024: the last 12 points are above the mean. …
 * //  The target of 95% will be consistently missed (the target is above the upper process limit of 93%).'
 */
export function describeAnalysis(analysis: SpcAnalysis, options?: DescribeOptions): string {
  const points = analysis.points;
  const unit = options?.unit ?? (analysis.chart === 't' ? 'days' : undefined);
  const fmt = options?.formatValue ?? formatNumber;
  const ctx: Ctx = {
    a: analysis,
    period:
      options?.formatPeriod ??
      periodFormatter(
        points.map((p) => p.period),
        'long',
      ),
    value: (v) => withUnit(fmt(v), unit),
    centre: centreName(analysis.chart),
  };
  const measure = options?.measure?.trim();
  const lead = measure !== undefined && measure !== '' ? `${measure}: ` : '';
  if (points.length === 0) return lead === '' ? 'No data to chart.' : `${lead}no data to chart.`;

  const first = points[0]!;
  const lastShown = points[points.length - 1]!;
  const kind = analysis.summary.limitsShown ? chartTypeName(analysis.chart) : 'Run chart';
  const span =
    points.length === 1
      ? `1 point (${ctx.period(first.period)})`
      : `${points.length} points from ${ctx.period(first.period)} to ${ctx.period(lastShown.period)}`;
  const sentences = [`${lead}${kind}, ${span}.`];
  const used = usedPoints(points);
  if (used.length === 0) {
    sentences.push('Every point is ghosted, so nothing is analysed.');
    return sentences.join(' ');
  }
  const last = used[used.length - 1]!;
  sentences.push(`The latest value is ${ctx.value(last.value)} (${ctx.period(last.period)}).`);
  sentences.push(...variationSentences(ctx, used));
  const assurance = assuranceSentence(ctx, last);
  if (assurance !== null) sentences.push(assurance);
  if (analysis.warnings.some((w) => w.code === 'trial_limits')) {
    sentences.push(
      `The limits are trial limits: fewer than ${analysis.options.minimumPoints} points set them, so treat signals with caution.`,
    );
  }
  const partitions = partitionSentence(ctx);
  if (partitions !== null) sentences.push(partitions);
  const ghosts = ghostSentence(ctx);
  if (ghosts !== null) sentences.push(ghosts);
  return sentences.join(' ');
}
