/**
 * @module funnel/validate
 * What a funnel plot refuses (spc-method.md §5–6), with the unit named in the message.
 */
import { SpcInputError } from '../errors.js';
import {
  FUNNEL_DEFAULT_CURVE_POINTS,
  FUNNEL_DEFAULT_LEVELS,
  FUNNEL_MAX_CURVE_POINTS,
  FUNNEL_MIN_CURVE_POINTS,
} from './constants.js';
import type { FunnelType, FunnelUnitInput } from './types.js';

/** Options with their defaults applied; levels ascending. */
export interface ResolvedFunnelOptions {
  readonly type: FunnelType;
  readonly limits: readonly number[];
  readonly overdispersion: boolean;
  readonly curvePoints: number;
}

const TYPES: readonly FunnelType[] = ['proportion', 'ratio', 'ratio-of-counts'];
const KNOWN_OPTIONS = new Set<string>(['type', 'limits', 'overdispersion', 'curvePoints']);

function invalidOption(field: string, message: string): never {
  throw new SpcInputError('invalid_option', `Option ${field}: ${message}`, { field });
}

/**
 * Applies defaults and checks every option, refusing unknown ones.
 * @throws {SpcInputError} `unknown_option` or `invalid_option`, naming the option.
 */
export function resolveFunnelOptions(options: unknown): ResolvedFunnelOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SpcInputError('invalid_option', 'Options must be an object with at least a type', {
      field: 'type',
    });
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new SpcInputError(
        'unknown_option',
        `Unknown funnel option "${key}" (known: ${[...KNOWN_OPTIONS].join(', ')})`,
        { field: key },
      );
    }
  }
  const { type, limits, overdispersion, curvePoints } = options as Record<string, unknown>;
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    invalidOption('type', `must be one of ${TYPES.join(', ')} (got ${JSON.stringify(type)})`);
  }

  let levels: number[] = [...FUNNEL_DEFAULT_LEVELS];
  if (limits !== undefined) {
    if (!Array.isArray(limits) || limits.length === 0) {
      invalidOption(
        'limits',
        `must be a non-empty array of confidence levels in percent (got ${JSON.stringify(limits)})`,
      );
    }
    levels = [];
    for (const level of limits as unknown[]) {
      if (typeof level !== 'number' || !Number.isFinite(level) || level <= 0 || level >= 100) {
        invalidOption(
          'limits',
          `each level must be a percentage strictly between 0 and 100 (got ${JSON.stringify(level)})`,
        );
      }
      if (levels.includes(level)) invalidOption('limits', `level ${level} is given twice`);
      levels.push(level);
    }
    levels.sort((a, b) => a - b);
  }

  if (overdispersion !== undefined && typeof overdispersion !== 'boolean') {
    invalidOption('overdispersion', `must be true or false (got ${JSON.stringify(overdispersion)})`);
  }
  if (
    curvePoints !== undefined &&
    (typeof curvePoints !== 'number' ||
      !Number.isInteger(curvePoints) ||
      curvePoints < FUNNEL_MIN_CURVE_POINTS ||
      curvePoints > FUNNEL_MAX_CURVE_POINTS)
  ) {
    invalidOption(
      'curvePoints',
      `must be a whole number from ${FUNNEL_MIN_CURVE_POINTS} to ${FUNNEL_MAX_CURVE_POINTS} (got ${JSON.stringify(curvePoints)})`,
    );
  }
  return {
    type: type as FunnelType,
    limits: levels,
    overdispersion: overdispersion ?? true,
    curvePoints: curvePoints ?? FUNNEL_DEFAULT_CURVE_POINTS,
  };
}

/**
 * Checks every unit: a name, unique; finite, non-negative numbers; a positive denominator (for
 * `ratio`, a positive expected count); O ≤ n for proportions; at least one event in all for a
 * ratio of counts (θ = 0 has no logarithm).
 * @throws {SpcInputError} naming the unit and its 0-based `index`.
 */
export function validateFunnelUnits(units: readonly FunnelUnitInput[], type: FunnelType): void {
  if (!Array.isArray(units)) {
    throw new SpcInputError('invalid_funnel_input', 'Funnel input must be an array of units', {
      field: 'units',
    });
  }
  if (units.length === 0) {
    throw new SpcInputError(
      'invalid_funnel_input',
      'Funnel input has no units: a funnel plot needs at least one',
      {
        field: 'units',
      },
    );
  }
  const denominatorName = type === 'ratio' ? 'expected count' : 'denominator';
  const seen = new Map<string, number>();
  let totalNumerator = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as unknown;
    if (typeof u !== 'object' || u === null) {
      throw new SpcInputError('invalid_funnel_input', `Unit at row ${i + 1} is not an object`, { index: i });
    }
    const { unit, numerator, denominator } = u as Record<string, unknown>;
    if (typeof unit !== 'string' || unit === '') {
      throw new SpcInputError(
        'invalid_funnel_input',
        `Unit at row ${i + 1} has no name (unit must be a non-empty string, got ${JSON.stringify(unit)})`,
        { index: i, field: 'unit' },
      );
    }
    const earlier = seen.get(unit);
    if (earlier !== undefined) {
      throw new SpcInputError(
        'invalid_funnel_input',
        `Unit "${unit}" appears twice (rows ${earlier + 1} and ${i + 1}); each unit must appear once`,
        { index: i, field: 'unit' },
      );
    }
    seen.set(unit, i);
    const where = `Unit "${unit}" (row ${i + 1})`;
    for (const [field, value, name] of [
      ['numerator', numerator, 'numerator'],
      ['denominator', denominator, denominatorName],
    ] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new SpcInputError(
          'non_finite_value',
          `${where}: ${name} is ${String(value)}, not a finite number`,
          {
            index: i,
            field,
          },
        );
      }
    }
    const o = numerator as number;
    const d = denominator as number;
    if (o < 0) {
      throw new SpcInputError('negative_value', `${where}: numerator ${o} is negative`, {
        index: i,
        field: 'numerator',
      });
    }
    if (d < 0) {
      throw new SpcInputError('negative_denominator', `${where}: ${denominatorName} ${d} is negative`, {
        index: i,
        field: 'denominator',
      });
    }
    if (d === 0) {
      throw new SpcInputError(
        'zero_denominator',
        `${where}: ${denominatorName} is 0, so it has no ${type === 'proportion' ? 'proportion' : 'ratio'} to plot`,
        { index: i, field: 'denominator' },
      );
    }
    if (type === 'proportion' && o > d) {
      throw new SpcInputError(
        'numerator_exceeds_denominator',
        `${where}: numerator ${o} exceeds denominator ${d}`,
        {
          index: i,
          field: 'numerator',
        },
      );
    }
    totalNumerator += o;
  }
  if (type === 'ratio-of-counts' && totalNumerator === 0) {
    throw new SpcInputError(
      'invalid_funnel_input',
      'Every numerator is 0: a ratio-of-counts funnel needs at least one event (θ = ΣO/ΣD = 0 has no logarithm)',
      { field: 'numerator' },
    );
  }
}
