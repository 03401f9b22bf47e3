/**
 * @module funnel/funnel
 * Funnel plots comparing organisations (spc-method.md §5): the orchestrator.
 */
import { levelSpec } from './levels.js';
import type { FunnelMethod } from './method.js';
import { estimateOverdispersion } from './overdispersion.js';
import { proportionMethod } from './proportions.js';
import { ratioOfCountsMethod } from './ratio-of-counts.js';
import { ratioMethod } from './ratios.js';
import { curveDenominators, limitCurves } from './curves.js';
import type {
  FunnelOptions,
  FunnelResult,
  FunnelSide,
  FunnelType,
  FunnelUnitInput,
  FunnelUnitLimits,
  FunnelUnitResult,
} from './types.js';
import { resolveFunnelOptions, validateFunnelUnits } from './validate.js';

function methodFor(type: FunnelType, totalNumerator: number, totalDenominator: number): FunnelMethod {
  switch (type) {
    case 'proportion':
      return proportionMethod(totalNumerator, totalDenominator);
    case 'ratio':
      return ratioMethod();
    case 'ratio-of-counts':
      return ratioOfCountsMethod(totalNumerator, totalDenominator);
  }
}

/** Strictly beyond a limit; exactly on a limit is inside. */
function side(value: number, lower: number, upper: number): FunnelSide {
  if (value > upper) return 'high';
  if (value < lower) return 'low';
  return null;
}

function quoteList(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => `"${n}"`);
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}

/**
 * A funnel plot: each unit's value against limits that narrow as its denominator grows, around
 * the pooled target, optionally widened for overdispersion (spc-method.md §5).
 *
 * - `proportion`: O/n, arcsine-scale limits sin²(asin√θ ± z·s), s = 1/(2√n), θ = ΣO/Σn.
 * - `ratio`: O/E, exact Poisson limits χ²(α/2; 2E)/(2E) and χ²(1 − α/2; 2(E+1))/(2E), target 1.
 * - `ratio-of-counts`: O/D, exp(ln θ ± z·s(D)), s(D) the error of ln((O+½)/(D+½)) at O = θD.
 *
 * Overdispersion (default on): z-scores are Winsorised at their 10th/90th percentiles
 * (proportions, ratios of counts) or the top and bottom deciles truncated (ratios); φ = Σz²/N and
 * τ² (method of moments, w = 1/s²) are always measured and reported; the limits and flags are the
 * adjusted ones only when overdispersion is on and φ > 1. With a single unit τ² cannot be
 * estimated: it is reported as 0 and the unadjusted limits are used (φ = z², as measured).
 * Outliers are flagged against the widest limits; a value exactly on a limit is inside.
 *
 * @throws {SpcInputError} for an empty list, a unit without a name or named twice, a non-finite or
 *   negative number, a zero denominator (or expected count), a numerator above its denominator
 *   (proportions), no events at all (ratio of counts), or an unknown or invalid option.
 * @example
 * funnel(
 *   [{ unit: 'A', numerator: 12, denominator: 300 }, { unit: 'B', numerator: 40, denominator: 500 }],
 *   { type: 'proportion' },
 * ).target // 0.065 (= 52/800)
 */
export function funnel(units: readonly FunnelUnitInput[], options: FunnelOptions): FunnelResult {
  const opts = resolveFunnelOptions(options);
  validateFunnelUnits(units, opts.type);

  let totalNumerator = 0;
  let totalDenominator = 0;
  let minDenominator = Infinity;
  let maxDenominator = -Infinity;
  for (const u of units) {
    totalNumerator += u.numerator;
    totalDenominator += u.denominator;
    if (u.denominator < minDenominator) minDenominator = u.denominator;
    if (u.denominator > maxDenominator) maxDenominator = u.denominator;
  }
  const method = methodFor(opts.type, totalNumerator, totalDenominator);
  const levels = opts.limits.map(levelSpec);

  const z = units.map((u) => method.z(u.numerator, u.denominator));
  const se = units.map((u) => method.se(u.numerator, u.denominator));
  const od = estimateOverdispersion(z, se, method.trimming);
  const adjusted = opts.overdispersion && od.estimable && od.phi > 1;
  const tau2 = adjusted ? od.tau2 : null;

  const results: FunnelUnitResult[] = units.map((u, i) => {
    const value = method.value(u.numerator, u.denominator);
    const limits: FunnelUnitLimits[] = levels.map((level) => {
      const { lower, upper } = method.limits(u.denominator, level, tau2);
      return { level: level.level, lower, upper, crosses: side(value, lower, upper) };
    });
    return {
      unit: u.unit,
      numerator: u.numerator,
      denominator: u.denominator,
      value,
      z: z[i]!,
      retained: od.retained[i]!,
      limits,
      outlier: limits[limits.length - 1]!.crosses,
    };
  });

  const warnings: string[] = [];
  if (opts.overdispersion && !od.estimable) {
    warnings.push(
      `Only ${od.n} unit${od.n === 1 ? '' : 's'} entered the overdispersion estimate: τ² cannot be estimated ` +
        `from fewer than two, so it is reported as 0 and the unadjusted limits are used (φ = ${od.phi}, as measured).`,
    );
  }
  if (opts.type === 'ratio') {
    const zeros = results.filter((r) => r.numerator === 0);
    if (zeros.length > 0) {
      const one = zeros.length === 1;
      const kept = zeros.filter((r) => r.retained).length;
      let text = `${quoteList(zeros.map((r) => r.unit))} ${one ? 'has' : 'have'} no observed events: the z-score √E·ln(O/E) is −∞.`;
      if (kept === 0) {
        text += ` Truncation left ${one ? 'it' : 'them'} out of φ and τ².`;
      } else {
        text += ` ${one ? 'It was' : `${kept} of them were`} not truncated, so φ is infinite`;
        text += Number.isFinite(od.tau2)
          ? '.'
          : adjusted
            ? ' and so is τ²: the adjusted limits are 0 and +∞ and no unit can be flagged.'
            : ' and so is τ².';
      }
      warnings.push(text);
    }
  }

  return {
    type: opts.type,
    target: method.target,
    levels: opts.limits,
    trimming: method.trimming,
    overdispersion: opts.overdispersion,
    phi: od.phi,
    tau2: od.tau2,
    adjusted,
    retained: od.n,
    units: results,
    curves: limitCurves(
      method,
      levels,
      tau2,
      curveDenominators(minDenominator, maxDenominator, opts.curvePoints),
    ),
    warnings,
  };
}
