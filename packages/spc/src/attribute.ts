/**
 * @module attribute
 * Attribute charts, spc-method.md §3 (formulas as in qicharts2): p and u charts with per-point
 * limits from each point's denominator, Laney's p′ and u′ (σ scaled by the spread of the
 * z-scores, for large denominators), and c charts for counts.
 */
import { finishAnalysis } from './analyse.js';
import { D2_FOR_TWO, MOVING_RANGE_OUTLIER_FACTOR } from './constants.js';
import { SpcInputError } from './errors.js';
import type { CentreStats } from './moving-range.js';
import { resolveOptions } from './options.js';
import { layoutPartitions, type PartitionPlan } from './partitions.js';
import { usedIndices } from './rules/sides.js';
import type { AttributeChartType, AttributeInput, LineSet, SpcAnalysis, SpcOptions } from './types.js';
import { checkFinite, checkPeriods, checkTargets } from './validate.js';

/** σ of one point before any Laney adjustment. */
function baseSigma(type: AttributeChartType, cl: number, n: number): number {
  switch (type) {
    case 'p':
    case 'pp':
      return Math.sqrt((cl * (1 - cl)) / n);
    case 'u':
    case 'up':
      return Math.sqrt(cl / n);
    case 'c':
      return Math.sqrt(cl);
  }
}

const isLaney = (type: AttributeChartType): boolean => type === 'pp' || type === 'up';
const hasDenominator = (type: AttributeChartType): boolean => type !== 'c';

const TYPES: readonly string[] = ['p', 'pp', 'u', 'up', 'c'] satisfies readonly AttributeChartType[];

function validate(type: AttributeChartType, input: AttributeInput): number {
  // A JavaScript caller may pass anything: an unknown type would otherwise give NaN lines silently.
  if (!TYPES.includes(type)) {
    throw new SpcInputError(
      'invalid_option',
      `Chart type ${JSON.stringify(type)} is not one of ${TYPES.join(', ')}`,
      { field: 'type' },
    );
  }
  const { numerators: y, denominators: d } = input;
  const n = y.length;
  for (const [name, arr] of [
    ['denominators', d],
    ['periods', input.periods],
    ['ghosts', input.ghosts],
    ['rebases', input.rebases],
    ['targets', input.targets],
  ] as const) {
    if (arr !== undefined && arr.length !== n) {
      throw new SpcInputError(
        'length_mismatch',
        `${name} has ${arr.length} entries but numerators has ${n}`,
        {
          field: name,
        },
      );
    }
  }
  if (hasDenominator(type) && d === undefined) {
    throw new SpcInputError('length_mismatch', `A ${type} chart needs a denominator for every point`, {
      field: 'denominators',
    });
  }
  if (!hasDenominator(type) && d !== undefined) {
    throw new SpcInputError('invalid_option', 'A c chart takes counts only, with no denominators', {
      field: 'denominators',
    });
  }
  checkFinite(y, 'numerators');
  if (d) checkFinite(d, 'denominators');
  for (let i = 0; i < n; i++) {
    if (y[i]! < 0) {
      throw new SpcInputError('negative_value', `numerators[${i}] is ${y[i]!}: a count cannot be negative`, {
        index: i,
        field: 'numerators',
      });
    }
    if (!d) continue;
    if (d[i]! < 0) {
      throw new SpcInputError(
        'negative_denominator',
        `denominators[${i}] is ${d[i]!}: it cannot be negative`,
        {
          index: i,
          field: 'denominators',
        },
      );
    }
    if (d[i] === 0) {
      throw new SpcInputError('zero_denominator', `denominators[${i}] is 0: the point has no rate`, {
        index: i,
        field: 'denominators',
      });
    }
    if ((type === 'p' || type === 'pp') && y[i]! > d[i]!) {
      throw new SpcInputError(
        'numerator_exceeds_denominator',
        `Point ${i + 1}: numerator ${y[i]!} is larger than denominator ${d[i]!}, impossible for a proportion`,
        { index: i, field: 'numerators' },
      );
    }
  }
  if (input.periods) checkPeriods(input.periods);
  if (input.targets) checkTargets(input.targets);
  return n;
}

interface Centre extends CentreStats {
  /** Laney's σz (1 for p, u and c). */
  readonly sigmaZ: number;
}

/** The centre line and, for Laney charts, σz of the points that set a partition's lines. */
function centreOf(
  type: AttributeChartType,
  plan: PartitionPlan,
  y: readonly number[],
  d: readonly number[] | undefined,
  ghosts: readonly boolean[] | undefined,
): Centre {
  let sy = 0;
  let sn = 0;
  let count = 0;
  for (let i = plan.start; i <= plan.calcEnd; i++) {
    if (ghosts?.[i] === true) continue;
    sy += y[i]!;
    sn += d ? d[i]! : 1;
    count++;
  }
  const cl = count > 0 ? sy / sn : NaN;
  if (!isLaney(type) || count === 0) return { mean: cl, mrBar: NaN, nUsed: count, sigmaZ: 1 };

  // z-scores in order over the points that set the lines, a ghost bridged.
  const ranges: number[] = [];
  let prev = NaN;
  for (let i = plan.start; i <= plan.calcEnd; i++) {
    if (ghosts?.[i] === true) continue;
    const s = baseSigma(type, cl, d![i]!);
    const z = s > 0 ? (y[i]! / d![i]! - cl) / s : 0;
    if (prev === prev) ranges.push(Math.abs(z - prev));
    prev = z;
  }
  if (ranges.length === 0) return { mean: cl, mrBar: NaN, nUsed: count, sigmaZ: NaN };
  const mrBar = ranges.reduce((a, b) => a + b, 0) / ranges.length;
  // Laney's moving ranges are always screened, whatever the preset: keep mR < 3.267·m̄R, once.
  const kept = ranges.filter((r) => r < MOVING_RANGE_OUTLIER_FACTOR * mrBar);
  const screened = kept.length > 0 ? kept.reduce((a, b) => a + b, 0) / kept.length : NaN;
  return { mean: cl, mrBar: screened, nUsed: count, sigmaZ: screened / D2_FOR_TWO };
}

/** Lines at one point: CL ± kσ, clipped to [0, 1] for proportions and at 0 below otherwise. */
function linesAt(type: AttributeChartType, cl: number, sigma: number): LineSet {
  const proportion = type === 'p' || type === 'pp';
  const lo = (v: number): number => (v < 0 ? 0 : v);
  const hi = (v: number): number => (proportion && v > 1 ? 1 : v);
  return {
    mean: cl,
    lower: lo(cl - 3 * sigma),
    upper: hi(cl + 3 * sigma),
    lower2: lo(cl - 2 * sigma),
    upper2: hi(cl + 2 * sigma),
    lower1: lo(cl - sigma),
    upper1: hi(cl + sigma),
  };
}

/**
 * Analyses numerators and denominators as a p, p′ (`pp`), u, u′ (`up`) or c chart. The plotted
 * value is the proportion or rate (the count for c). Rebases, baselines, ghosts, the special-cause
 * rules, conflict handling and icons are as for XmR charts, against each point's own lines.
 * @throws {SpcInputError} for zero or negative denominators, a numerator above its denominator
 * (p, p′) and the input spc-method.md §6 refuses.
 * @example attributeChart('pp', { numerators: [40, 52, 47], denominators: [1000, 1100, 1050] })
 */
export function attributeChart(
  type: AttributeChartType,
  input: AttributeInput,
  options?: SpcOptions,
): SpcAnalysis {
  const resolved = resolveOptions(options, type);
  const n = validate(type, input);
  const { numerators: y, denominators: d, ghosts } = input;
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) values[i] = d ? y[i]! / d[i]! : y[i]!;

  const layout = layoutPartitions({ n, periods: input.periods, ghosts, rebases: input.rebases }, resolved);
  const centres: Centre[] = [];
  for (const plan of layout.partitions) {
    centres.push(plan.inheritsFrom >= 0 ? centres[plan.inheritsFrom]! : centreOf(type, plan, y, d, ghosts));
  }
  const at = new Array<LineSet>(n);
  for (let i = 0; i < n; i++) {
    const c = centres[layout.partitionOf[i]!]!;
    const sigma = baseSigma(type, c.mean, d ? d[i]! : 1);
    // σ = 0 (CL of 0 or 1: no events, or events in every case) puts every line on CL, whatever
    // Laney's σz is (it is undefined when every z-score is 0).
    at[i] = linesAt(type, c.mean, sigma === 0 ? 0 : sigma * c.sigmaZ);
  }
  const used = usedIndices(n, ghosts);
  // A partition's summary lines are those at its last non-ghosted point (limits vary by point).
  const partitionLines = layout.partitions.map((plan) => {
    let last = plan.end;
    for (let i = plan.end; i >= plan.start; i--) {
      if (ghosts?.[i] !== true) {
        last = i;
        break;
      }
    }
    return at[last]!;
  });
  return finishAnalysis({
    chart: type,
    options: resolved,
    periods: input.periods,
    values,
    ghosts,
    targets: input.targets,
    layout,
    centres,
    partitionLines,
    lines: { at, index: used.length === n ? used : Array.from({ length: n }, (_, i) => i) },
    movingRanges: null,
    warnings: layout.warnings,
  });
}
