/**
 * attributeChart(): the p, p′ (`pp`), u, u′ (`up`) and c charts of spc-method.md §3, each formula
 * pinned by a small worked example. The expected numbers are worked out in the comments (and were
 * checked independently in Python), never taken from the engine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributeChart } from './attribute.js';
import { SpcInputError } from './errors.js';
import type { AttributeChartType, AttributeInput, SpcAnalysis, SpcOptions, SpcPoint } from './types.js';

/** The lines of a point, from the bottom up: lower limit, 2σ, 1σ, centre, 1σ, 2σ, upper limit. */
const lines = (p: SpcPoint): (number | null)[] => [
  p.lowerLimit,
  p.lower2Sigma,
  p.lower1Sigma,
  p.mean,
  p.upper1Sigma,
  p.upper2Sigma,
  p.upperLimit,
];

const close = (actual: (number | null)[], expected: readonly number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    expect(a).not.toBeNull();
    expect(a!).toBeCloseTo(expected[i]!, 12);
  });
};

/** CL ± 1, 2, 3 σ, from the bottom up, clipped below at 0 (and above at 1 for proportions). */
function expectedLines(cl: number, sigma: number, proportion: boolean): number[] {
  const clip = (v: number): number => Math.min(Math.max(v, 0), proportion ? 1 : Infinity);
  return [-3, -2, -1, 0, 1, 2, 3].map((k) => clip(cl + k * sigma));
}

const flags = (p: SpcPoint): unknown[] => [p.singlePoint, p.shift, p.trend, p.twoOfThree];
const codes = (a: SpcAnalysis): string[] => a.warnings.map((w) => w.code);

/** Small examples have fewer than 13 points: `mdc` would show them as run charts without limits. */
const TRIAL: SpcOptions = { belowMinimum: 'trial_limits' };

describe('p chart: CL = Σy/Σn, limits CL ± 3√(CL(1−CL)/nᵢ) clipped to [0, 1]', () => {
  /*
   * y = 5, 24, 2, 1, 8 of n = 25, 100, 16, 1, 58: Σy = 40, Σn = 200, CL = 0.2; CL(1 − CL) = 0.16,
   * so σᵢ = 0.4/√nᵢ:
   *   n = 25:  σ 0.08 → 0.2 ± 0.08k: −0.04 (clipped to 0), 0.04, 0.12 | 0.28, 0.36, 0.44
   *   n = 100: σ 0.04 → 0.08, 0.12, 0.16 | 0.24, 0.28, 0.32
   *   n = 16:  σ 0.1  → −0.1 (0), 0.0, 0.1 | 0.3, 0.4, 0.5
   *   n = 1:   σ 0.4  → −1.0 (0), −0.6 (0), −0.2 (0) | 0.6, 1.0, 1.4 (clipped to 1)
   *   n = 58:  σ 0.4/√58 = 0.052523 → 0.042432, 0.094955, 0.147477 | 0.252523, 0.305045, 0.357568
   */
  const input: AttributeInput = { numerators: [5, 24, 2, 1, 8], denominators: [25, 100, 16, 1, 58] };
  const a = attributeChart('p', input, TRIAL);

  it('plots the proportion yᵢ/nᵢ', () => {
    expect(a.points.map((p) => p.value)).toEqual([0.2, 0.24, 0.125, 1, 8 / 58]);
    expect(a.chart).toBe('p');
  });

  it('gives each point lines from its own denominator', () => {
    close(lines(a.points[0]!), [0, 0.04, 0.12, 0.2, 0.28, 0.36, 0.44]);
    close(lines(a.points[1]!), [0.08, 0.12, 0.16, 0.2, 0.24, 0.28, 0.32]);
    close(lines(a.points[2]!), [0, 0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    const s58 = 0.4 / Math.sqrt(58);
    close(lines(a.points[4]!), [
      0.2 - 3 * s58,
      0.2 - 2 * s58,
      0.2 - s58,
      0.2,
      0.2 + s58,
      0.2 + 2 * s58,
      0.2 + 3 * s58,
    ]);
    close(
      lines(a.points[4]!),
      [
        0.042432280568333, 0.094954853712222, 0.147477426856111, 0.2, 0.252522573143889, 0.305045146287778,
        0.357567719431667,
      ],
    );
  });

  it('clips a tiny denominator at 0 and 1 — every σ line, not only the limits', () => {
    close(lines(a.points[3]!), [0, 0, 0, 0.2, 0.6, 1, 1]);
    expect(a.points[3]!.upperLimit).toBe(1);
    expect(a.points[3]!.lowerLimit).toBe(0);
  });

  it('a proportion of 1 on an upper limit clipped to 1 is not beyond it (strict)', () => {
    expect(a.points[3]!.value).toBe(1);
    expect(a.points[3]!.singlePoint).toBeNull();
  });

  it('the partition and summary report the centre line and the last point’s limits', () => {
    expect(a.partitions[0]!.mean).toBeCloseTo(0.2, 15);
    expect(a.partitions[0]!.movingRangeMean).toBeNull();
    expect(a.summary.lowerLimit!).toBeCloseTo(0.042432280568333, 12);
    expect(a.summary.upperLimit!).toBeCloseTo(0.357567719431667, 12);
    expect(a.points.every((p) => p.movingRange === null)).toBe(true);
  });
});

describe('u chart: CL = Σy/Σn, limits CL ± 3√(CL/nᵢ), lower ≥ 0, no upper clipping', () => {
  /*
   * y = 3, 20, 3, 36, 18 over n = 2, 8, 0.5, 18, 11.5: Σy = 80, Σn = 40, CL = 2; σᵢ = √(2/nᵢ):
   *   n = 2:    σ 1   → −1 (0), 0, 1 | 3, 4, 5
   *   n = 8:    σ 0.5 → 0.5, 1, 1.5 | 2.5, 3, 3.5
   *   n = 0.5:  σ 2   → −4 (0), −2 (0), 0 | 4, 6, 8
   *   n = 18:   σ ⅓   → 1, 4/3, 5/3 | 7/3, 8/3, 3
   *   n = 11.5: σ √(2/11.5) = 0.417029 → 0.748914, 1.165942, 1.582971 | 2.417029, 2.834058, 3.251086
   * A rate may exceed 1, so a numerator above its denominator (3 events in 0.5) is allowed: 6.
   */
  const a = attributeChart(
    'u',
    { numerators: [3, 20, 3, 36, 18], denominators: [2, 8, 0.5, 18, 11.5] },
    TRIAL,
  );

  it('plots the rate yᵢ/nᵢ, which may exceed 1', () => {
    expect(a.points.map((p) => p.value)).toEqual([1.5, 2.5, 6, 2, 18 / 11.5]);
  });

  it('gives each point lines from its own exposure, the lower ones floored at 0', () => {
    close(lines(a.points[0]!), [0, 0, 1, 2, 3, 4, 5]);
    close(lines(a.points[1]!), [0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    close(lines(a.points[2]!), [0, 0, 0, 2, 4, 6, 8]);
    close(lines(a.points[3]!), [1, 4 / 3, 5 / 3, 2, 7 / 3, 8 / 3, 3]);
    close(lines(a.points[4]!), expectedLines(2, Math.sqrt(2 / 11.5), false));
    close(
      lines(a.points[4]!),
      [
        0.748913515657551, 1.165942343771701, 1.582971171885851, 2, 2.417028828114149, 2.834057656228299,
        3.251086484342449,
      ],
    );
  });

  it('a point exactly on its 2σ line is not beyond it; nothing signals', () => {
    expect(a.points[2]!.value).toBe(a.points[2]!.upper2Sigma);
    expect(a.points.every((p) => p.pointType === 'common_cause')).toBe(true);
  });
});

describe('c chart: CL = mean count, limits CL ± 3√CL, lower ≥ 0', () => {
  // 4 9 1 6 5: mean 5, σ = √5 = 2.236068; 5 ± 6.708204 → −1.708 (0) and 11.708204; 2σ 0.527864 and
  // 9.472136; 1σ 2.763932 and 7.236068. Every point has the same lines.
  const a = attributeChart('c', { numerators: [4, 9, 1, 6, 5] }, TRIAL);

  it('plots the counts and gives every point the same lines', () => {
    expect(a.points.map((p) => p.value)).toEqual([4, 9, 1, 6, 5]);
    for (const p of a.points) {
      close(
        lines(p),
        [0, 0.527864045000421, 2.76393202250021, 5, 7.23606797749979, 9.47213595499958, 11.70820393249937],
      );
    }
  });

  it('has no lower limit below 0 even for a small mean (mean 0.5: 0.5 − 3·0.707 < 0)', () => {
    const b = attributeChart('c', { numerators: [0, 1, 0, 1] }, TRIAL);
    close(lines(b.points[0]!), expectedLines(0.5, Math.sqrt(0.5), false));
    expect(b.points[0]!.lowerLimit).toBe(0);
  });
});

/*
 * Laney p′, worked: 12 points of n = 100 and one of n = 2500, with CL = 0.2 (the z-scores were
 * chosen so that Σ(yᵢ − 0.2nᵢ) = 0).
 *   y  = 16 24 16 24 16 24 84 24 16 24 16 24 | 432
 *   n  = 100 × 12                            | 2500
 *   Σy = 5·16 + 6·24 + 84 + 432 = 740, Σn = 3700, CL = 740/3700 = 0.2.
 *   σᵢ = √(0.16/nᵢ): 0.04 for n = 100, 0.008 for n = 2500.
 *   zᵢ = (pᵢ − 0.2)/σᵢ: ∓1 for 0.16/0.24, (0.84 − 0.2)/0.04 = 16, (0.1728 − 0.2)/0.008 = −3.4
 *     → −1 1 −1 1 −1 1 16 1 −1 1 −1 1 −3.4
 *   mR = 2 2 2 2 2 15 15 2 2 2 2 4.4: Σ = 52.4 over 12, m̄R = 4.366667;
 *   screening: keep mR < 3.267 · 4.366667 = 14.2659 → both 15s go; the rest: Σ = 22.4 over 10,
 *   m̄R = 2.24 (recomputed once); σz = 2.24/1.128 = 1.985816.
 *   σᵢ′ = σᵢ·σz: n = 100 → 0.0794326: 0.2 ± 0.0794326k → −0.0383 (0), 0.0411348, 0.1205674 |
 *     0.2794326, 0.3588652, 0.4382979; n = 2500 → 0.0158865: 0.1523404 … 0.2476596.
 *   (Unscreened, σz would be 4.366667/1.128 = 3.871158: the outlier would widen every limit.)
 */
const LANEY_Y = [16, 24, 16, 24, 16, 24, 84, 24, 16, 24, 16, 24, 432];
const LANEY_N = [...(new Array(12).fill(100) as number[]), 2500];
const SIGMA_Z = 2.24 / 1.128;

describe('Laney p′: σᵢ′ = σᵢ·σz, σz = screened m̄R of the z-scores / 1.128', () => {
  const a = attributeChart('pp', { numerators: LANEY_Y, denominators: LANEY_N });

  it('keeps the p chart’s centre line and scales σ by σz (13 points: limits in mdc)', () => {
    expect(a.summary.limitsShown).toBe(true);
    expect(SIGMA_Z).toBeCloseTo(1.985815602836879, 14);
    close(lines(a.points[0]!), expectedLines(0.2, 0.04 * SIGMA_Z, true));
    close(
      lines(a.points[0]!),
      [0, 0.04113475177305, 0.120567375886525, 0.2, 0.279432624113475, 0.35886524822695, 0.438297872340426],
    );
    close(lines(a.points[12]!), expectedLines(0.2, 0.008 * SIGMA_Z, true));
    close(lines(a.points[12]!).slice(0, 1), [0.152340425531915]);
  });

  it('reports the screened m̄R of the z-scores as the moving-range mean', () => {
    expect(a.partitions[0]!.movingRangeMean!).toBeCloseTo(2.24, 12);
    expect(a.points.every((p) => p.movingRange === null)).toBe(true);
  });

  it('flags the 0.84 beyond its widened limit, and nothing else', () => {
    expect(a.points.map((p) => p.singlePoint)).toEqual(LANEY_Y.map((_y, i) => (i === 6 ? 'high' : null)));
    expect(a.points.filter((p) => p.pointType !== 'common_cause').map((p) => p.index)).toEqual([6]);
  });

  it('screens the z moving ranges whatever the preset or the screenOutliers option', () => {
    for (const options of [
      { preset: 'nhsr' },
      { screenOutliers: false },
      { screenOutliers: true },
      { preset: 'nhsr', screenOutliers: false },
    ] as const) {
      const b = attributeChart('pp', { numerators: LANEY_Y, denominators: LANEY_N }, options);
      expect(b.partitions[0]!.movingRangeMean!).toBeCloseTo(2.24, 12);
      close(lines(b.points[0]!), expectedLines(0.2, 0.04 * SIGMA_Z, true));
    }
  });

  it('bridges a ghost: left out of CL and the z-scores, the next z taken against the previous point', () => {
    // A ghost of 10/10 (p = 1) between the 16 and the 24 at points 4 and 5.
    const y = [...LANEY_Y.slice(0, 5), 10, ...LANEY_Y.slice(5)];
    const n = [...LANEY_N.slice(0, 5), 10, ...LANEY_N.slice(5)];
    const ghosts = y.map((_v, i) => i === 5);
    const b = attributeChart('pp', { numerators: y, denominators: n, ghosts });
    expect(b.partitions[0]!.movingRangeMean!).toBeCloseTo(2.24, 12);
    b.points.forEach((p, i) => {
      if (i === 5) return;
      const sigma = Math.sqrt(0.16 / n[i]!) * SIGMA_Z;
      close(lines(p), expectedLines(0.2, sigma, true));
    });
    // The ghost is drawn with lines at its own denominator: σ′ = √(0.16/10)·σz = 0.251188;
    // 0.2 + 3·0.251188 = 0.953564, so its 1 is beyond — but a ghost is never flagged.
    const g = b.points[5]!;
    close(lines(g), expectedLines(0.2, Math.sqrt(0.016) * SIGMA_Z, true));
    expect(g.upperLimit!).toBeCloseTo(0.953564038168, 11);
    expect([g.ghost, g.value, ...flags(g), g.pointType]).toEqual([
      true,
      1,
      null,
      null,
      null,
      null,
      'common_cause',
    ]);
    expect(b.summary.n).toBe(13);
  });
});

describe('Laney u′: the moving ranges are screened once, not repeatedly', () => {
  /*
   * u′ with CL = 4: one point of exposure 1024 (σ = √(4/1024) = 0.0625) and 24 of exposure 4
   * (σ = 1).
   *   y = 4080 | 18 14 18 … 18 (21 points, alternating) | 42 18 2
   *   Σy = 4080 + 11·18 + 10·14 + 42 + 18 + 2 = 4480, Σn = 1024 + 24·4 = 1120, CL = 4.
   *   z = (3.984375 − 4)/0.0625 = −0.25 | ±0.5 … | (10.5 − 4)/1 = 6.5, 0.5, (0.5 − 4)/1 = −3.5
   *   mR = 0.75, twenty 1s, 6, 6, 4: Σ = 36.75 over 24, m̄R = 1.53125, 3.267·m̄R = 5.0026
   *   → the 6s go, the 4 stays: Σ = 24.75 over 22, m̄R = 1.125, σz = 1.125/1.128 = 0.997340.
   *   A second pass would drop the 4 too (3.267·1.125 = 3.675 < 4) and give 20.75/21 — not done.
   *   Exposure 4: σ′ = 0.997340 → 4 ± 2.992021: 1.007979 … 6.992021.
   */
  const y = [4080, ...Array.from({ length: 21 }, (_v, i) => (i % 2 === 0 ? 18 : 14)), 42, 18, 2];
  const n = [1024, ...(new Array(24).fill(4) as number[])];
  const a = attributeChart('up', { numerators: y, denominators: n });
  const sz = 1.125 / 1.128;

  it('σz from m̄R = 1.125 (one pass), not 20.75/21', () => {
    expect(a.partitions[0]!.mean!).toBeCloseTo(4, 14);
    expect(a.partitions[0]!.movingRangeMean!).toBeCloseTo(1.125, 12);
    close(lines(a.points[1]!), expectedLines(4, sz, false));
    close(
      lines(a.points[1]!),
      [
        1.007978723404255, 2.00531914893617, 3.002659574468085, 4, 4.997340425531915, 5.99468085106383,
        6.992021276595745,
      ],
    );
    close(lines(a.points[0]!), expectedLines(4, 0.0625 * sz, false));
  });

  it('flags the 10.5 above and the 0.5 below their limits', () => {
    expect(a.points[22]!.singlePoint).toBe('high');
    expect(a.points[24]!.singlePoint).toBe('low');
  });
});

describe('Laney p′: every z moving range screened out', () => {
  it('a constant proportion: z = 0 everywhere, every mR 0 is not < 3.267·0 — no limits, as §1 (nhsr)', () => {
    const a = attributeChart('pp', {
      numerators: new Array<number>(13).fill(10),
      denominators: new Array<number>(13).fill(100),
    });
    expect(a.points[0]!.mean).toBeCloseTo(0.1, 15);
    expect(a.points.every((p) => p.upperLimit === null && p.lowerLimit === null)).toBe(true);
    expect(a.points.every((p) => p.pointType === 'common_cause')).toBe(true);
    expect(codes(a)).toContain('no_limits');
  });
});

describe('Laney u′: lower lines are floored at 0', () => {
  it('a small exposure gives a negative lower limit, shown as 0', () => {
    // 1, 4, 1, 4 … (14 points) over exposures of 1: CL 2.5, σ = √2.5, z = ∓1.5/√2.5, every mR
    // 3/√2.5 = 1.897367 (none screened), σz = 1.897367/1.128 = 1.682063; σ′ = √2.5·σz = 3/1.128 =
    // 2.659574: upper 2.5 + 7.978723 = 10.478723, lower 2.5 − 7.978723 < 0, shown as 0.
    const y = Array.from({ length: 14 }, (_v, i) => (i % 2 === 0 ? 1 : 4));
    const b = attributeChart('up', { numerators: y, denominators: new Array<number>(14).fill(1) });
    const sz = 3 / Math.sqrt(2.5) / 1.128;
    close(lines(b.points[0]!), expectedLines(2.5, Math.sqrt(2.5) * sz, false));
    expect(b.points[0]!.lowerLimit).toBe(0);
    expect(b.points[0]!.upperLimit!).toBeCloseTo(2.5 + (3 * 3) / 1.128, 12);
  });
});

/*
 * Rules against per-point lines. p chart, 14 points, CL = 585/2925 = 0.2:
 *   idx  0–5   6    7    8    9    10   11        12   13
 *   y    18×6  24   10   20   40   20   321       22   20
 *   n    100×6 100  25   100  100  100  1700      100  100
 *   p    .18   .24  .40  .20  .40  .20  .188235   .22  .20
 *   Σ(y − 0.2n) = −12 + 4 + 5 + 0 + 20 + 0 − 19 + 2 + 0 = 0.
 * Limits: n = 100 → 0.08 … 0.32; n = 25 → 0 … 0.44; n = 1700 → 0.2 ± 3·0.4/√1700 = 0.170896 … 0.229104.
 * The same proportion 0.4 is inside its limits at n = 25 (0.44) and beyond them at n = 100 (0.32).
 * Six points below the centre line (0–5): a shift for mdc (6), not for nhsr (7). Points 8, 10 and 13
 * sit on the centre line and break every run; no trend, no two-of-three.
 */
const RULES_Y = [18, 18, 18, 18, 18, 18, 24, 10, 20, 40, 20, 321, 22, 20];
const RULES_N = [100, 100, 100, 100, 100, 100, 100, 25, 100, 100, 100, 1700, 100, 100];

describe('special-cause rules against per-point lines', () => {
  it('the same proportion is beyond the limit at a large denominator, inside it at a small one', () => {
    const a = attributeChart('p', { numerators: RULES_Y, denominators: RULES_N });
    expect(a.points[7]!.value).toBe(0.4);
    expect(a.points[9]!.value).toBe(0.4);
    expect(a.points[7]!.upperLimit!).toBeCloseTo(0.44, 12);
    expect(a.points[9]!.upperLimit!).toBeCloseTo(0.32, 12);
    expect(a.points.map((p) => p.singlePoint)).toEqual(RULES_Y.map((_y, i) => (i === 9 ? 'high' : null)));
    close(lines(a.points[11]!), expectedLines(0.2, 0.4 / Math.sqrt(1700), true));
    expect(a.points[11]!.lowerLimit!).toBeCloseTo(0.170895724996, 11);
  });

  it('mdc: a shift of 6 below the centre line flags all six', () => {
    const a = attributeChart('p', { numerators: RULES_Y, denominators: RULES_N });
    expect(a.points.map((p) => p.shift)).toEqual(RULES_Y.map((_y, i) => (i < 6 ? 'low' : null)));
    expect(a.points.every((p) => p.trend === null && p.twoOfThree === null)).toBe(true);
    expect(a.points.map((p) => p.pointType)).toEqual(
      RULES_Y.map((_y, i) => (i < 6 ? 'neither_low' : i === 9 ? 'neither_high' : 'common_cause')),
    );
  });

  it('mdc with direction decrease: the run below is improvement, the point above concern', () => {
    const a = attributeChart('p', { numerators: RULES_Y, denominators: RULES_N }, { direction: 'decrease' });
    expect(a.points[0]!.pointType).toBe('improvement');
    expect(a.points[9]!.pointType).toBe('concern');
    expect(a.summary.variation).toBe('common_cause');
  });

  it('nhsr: a run of 6 is not a shift (7 needed); with shiftLength 6 it is', () => {
    const nhsr = attributeChart('p', { numerators: RULES_Y, denominators: RULES_N }, { preset: 'nhsr' });
    expect(nhsr.points.every((p) => p.shift === null)).toBe(true);
    expect(nhsr.points[9]!.singlePoint).toBe('high');
    expect(nhsr.points[9]!.pointType).toBe('improvement'); // nhsr's default direction is increase
    const six = attributeChart(
      'p',
      { numerators: RULES_Y, denominators: RULES_N },
      { preset: 'nhsr', shiftLength: 6 },
    );
    expect(six.points.filter((p) => p.shift === 'low').map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('two-of-three against the per-point 2σ lines', () => {
    // Points 5–7 at n = 100 (2σ line 0.28): 0.30, 0.22, 0.29, all above CL and two beyond 2σ →
    // both flagged, the 0.22 not. The rest sit on CL (0.2) but the last, 79/500 = 0.158, which keeps
    // CL at 0.2: Σ(y − 0.2n) = 10 + 2 + 9 − 21 = 0 (its limits 0.2 ± 3·0.017889 contain it).
    const y = [20, 20, 20, 20, 20, 30, 22, 29, 20, 20, 20, 20, 79];
    const n = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 500];
    const a = attributeChart('p', { numerators: y, denominators: n });
    expect(a.points[0]!.mean!).toBeCloseTo(0.2, 15);
    expect(a.points[5]!.upper2Sigma!).toBeCloseTo(0.28, 12);
    expect(a.points.map((p) => p.twoOfThree)).toEqual(y.map((_v, i) => (i === 5 || i === 7 ? 'high' : null)));
  });
});

describe('rebases: a separate centre line per partition', () => {
  /*
   * Partition 1 (7 points, n = 50): y = 5 6 4 5 6 4 5, Σ = 35 of 350 → CL 0.1;
   *   σ = √(0.09/50) = 0.0424264 → 0.1 ± 0.127279: −0.027 (0) … 0.227279.
   * Partition 2 (7 points, n = 40 60 50 50 40 60 50): y = 12 18 15 15 12 18 15, Σ = 105 of 350 → CL 0.3;
   *   at n = 40: σ = √(0.21/40) = 0.0724569 → 0.082629 … 0.517371.
   */
  const input: AttributeInput = {
    numerators: [5, 6, 4, 5, 6, 4, 5, 12, 18, 15, 15, 12, 18, 15],
    denominators: [50, 50, 50, 50, 50, 50, 50, 40, 60, 50, 50, 40, 60, 50],
    rebases: Array.from({ length: 14 }, (_v, i) => i === 7),
  };
  const a = attributeChart('p', input);

  it('computes CL = Σy/Σn within each partition', () => {
    expect(a.partitions.map((p) => [p.start, p.end])).toEqual([
      [0, 6],
      [7, 13],
    ]);
    expect(a.partitions[0]!.mean!).toBeCloseTo(0.1, 15);
    expect(a.partitions[1]!.mean!).toBeCloseTo(0.3, 15);
    close(lines(a.points[0]!), expectedLines(0.1, Math.sqrt(0.09 / 50), true));
    close(lines(a.points[7]!), expectedLines(0.3, Math.sqrt(0.21 / 40), true));
    expect(a.points[7]!.upperLimit!).toBeCloseTo(0.517370651193, 11);
    expect(a.points[8]!.partition).toBe(2);
  });

  it('the summary reports the last partition', () => {
    expect(a.summary.mean!).toBeCloseTo(0.3, 15);
    expect(a.summary.upperLimit!).toBeCloseTo(0.3 + 3 * Math.sqrt(0.21 / 50), 12);
  });
});

describe('a fixed baseline (mdc): the next partition inherits CL and σz, with its own denominators', () => {
  /*
   * The 13-point Laney example as the baseline, then 400 → 120 (0.3), 25 → 18 (0.72), 100 → 20.
   * Inherited: CL 0.2, σz 1.985816: n = 400 → σ′ = 0.02·σz = 0.0397163 → 0.080851 … 0.319149 (0.3
   * inside); n = 25 → σ′ = 0.08·σz = 0.158865 → 0 … 0.676596 (0.72 beyond).
   * Had the new points set their own lines, CL would be (740 + 158)/4225 = 0.212544.
   */
  const y = [...LANEY_Y, 120, 18, 20];
  const n = [...LANEY_N, 400, 25, 100];
  const a = attributeChart('pp', { numerators: y, denominators: n }, { baseline: { points: 13 } });

  it('the second partition is inherited and keeps the baseline’s CL and m̄R', () => {
    expect(a.partitions.map((p) => [p.start, p.end, p.baseline, p.inherited])).toEqual([
      [0, 12, true, false],
      [13, 15, false, true],
    ]);
    expect(a.partitions[1]!.mean!).toBeCloseTo(0.2, 15);
    expect(a.partitions[1]!.movingRangeMean!).toBeCloseTo(2.24, 12);
  });

  it('its lines use its own denominators', () => {
    close(lines(a.points[13]!), expectedLines(0.2, 0.02 * SIGMA_Z, true));
    close(lines(a.points[14]!), expectedLines(0.2, 0.08 * SIGMA_Z, true));
    expect(a.points[14]!.upperLimit!).toBeCloseTo(0.676595744680851, 12);
    expect(a.points[13]!.singlePoint).toBeNull();
    expect(a.points[14]!.singlePoint).toBe('high');
  });
});

describe('fewer than 13 points', () => {
  const input: AttributeInput = { numerators: [5, 24, 2, 1, 8], denominators: [25, 100, 16, 1, 58] };

  it('mdc: a run chart — centre line only, no flags, no icons, a too_few_points warning', () => {
    const a = attributeChart('p', input, { direction: 'increase', target: 0.1 });
    for (const p of a.points) {
      expect(p.mean!).toBeCloseTo(0.2, 15);
      expect([p.lowerLimit, p.upperLimit, p.lower2Sigma, p.upper1Sigma]).toEqual([null, null, null, null]);
      expect(flags(p)).toEqual([null, null, null, null]);
      expect(p.pointType).toBe('common_cause');
    }
    expect(a.summary).toMatchObject({ variation: 'none', assurance: null, limitsShown: false });
    expect(a.summary.upperLimit).toBeNull();
    expect(codes(a)).toContain('too_few_points');
  });

  it('nhsr: trial limits, with a warning', () => {
    const a = attributeChart('p', input, { preset: 'nhsr' });
    expect(a.points[1]!.upperLimit!).toBeCloseTo(0.32, 12);
    expect(codes(a)).toContain('trial_limits');
  });
});

describe('the assurance icon: a target, a direction, the last point’s own limits', () => {
  // RULES: the last point has n = 100 (limits 0.08 … 0.32). Lower is better.
  const run = (target: number, y = RULES_Y, n = RULES_N): SpcAnalysis =>
    attributeChart('p', { numerators: y, denominators: n }, { direction: 'decrease', target });

  it('decrease: target ≥ upper limit passes, ≤ lower limit fails, between is hit or miss', () => {
    expect(run(0.35).summary.assurance).toBe('pass');
    expect(run(0.05).summary.assurance).toBe('fail');
    expect(run(0.25).summary.assurance).toBe('hit_or_miss');
  });

  it('the same target against a last point with a large denominator (limits 0.1709 … 0.2291) passes', () => {
    // Swap points 11 and 13: the 321/1700 comes last; CL is unchanged, no rule fires.
    const y = [...RULES_Y.slice(0, 11), 20, 22, 321];
    const n = [...RULES_N.slice(0, 11), 100, 100, 1700];
    expect(run(0.25, y, n).summary.assurance).toBe('pass');
    expect(run(0.25, y, n).summary.upperLimit!).toBeCloseTo(0.229104275004, 11);
  });

  it('no direction: no assurance icon, and a target_ignored warning', () => {
    const a = attributeChart('p', { numerators: RULES_Y, denominators: RULES_N }, { target: 0.35 });
    expect(a.summary.assurance).toBeNull();
    expect(codes(a)).toContain('target_ignored');
  });
});

describe('input the engine refuses', () => {
  const refuses = (
    type: AttributeChartType,
    input: AttributeInput,
    expected: { code: string; index?: number; field: string },
  ): void => {
    let caught: unknown;
    try {
      attributeChart(type, input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SpcInputError);
    const e = caught as SpcInputError;
    expect({ code: e.code, index: e.index, field: e.field }).toEqual({ index: undefined, ...expected });
  };

  it('a zero denominator', () => {
    refuses(
      'p',
      { numerators: [1, 0, 2], denominators: [10, 0, 10] },
      { code: 'zero_denominator', index: 1, field: 'denominators' },
    );
    refuses(
      'u',
      { numerators: [1, 0, 2], denominators: [10, 5, 0] },
      { code: 'zero_denominator', index: 2, field: 'denominators' },
    );
  });

  it('a negative denominator', () => {
    refuses(
      'up',
      { numerators: [1, 1], denominators: [10, -5] },
      { code: 'negative_denominator', index: 1, field: 'denominators' },
    );
  });

  it('a negative numerator (also in a c chart)', () => {
    refuses(
      'p',
      { numerators: [1, -1], denominators: [10, 10] },
      { code: 'negative_value', index: 1, field: 'numerators' },
    );
    refuses('c', { numerators: [-3, 1] }, { code: 'negative_value', index: 0, field: 'numerators' });
  });

  it('a numerator above its denominator for p and p′, but not for u and u′', () => {
    for (const type of ['p', 'pp'] as const) {
      refuses(
        type,
        { numerators: [1, 11], denominators: [10, 10] },
        { code: 'numerator_exceeds_denominator', index: 1, field: 'numerators' },
      );
    }
    expect(attributeChart('u', { numerators: [1, 11], denominators: [10, 10] }).points[1]!.value).toBe(1.1);
    expect(attributeChart('up', { numerators: [1, 11], denominators: [10, 10] }).points[1]!.value).toBe(1.1);
  });

  it('a c chart given denominators', () => {
    refuses(
      'c',
      { numerators: [1, 2], denominators: [10, 10] },
      { code: 'invalid_option', field: 'denominators' },
    );
  });

  it('missing denominators for p, p′, u and u′', () => {
    for (const type of ['p', 'pp', 'u', 'up'] as const) {
      refuses(type, { numerators: [1, 2] }, { code: 'length_mismatch', field: 'denominators' });
    }
  });

  it('arrays of different lengths, naming the array', () => {
    refuses(
      'p',
      { numerators: [1, 2], denominators: [10] },
      { code: 'length_mismatch', field: 'denominators' },
    );
    refuses(
      'u',
      { numerators: [1, 2], denominators: [10, 10], ghosts: [false] },
      { code: 'length_mismatch', field: 'ghosts' },
    );
  });

  it('non-finite numbers, naming the point (a target by its own index, past any null targets)', () => {
    refuses(
      'p',
      { numerators: [1, NaN], denominators: [10, 10] },
      { code: 'non_finite_value', index: 1, field: 'numerators' },
    );
    refuses(
      'u',
      { numerators: [1, 2], denominators: [10, Infinity] },
      { code: 'non_finite_value', index: 1, field: 'denominators' },
    );
    refuses(
      'c',
      { numerators: [1, 2, 3], targets: [null, null, NaN] },
      { code: 'non_finite_value', index: 2, field: 'targets' },
    );
  });

  it('an unknown chart type (from JavaScript)', () => {
    refuses(
      'x' as AttributeChartType,
      { numerators: [1], denominators: [2] },
      { code: 'invalid_option', field: 'type' },
    );
  });

  it('an empty series is an empty analysis', () => {
    const a = attributeChart('p', { numerators: [], denominators: [] });
    expect(a.points).toEqual([]);
    expect(a.summary).toMatchObject({ n: 0, variation: 'none', assurance: null });
    expect(a.warnings).toEqual([]);
  });
});

describe('NHS A&E 4-hour breaches (RF4, type 1): the p chart cries wolf, p′ does not', () => {
  // 36 months of breaches of attendances; large denominators (~20 000 a month), so the p chart's
  // limits are far too narrow for the month-to-month variation. Figures are computed here
  // independently of the engine.
  const text = readFileSync(new URL('../../../data/demo/ae_attendances.csv', import.meta.url), 'utf8');
  const [head, ...body] = text.trim().split('\n');
  const col = head!.split(',');
  const at = (name: string): number => col.indexOf(name);
  const rows = body
    .map((l) => l.split(','))
    .filter((r) => r[at('org_code')] === 'RF4' && r[at('type')] === '1')
    .sort((a, b) => a[at('period')]!.localeCompare(b[at('period')]!));
  const y = rows.map((r) => Number(r[at('breaches')]));
  const n = rows.map((r) => Number(r[at('attendances')]));
  const input: AttributeInput = {
    numerators: y,
    denominators: n,
    periods: rows.map((r) => r[at('period')]!),
  };

  const cl = y.reduce((s, v) => s + v, 0) / n.reduce((s, v) => s + v, 0);
  const sigma = n.map((ni) => Math.sqrt((cl * (1 - cl)) / ni));
  const z = y.map((yi, i) => (yi / n[i]! - cl) / sigma[i]!);
  const mr = z.slice(1).map((zi, i) => Math.abs(zi - z[i]!));
  const mrBar = mr.reduce((s, v) => s + v, 0) / mr.length;
  const kept = mr.filter((r) => r < 3.267 * mrBar);
  const sigmaZ = kept.reduce((s, v) => s + v, 0) / kept.length / 1.128;
  const beyond = (k: number): number[] =>
    y.flatMap((yi, i) => (Math.abs(yi / n[i]! - cl) > 3 * sigma[i]! * k ? [i] : []));
  const pBeyond = beyond(1);
  const ppBeyond = beyond(sigmaZ);

  const p = attributeChart('p', input);
  const pp = attributeChart('pp', input);
  const flagged = (a: SpcAnalysis): number[] =>
    a.points.filter((q) => q.singlePoint !== null).map((q) => q.index);

  it('the engine agrees with the independent limits and flags', () => {
    expect(rows).toHaveLength(36);
    expect(p.summary.mean!).toBeCloseTo(cl, 14);
    p.points.forEach((q, i) => {
      expect(q.lowerLimit!).toBeCloseTo(cl - 3 * sigma[i]!, 12);
      expect(pp.points[i]!.upperLimit!).toBeCloseTo(cl + 3 * sigma[i]! * sigmaZ, 12);
    });
    expect(flagged(p)).toEqual(pBeyond);
    expect(flagged(pp)).toEqual(ppBeyond);
  });

  it('the data are overdispersed: σz is far above 1, so p′ limits are several times wider', () => {
    expect(sigmaZ).toBeGreaterThan(3);
    pp.points.forEach((q, i) => {
      expect(q.upperLimit! - q.lowerLimit!).toBeGreaterThan(
        3 * (p.points[i]!.upperLimit! - p.points[i]!.lowerLimit!),
      );
    });
  });

  it('the p chart flags most months beyond its limits; p′ flags a few, all of them among the p chart’s', () => {
    expect(pBeyond.length).toBeGreaterThan(rows.length / 2);
    expect(ppBeyond.length).toBeGreaterThan(0);
    expect(ppBeyond.length * 3).toBeLessThan(pBeyond.length);
    expect(ppBeyond.every((i) => pBeyond.includes(i))).toBe(true);
  });
});
