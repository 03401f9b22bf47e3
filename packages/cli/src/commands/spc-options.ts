/**
 * @module commands/spc-options
 * Turns `groundswell spc` flags into engine options, checking each and naming the flag at fault.
 */
import { resolveOptions, SpcInputError, type ChartType, type SpcOptions } from '@groundswell/spc';
import { CliError } from '../errors.js';
import { parseNumber } from '../input/cells.js';
import { parsePeriod, PERIOD_FORMS } from '../input/periods.js';

export interface SpcFlags {
  readonly date: string;
  readonly value: string;
  readonly numerator?: string | undefined;
  readonly denominator?: string | undefined;
  readonly group?: string | undefined;
  readonly chart: ChartType;
  readonly preset?: 'mdc' | 'nhsr' | undefined;
  readonly direction?: 'increase' | 'decrease' | 'neutral' | undefined;
  readonly target?: string | undefined;
  readonly targetCol?: string | undefined;
  readonly rebase?: string | undefined;
  readonly rebaseCol?: string | undefined;
  readonly ghostCol?: string | undefined;
  readonly baseline?: string | undefined;
  readonly baselineUntil?: string | undefined;
  readonly screenOutliers?: boolean | undefined;
  readonly shift?: string | undefined;
  readonly trend?: string | undefined;
  readonly conflict?: 'improvement' | 'concern' | undefined;
  readonly summary?: boolean | undefined;
  readonly format: 'csv' | 'json' | 'svg';
  readonly out?: string | undefined;
}

const FLAG_OF: Record<string, string> = {
  shiftLength: '--shift',
  trendLength: '--trend',
  baseline: '--baseline',
  'baseline.points': '--baseline',
  target: '--target',
  conflictRule: '--conflict',
  direction: '--direction',
  preset: '--preset',
};

function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  if (n === null || !Number.isInteger(n) || n < 1)
    throw new CliError(`${flag}: "${text}" is not a whole number of at least 1`, 2);
  return n;
}

function period(flag: string, text: string): number {
  const p = parsePeriod(text);
  if (p === null) throw new CliError(`${flag}: "${text}" is not ${PERIOD_FORMS}`, 2);
  return p.value;
}

function exclusive(a: [string, unknown], b: [string, unknown]): void {
  if (a[1] !== undefined && b[1] !== undefined)
    throw new CliError(`Use either ${a[0]} or ${b[0]}, not both`, 2);
}

/** Engine options from the flags; refuses contradictory or invalid flags with a usage error. */
export function engineOptions(flags: SpcFlags): SpcOptions {
  exclusive(['--target', flags.target], ['--target-col', flags.targetCol]);
  exclusive(['--rebase', flags.rebase], ['--rebase-col', flags.rebaseCol]);
  exclusive(['--baseline', flags.baseline], ['--baseline-until', flags.baselineUntil]);
  let target: number | undefined;
  if (flags.target !== undefined) {
    const t = parseNumber(flags.target);
    if (t === null) throw new CliError(`--target: "${flags.target}" is not a number`, 2);
    target = t;
  }
  const points = wholeNumber('--baseline', flags.baseline);
  const options: SpcOptions = {
    preset: flags.preset,
    direction: flags.direction,
    target,
    rebaseAt: flags.rebase?.split(',').map((p) => period('--rebase', p)),
    baseline:
      points !== undefined
        ? { points }
        : flags.baselineUntil !== undefined
          ? { until: period('--baseline-until', flags.baselineUntil) }
          : undefined,
    screenOutliers: flags.screenOutliers,
    shiftLength: wholeNumber('--shift', flags.shift),
    trendLength: wholeNumber('--trend', flags.trend),
    conflictRule: flags.conflict,
  };
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as SpcOptions;
  try {
    resolveOptions(defined, flags.chart);
  } catch (e) {
    if (e instanceof SpcInputError) {
      const flag = e.field === undefined ? undefined : FLAG_OF[e.field];
      throw new CliError(flag === undefined ? e.message : `${flag}: ${e.message}`, 2);
    }
    throw e;
  }
  const needsRatio = ['p', 'pp', 'u', 'up'].includes(flags.chart);
  if (needsRatio && (flags.numerator === undefined || flags.denominator === undefined)) {
    throw new CliError(`--chart ${flags.chart} needs --numerator COL and --denominator COL`, 2);
  }
  if (!needsRatio && (flags.numerator !== undefined || flags.denominator !== undefined)) {
    throw new CliError(
      `--numerator and --denominator are for --chart p, pp, u or up (use --value for ${flags.chart})`,
      2,
    );
  }
  if ((flags.chart === 't' || flags.chart === 'g') && flags.targetCol !== undefined) {
    throw new CliError(`--target-col: ${flags.chart.toUpperCase()} charts take no target`, 2);
  }
  return defined;
}
