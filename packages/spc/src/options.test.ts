/**
 * Presets and option checking (spc-method.md §1 preset table, §6 "an unknown option").
 */
import { describe, expect, it } from 'vitest';
import { SpcInputError } from './errors.js';
import { PRESETS, resolveOptions } from './options.js';
import type { SpcOptions } from './types.js';

function refused(options: unknown, chart: 'xmr' | 't' | 'g' = 'xmr'): SpcInputError {
  try {
    resolveOptions(options as SpcOptions, chart);
  } catch (e) {
    if (e instanceof SpcInputError) return e;
    throw e;
  }
  throw new Error('expected an SpcInputError');
}

describe('resolveOptions(): presets', () => {
  it('defaults to the mdc preset (NHS England SQL v2.6)', () => {
    expect(resolveOptions()).toEqual({
      preset: 'mdc',
      direction: 'neutral',
      target: null,
      rebaseAt: [],
      baseline: null,
      baselineMode: 'fixed',
      screenOutliers: false,
      screenRule: 'mdc',
      shiftLength: 6,
      trendLength: 6,
      trendAcrossPartitions: true,
      twoOfThreeCountsBeyondLimits: true,
      conflictRule: 'improvement',
      minimumPoints: 13,
      belowMinimum: 'run_chart',
      assuranceOnLimit: 'inclusive',
      minimumBaselinePoints: 1,
    });
  });

  it('nhsr sets the NHSRplotthedots 0.2.2 defaults', () => {
    expect(resolveOptions({ preset: 'nhsr' })).toEqual({
      preset: 'nhsr',
      direction: 'increase',
      target: null,
      rebaseAt: [],
      baseline: null,
      baselineMode: 'restart',
      screenOutliers: true,
      screenRule: 'nhsr',
      shiftLength: 7,
      trendLength: 7,
      trendAcrossPartitions: false,
      twoOfThreeCountsBeyondLimits: false,
      conflictRule: 'precedence',
      minimumPoints: 13,
      belowMinimum: 'trial_limits',
      assuranceOnLimit: 'exclusive',
      minimumBaselinePoints: 12,
    });
  });

  it('a preset only supplies defaults: every option can be set on its own', () => {
    const r = resolveOptions({
      preset: 'nhsr',
      shiftLength: 8,
      direction: 'decrease',
      screenOutliers: false,
    });
    expect([r.shiftLength, r.trendLength, r.direction, r.screenOutliers]).toEqual([8, 7, 'decrease', false]);
  });

  it('every preset option is known, and setting all of them to mdc under nhsr gives mdc', () => {
    const all = { ...PRESETS.mdc, preset: 'nhsr' } as const;
    expect({ ...resolveOptions(all), preset: 'mdc' }).toEqual(resolveOptions());
  });

  it('treats an option set to null or undefined as not set (the preset default)', () => {
    const r = resolveOptions({
      preset: 'nhsr',
      shiftLength: null,
      direction: undefined,
    } as unknown as SpcOptions);
    expect([r.shiftLength, r.direction]).toEqual([7, 'increase']);
  });

  it('keeps target, rebaseAt and baseline', () => {
    const r = resolveOptions({ target: 5, rebaseAt: ['2024-01-01'], baseline: { until: '2024-06-01' } });
    expect([r.target, r.rebaseAt, r.baseline]).toEqual([5, ['2024-01-01'], { until: '2024-06-01' }]);
  });
});

describe('resolveOptions(): refused options', () => {
  it('refuses an unknown option, naming it', () => {
    const e = refused({ shiftLenght: 6 });
    expect([e.code, e.field]).toEqual(['unknown_option', 'shiftLenght']);
    expect(e.message).toContain('shiftLenght');
  });

  it.each<[string, Record<string, unknown>]>([
    ['preset', { preset: 'excel' }],
    ['direction', { direction: 'up' }],
    ['target', { target: Number.NaN }],
    ['target', { target: Number.POSITIVE_INFINITY }],
    ['target', { target: '5' }],
    ['rebaseAt', { rebaseAt: '2024-01-01' }],
    ['rebaseAt', { rebaseAt: [Number.NaN] }],
    ['baseline', { baseline: 12 }],
    ['baseline', { baseline: {} }],
    ['baseline', { baseline: { until: null } }],
    ['baseline.points', { baseline: { points: 0 } }],
    ['baseline.points', { baseline: { points: 2.5 } }],
    ['baselineMode', { baselineMode: 'rolling' }],
    ['screenOutliers', { screenOutliers: 'yes' }],
    ['screenRule', { screenRule: 'excel' }],
    ['shiftLength', { shiftLength: 1 }],
    ['shiftLength', { shiftLength: 6.5 }],
    ['trendLength', { trendLength: '7' }],
    ['trendAcrossPartitions', { trendAcrossPartitions: 1 }],
    ['twoOfThreeCountsBeyondLimits', { twoOfThreeCountsBeyondLimits: 'no' }],
    ['conflictRule', { conflictRule: 'safety' }],
    ['minimumPoints', { minimumPoints: -1 }],
    ['belowMinimum', { belowMinimum: 'hide' }],
    ['assuranceOnLimit', { assuranceOnLimit: 'strict' }],
    ['minimumBaselinePoints', { minimumBaselinePoints: 0 }],
  ])('refuses an invalid %s: %j', (field, options) => {
    const e = refused(options);
    expect([e.code, e.field]).toEqual(['invalid_option', field]);
    expect(e.message).toContain(field);
  });

  it('nhsr: refuses a baseline of fewer than 12 points', () => {
    const e = refused({ preset: 'nhsr', baseline: { points: 11 } });
    expect([e.code, e.field]).toEqual(['invalid_option', 'baseline.points']);
    expect(resolveOptions({ preset: 'nhsr', baseline: { points: 12 } }).baseline).toEqual({ points: 12 });
  });

  it('mdc accepts a baseline of any length', () => {
    expect(resolveOptions({ baseline: { points: 1 } }).baseline).toEqual({ points: 1 });
  });

  it('refuses a target for T and G charts', () => {
    expect(refused({ target: 5 }, 't').field).toBe('target');
    expect(refused({ target: 5 }, 'g').field).toBe('target');
  });

  it('is an Error named SpcInputError', () => {
    const e = refused({ direction: 'up' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SpcInputError');
  });
});
