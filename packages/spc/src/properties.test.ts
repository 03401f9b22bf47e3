/**
 * Properties every XmR analysis must have, checked on random series with fast-check: invariance
 * under shifting and scaling, symmetry under swapping the direction or negating the values, ghosts
 * behaving as removed points, no NaN in results, and the lines in order.
 *
 * Values are small integers, so sums and moving ranges are exact. Scaling uses powers of two,
 * which floating point multiplies exactly, so lines must scale exactly and flags must not change.
 * Shifting by an integer changes the rounding of the mean by an ulp, so there lines are compared
 * with a relative tolerance, and cases with a value within 1e-9 of a limit or 2σ line (where an
 * ulp could legitimately move it across) are discarded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tChart } from './t-chart.js';
import type { SpcAnalysis, SpcOptions, SpcPoint, VariationIcon } from './types.js';
import { xmr } from './xmr.js';

const RUNS = { numRuns: 200 } as const;

interface Case {
  readonly values: number[];
  readonly ghosts: boolean[];
  readonly rebases: boolean[];
  readonly options: SpcOptions;
}

/** A boolean that is true about one time in `k`. */
const rarely = (k: number): fc.Arbitrary<boolean> => fc.integer({ min: 1, max: k }).map((x) => x === 1);

const optionsArb: fc.Arbitrary<SpcOptions> = fc.record({
  preset: fc.constantFrom('mdc' as const, 'nhsr' as const),
  direction: fc.constantFrom('increase' as const, 'decrease' as const),
  screenOutliers: fc.boolean(),
  shiftLength: fc.integer({ min: 6, max: 8 }),
  trendLength: fc.integer({ min: 6, max: 8 }),
  baseline: fc.option(
    fc.integer({ min: 12, max: 24 }).map((points) => ({ points })),
    { nil: undefined, freq: 3 },
  ),
});

/**
 * A random series: up to 45 small integers (a narrow range makes runs, ties and points on the
 * mean common), some ghosted, some rebased — never a rebase on a ghost, which removing the ghosts
 * would move to the next point.
 */
const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 0, max: 45 }).chain((n) =>
  fc
    .record({
      values: fc.array(fc.integer({ min: -12, max: 12 }), { minLength: n, maxLength: n }),
      ghosts: fc.array(rarely(8), { minLength: n, maxLength: n }),
      rebases: fc.array(rarely(12), { minLength: n, maxLength: n }),
      options: optionsArb,
    })
    .map((c) => ({ ...c, rebases: c.rebases.map((r, i) => r && !c.ghosts[i]) })),
);

const run = (c: Case, values: readonly number[] = c.values, options: SpcOptions = c.options): SpcAnalysis =>
  xmr({ values, ghosts: c.ghosts, rebases: c.rebases }, options);

type LineName =
  'mean' | 'lowerLimit' | 'upperLimit' | 'lower2Sigma' | 'upper2Sigma' | 'lower1Sigma' | 'upper1Sigma';
const LINES: readonly LineName[] = [
  'lowerLimit',
  'lower2Sigma',
  'lower1Sigma',
  'mean',
  'upper1Sigma',
  'upper2Sigma',
  'upperLimit',
];
const sameFlags = (p: SpcPoint, q: SpcPoint): boolean =>
  p.singlePoint === q.singlePoint &&
  p.shift === q.shift &&
  p.trend === q.trend &&
  p.twoOfThree === q.twoOfThree &&
  p.pointType === q.pointType;

/** No non-ghosted value within 1e-9 (relative) of a limit or 2σ line of its point. */
function clearOfLines(a: SpcAnalysis): boolean {
  return a.points.every(
    (p) =>
      p.ghost ||
      (['lowerLimit', 'upperLimit', 'lower2Sigma', 'upper2Sigma'] as const).every((k) => {
        const l = p[k];
        return l === null || Math.abs(p.value - l) > 1e-9 * Math.max(1, Math.abs(l));
      }),
  );
}

const near = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('xmr() properties', () => {
  it('adding a constant to every value moves every line by it and changes no flag or point type', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -1000, max: 1000 }), (c, k) => {
        const a = run(c);
        fc.pre(clearOfLines(a));
        const b = run(
          c,
          c.values.map((v) => v + k),
        );
        const bad = a.points.filter((p, i) => {
          const q = b.points[i]!;
          return (
            LINES.some((line) => {
              const x = p[line];
              const y = q[line];
              return x === null || y === null ? x !== y : !near(y, x + k);
            }) ||
            q.movingRange !== p.movingRange ||
            !sameFlags(p, q)
          );
        });
        expect(bad).toEqual([]);
        expect(b.summary.variation).toBe(a.summary.variation);
      }),
      RUNS,
    );
  });

  it('multiplying every value by a power of two scales every line exactly and keeps every flag', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -4, max: 4 }), (c, e) => {
        const s = 2 ** e;
        const a = run(c);
        const b = run(
          c,
          c.values.map((v) => v * s),
        );
        const bad = a.points.filter((p, i) => {
          const q = b.points[i]!;
          return (
            LINES.some((line) => q[line] !== (p[line] === null ? null : p[line] * s)) || !sameFlags(p, q)
          );
        });
        expect(bad).toEqual([]);
        expect(b.summary.variation).toBe(a.summary.variation);
      }),
      RUNS,
    );
  });

  it('multiplying every value by any positive constant scales every line (to 1e-9)', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (c, s) => {
        const a = run(c);
        const b = run(
          c,
          c.values.map((v) => v * s),
        );
        const bad = a.points.filter((p, i) =>
          LINES.some((line) => {
            const x = p[line];
            const y = b.points[i]![line];
            return x === null || y === null ? x !== y : !near(y, x * s);
          }),
        );
        expect(bad).toEqual([]);
      }),
      RUNS,
    );
  });

  it('swapping increase and decrease swaps improvement and concern (and the variation icon)', () => {
    const swapType = { improvement: 'concern', concern: 'improvement' } as const;
    const swapIcon: Partial<Record<VariationIcon, VariationIcon>> = {
      improvement_high: 'concern_high',
      concern_high: 'improvement_high',
      improvement_low: 'concern_low',
      concern_low: 'improvement_low',
    };
    fc.assert(
      fc.property(caseArb, (c) => {
        const inc = run(c, c.values, { ...c.options, direction: 'increase' });
        const dec = run(c, c.values, { ...c.options, direction: 'decrease' });
        const conflictRule = inc.options.conflictRule;
        inc.points.forEach((p, i) => {
          const q = dec.points[i]!;
          expect([q.singlePoint, q.shift, q.trend, q.twoOfThree]).toEqual([
            p.singlePoint,
            p.shift,
            p.trend,
            p.twoOfThree,
          ]);
          const sides = [p.singlePoint, p.shift, p.trend, p.twoOfThree];
          const high = sides.some((s) => s === 'high' || s === 'both');
          const low = sides.some((s) => s === 'low' || s === 'both');
          if (high && low && conflictRule !== 'precedence') {
            // mdc keeps the same kind on a conflict whichever way is better.
            expect(q.pointType).toBe(p.pointType);
            expect(p.pointType).toBe(conflictRule);
          } else if (p.pointType === 'improvement' || p.pointType === 'concern') {
            expect(q.pointType).toBe(swapType[p.pointType]);
          } else {
            expect(q.pointType).toBe(p.pointType);
          }
        });
        const last = [...inc.points].reverse().find((p) => !p.ghost);
        const lastSides = last ? [last.singlePoint, last.shift, last.trend, last.twoOfThree] : [];
        const lastConflict =
          lastSides.some((s) => s === 'high' || s === 'both') &&
          lastSides.some((s) => s === 'low' || s === 'both');
        if (!(lastConflict && conflictRule !== 'precedence')) {
          expect(dec.summary.variation).toBe(swapIcon[inc.summary.variation] ?? inc.summary.variation);
        }
      }),
      RUNS,
    );
  });

  it('negating the values swaps high and low in every rule and mirrors every line', () => {
    const mirror = { high: 'low', low: 'high', both: 'both' } as const;
    const flip = (s: SpcPoint['shift']): SpcPoint['shift'] => (s === null ? null : mirror[s]);
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = run(c);
        const b = run(
          c,
          c.values.map((v) => 0 - v),
        );
        a.points.forEach((p, i) => {
          const q = b.points[i]!;
          expect([q.singlePoint, q.shift, q.trend, q.twoOfThree]).toEqual(
            [p.singlePoint, p.shift, p.trend, p.twoOfThree].map(flip),
          );
          // (0 − x, not −x: a line at 0 stays +0 rather than becoming −0.)
          const neg = (x: number | null): number | null => (x === null ? null : 0 - x);
          expect([q.lowerLimit, q.lower2Sigma, q.lower1Sigma, q.mean]).toEqual(
            [p.upperLimit, p.upper2Sigma, p.upper1Sigma, p.mean].map(neg),
          );
        });
      }),
      RUNS,
    );
  });

  it('negating the values and the target and swapping the direction keeps every point type and the assurance', () => {
    const other = { increase: 'decrease', decrease: 'increase' } as const;
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -15, max: 15 }), (c, target) => {
        const direction = c.options.direction === 'decrease' ? 'decrease' : 'increase';
        const a = run(c, c.values, { ...c.options, direction, target });
        const b = run(
          c,
          c.values.map((v) => 0 - v),
          { ...c.options, direction: other[direction], target: -target },
        );
        expect(b.points.map((p) => p.pointType)).toEqual(a.points.map((p) => p.pointType));
        expect(b.summary.assurance).toBe(a.summary.assurance);
      }),
      RUNS,
    );
  });

  it("ghosting a point is the same, for the other points' statistics and flags, as removing it", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = run(c);
        const keep = c.ghosts.map((g) => !g);
        const b = xmr(
          { values: c.values.filter((_v, i) => keep[i]), rebases: c.rebases.filter((_r, i) => keep[i]) },
          c.options,
        );
        const kept = a.points.filter((p) => !p.ghost);
        expect(kept).toHaveLength(b.points.length);
        const bad = kept.filter((p, j) => {
          const q = b.points[j]!;
          return (
            LINES.some((line) => q[line] !== p[line]) || q.movingRange !== p.movingRange || !sameFlags(p, q)
          );
        });
        expect(bad).toEqual([]);
        expect(b.summary).toEqual(a.summary);
        const stats = (x: SpcAnalysis): unknown[] =>
          x.partitions
            .filter((p) => p.n > 0)
            .map((p) => [p.n, p.nUsed, p.mean, p.movingRangeMean, p.lowerLimit]);
        expect(stats(b)).toEqual(stats(a));
      }),
      RUNS,
    );
  });

  it('never returns NaN or an infinity: an absent figure is null', () => {
    const finiteOrNull = (x: unknown): boolean => typeof x !== 'number' || Number.isFinite(x);
    fc.assert(
      fc.property(caseArb, fc.option(fc.integer({ min: -15, max: 15 }), { nil: undefined }), (c, target) => {
        const a = run(c, c.values, { ...c.options, target });
        const records: object[] = [...a.points, ...a.partitions, a.summary];
        expect(records.filter((r) => !Object.values(r).every(finiteOrNull))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps the lines in order: lower ≤ lower 2σ ≤ lower 1σ ≤ mean ≤ upper 1σ ≤ upper 2σ ≤ upper', () => {
    const ordered = (p: SpcPoint): boolean => {
      const present = LINES.map((k) => p[k]).filter((x): x is number => x !== null);
      return present.every((x, i) => i === 0 || present[i - 1]! <= x);
    };
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(run(c).points.every(ordered)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('tChart() properties', () => {
  it('keeps the back-transformed lines in order and never returns NaN', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), (intervals) => {
        const dates = [0];
        for (const d of intervals) dates.push(dates[dates.length - 1]! + d);
        const a = tChart({ dates });
        for (const p of a.points) {
          const present = LINES.map((k) => p[k]).filter((x): x is number => x !== null);
          expect(present.every((x, i) => Number.isFinite(x) && (i === 0 || present[i - 1]! <= x))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
