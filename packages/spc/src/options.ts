/**
 * @module options
 * Presets and option resolution. A preset is only a set of default values.
 */
import { MINIMUM_BASELINE_POINTS_NHSR, MINIMUM_POINTS_FOR_LIMITS } from './constants.js';
import { SpcInputError } from './errors.js';
import type { ChartType, Preset, ResolvedOptions, SpcOptions } from './types.js';

type PresetDefaults = Omit<ResolvedOptions, 'preset' | 'target' | 'rebaseAt' | 'baseline'>;

/** What each preset sets (docs/deviations.md explains every line). */
export const PRESETS: Readonly<Record<Preset, PresetDefaults>> = {
  mdc: {
    direction: 'neutral',
    baselineMode: 'fixed',
    screenOutliers: false,
    screenRule: 'mdc',
    shiftLength: 6,
    trendLength: 6,
    trendAcrossPartitions: true,
    twoOfThreeCountsBeyondLimits: true,
    conflictRule: 'improvement',
    minimumPoints: MINIMUM_POINTS_FOR_LIMITS,
    belowMinimum: 'run_chart',
    assuranceOnLimit: 'inclusive',
    minimumBaselinePoints: 1,
  },
  nhsr: {
    direction: 'increase',
    baselineMode: 'restart',
    screenOutliers: true,
    screenRule: 'nhsr',
    shiftLength: 7,
    trendLength: 7,
    trendAcrossPartitions: false,
    twoOfThreeCountsBeyondLimits: false,
    conflictRule: 'precedence',
    minimumPoints: MINIMUM_POINTS_FOR_LIMITS,
    belowMinimum: 'trial_limits',
    assuranceOnLimit: 'exclusive',
    minimumBaselinePoints: MINIMUM_BASELINE_POINTS_NHSR,
  },
};

const KNOWN_OPTIONS = new Set<string>([
  'preset',
  'target',
  'rebaseAt',
  'baseline',
  ...Object.keys(PRESETS.mdc),
]);

function fail(field: string, message: string): never {
  throw new SpcInputError('invalid_option', `Option ${field}: ${message}`, { field });
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function bool(field: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return fail(field, `must be true or false (got ${JSON.stringify(value)})`);
}

function integer(field: string, value: unknown, min: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  return fail(field, `must be a whole number of at least ${min} (got ${JSON.stringify(value)})`);
}

function isPeriod(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string';
}

/**
 * Applies the preset's defaults and checks every option, refusing unknown ones.
 * @throws {SpcInputError} `unknown_option` or `invalid_option`, naming the option.
 * @example resolveOptions({ preset: 'nhsr', shiftLength: 8 }).trendLength // 7
 */
export function resolveOptions(options: SpcOptions = {}, chart: ChartType = 'xmr'): ResolvedOptions {
  // Many series are often analysed with one options object: resolve it once per chart type.
  // Cached by identity, so the caller must not mutate an options object between calls.
  const byChart = cache.get(options);
  const hit = byChart?.[chart];
  if (hit !== undefined) return hit;
  const resolved = resolveUncached(options, chart);
  cache.set(options, { ...byChart, [chart]: resolved });
  return resolved;
}

const cache = new WeakMap<SpcOptions, Partial<Record<ChartType, ResolvedOptions>>>();

function resolveUncached(options: SpcOptions, chart: ChartType): ResolvedOptions {
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new SpcInputError('unknown_option', `Unknown option "${key}"`, { field: key });
    }
  }
  const preset = options.preset === undefined ? 'mdc' : oneOf('preset', options.preset, ['mdc', 'nhsr']);
  const d = PRESETS[preset];
  const pick = (key: keyof PresetDefaults): unknown => options[key] ?? d[key];

  const target = options.target ?? null;
  if (target !== null && !(typeof target === 'number' && Number.isFinite(target))) {
    fail('target', `must be a finite number (got ${JSON.stringify(target)})`);
  }
  if (target !== null && (chart === 't' || chart === 'g')) {
    fail('target', `${chart.toUpperCase()} charts take no target`);
  }
  const rebaseAt = options.rebaseAt ?? [];
  if (!Array.isArray(rebaseAt) || !rebaseAt.every(isPeriod)) fail('rebaseAt', 'must be a list of periods');

  const baseline = options.baseline ?? null;
  const minimumBaselinePoints = integer('minimumBaselinePoints', pick('minimumBaselinePoints'), 1);
  if (baseline !== null) {
    // Checked before `in`, which throws a TypeError on a number or string.
    if (typeof baseline !== 'object') fail('baseline', 'must be { points: N } or { until: period }');
    if ('points' in baseline) {
      integer('baseline.points', baseline.points, Math.max(1, minimumBaselinePoints));
    } else if (!('until' in baseline) || !isPeriod(baseline.until)) {
      fail('baseline', 'must be { points: N } or { until: period }');
    }
  }

  return {
    preset,
    direction: oneOf('direction', pick('direction'), ['increase', 'decrease', 'neutral']),
    target,
    rebaseAt,
    baseline,
    baselineMode: oneOf('baselineMode', pick('baselineMode'), ['fixed', 'restart']),
    screenOutliers: bool('screenOutliers', pick('screenOutliers')),
    screenRule: oneOf('screenRule', pick('screenRule'), ['mdc', 'nhsr']),
    shiftLength: integer('shiftLength', pick('shiftLength'), 2),
    trendLength: integer('trendLength', pick('trendLength'), 2),
    trendAcrossPartitions: bool('trendAcrossPartitions', pick('trendAcrossPartitions')),
    twoOfThreeCountsBeyondLimits: bool('twoOfThreeCountsBeyondLimits', pick('twoOfThreeCountsBeyondLimits')),
    conflictRule: oneOf('conflictRule', pick('conflictRule'), ['improvement', 'concern', 'precedence']),
    minimumPoints: integer('minimumPoints', pick('minimumPoints'), 0),
    belowMinimum: oneOf('belowMinimum', pick('belowMinimum'), ['run_chart', 'trial_limits']),
    assuranceOnLimit: oneOf('assuranceOnLimit', pick('assuranceOnLimit'), ['inclusive', 'exclusive']),
    minimumBaselinePoints,
  };
}
