/**
 * A realistic funnel from the synthetic LOS_model data (NHSRdatasets 0.3.3, CC0; see
 * test-fixtures/README.md): 300 made-up patients in 10 fictional trusts. Deaths per trust are
 * compared three ways; the expected figures come from an independent python3 implementation of
 * spc-method.md §5 (csv + math modules, scipy.stats.chi2.ppf), aggregating the same CSV.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { funnel } from './funnel.js';
import type { FunnelResult, FunnelUnitInput } from './types.js';

interface Patient {
  organisation: string;
  age: number;
  los: number;
  death: number;
}

const csv = fileURLToPath(new URL('../../test-fixtures/LOS_model.csv', import.meta.url));
const patients: Patient[] = parse<Record<string, string>>(readFileSync(csv, 'utf8'), { columns: true }).map(
  (r) => ({
    organisation: r.Organisation!,
    age: Number(r.Age),
    los: Number(r.LOS),
    death: Number(r.Death),
  }),
);

/** Age bands for indirect standardisation: <50, 50–64, 65–79, 80+. */
const band = (age: number): string => (age < 50 ? '<50' : age < 65 ? '50-64' : age < 80 ? '65-79' : '80+');

function byTrust(value: (p: Patient) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of patients) out.set(p.organisation, (out.get(p.organisation) ?? 0) + value(p));
  return out;
}

const trusts = [...new Set(patients.map((p) => p.organisation))];
const deaths = byTrust((p) => p.death);
const admissions = byTrust(() => 1);
const bedDays = byTrust((p) => p.los);
// Expected deaths: each patient contributes the pooled death rate of their age band.
const bandDeaths = new Map<string, number>();
const bandPatients = new Map<string, number>();
for (const p of patients) {
  bandDeaths.set(band(p.age), (bandDeaths.get(band(p.age)) ?? 0) + p.death);
  bandPatients.set(band(p.age), (bandPatients.get(band(p.age)) ?? 0) + 1);
}
const expected = byTrust((p) => bandDeaths.get(band(p.age))! / bandPatients.get(band(p.age))!);

const unitsFrom = (denominators: Map<string, number>): FunnelUnitInput[] =>
  trusts.map((t) => ({ unit: t, numerator: deaths.get(t)!, denominator: denominators.get(t)! }));

// [unit, O, denominator, z, lower95, upper95, lower99.8, upper99.8]; none of these is adjusted.
const PROPORTION = {
  target: 0.17666666666666667,
  phi: 0.3803211498358306,
  tau2: 0.0,
  retained: 10,
  units: [
    [
      'Trust1',
      7,
      30.0,
      0.770481492672127,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust2',
      5,
      30.0,
      -0.14526358332759873,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust3',
      6,
      30.0,
      0.3270186675245693,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust4',
      4,
      30.0,
      -0.6572982966214421,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust5',
      7,
      30.0,
      0.770481492672127,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust6',
      4,
      30.0,
      -0.6572982966214421,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust7',
      8,
      30.0,
      1.192327121592775,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust8',
      5,
      30.0,
      -0.14526358332759873,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust9',
      3,
      30.0,
      -1.227385685480288,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
    [
      'Trust10',
      4,
      30.0,
      -0.6572982966214421,
      0.06356703518198698,
      0.33072877643539667,
      0.022835922721552163,
      0.430718790020946,
    ],
  ],
} as const;
const PER_BED_DAY = {
  target: 0.03578663065496286,
  phi: 0.2604579420827909,
  tau2: 0.0,
  retained: 10,
  units: [
    [
      'Trust1',
      7,
      152.0,
      0.8784436367711421,
      0.016310575987011692,
      0.07851855965445675,
      0.010367572440209168,
      0.12352775358171399,
    ],
    [
      'Trust2',
      5,
      127.0,
      0.4490096186095531,
      0.015354496638391283,
      0.08340767944372719,
      0.009425729237963155,
      0.1358709656624377,
    ],
    [
      'Trust3',
      6,
      152.0,
      0.4535804845057526,
      0.016310575987011692,
      0.07851855965445675,
      0.010367572440209168,
      0.12352775358171399,
    ],
    [
      'Trust4',
      4,
      146.0,
      -0.3379559749397352,
      0.016094641868442065,
      0.079572005646541,
      0.010151992714296905,
      0.1261508917191361,
    ],
    [
      'Trust5',
      7,
      183.0,
      0.3686843607769146,
      0.01731366116510271,
      0.07396950427885593,
      0.011390530871009214,
      0.11243399874313825,
    ],
    [
      'Trust6',
      4,
      147.0,
      -0.35304492334751575,
      0.016131182781332996,
      0.07939175638854788,
      0.010188357119286619,
      0.1257006324611833,
    ],
    [
      'Trust7',
      8,
      153.0,
      1.2750567035784597,
      0.01634580813081278,
      0.07834931888259272,
      0.010402903785073078,
      0.12310821671467866,
    ],
    [
      'Trust8',
      5,
      141.0,
      0.199045201038399,
      0.01590849657187068,
      0.08050307757549033,
      0.009967486101138632,
      0.12848605161219429,
    ],
    [
      'Trust9',
      3,
      151.0,
      -0.8727096110950997,
      0.01627513129574476,
      0.07868956080062901,
      0.01033207233215164,
      0.12395218427279699,
    ],
    [
      'Trust10',
      4,
      129.0,
      -0.06494829127405359,
      0.015436785443910396,
      0.08296305848702067,
      0.009505498065841358,
      0.134730755270673,
    ],
  ],
} as const;
const STANDARDISED = {
  target: 1.0,
  phi: 0.2586066150639545,
  tau2: 0.0,
  retained: 8,
  units: [
    [
      'Trust1',
      7,
      5.619866526782072,
      0.520594717035869,
      0.35188219579643615,
      2.2303545632975736,
      0.17107530959254375,
      3.10617901695319,
    ],
    [
      'Trust2',
      5,
      5.126598472926503,
      -0.05661508337338222,
      0.330532451034162,
      2.310738126195013,
      0.15274349793193176,
      3.249886497417156,
    ],
    [
      'Trust3',
      6,
      5.2406918458938065,
      0.3097499180857534,
      0.3356616101427444,
      2.2909341181347878,
      0.15707410583063008,
      3.2144444234825835,
    ],
    [
      'Trust4',
      4,
      5.14030424899458,
      -0.568660359854061,
      0.3311549996330551,
      2.3083171747264357,
      0.15326660992722266,
      3.2455525999143386,
    ],
    [
      'Trust5',
      7,
      5.243209768607567,
      0.6616995254525587,
      0.335773456099723,
      2.2905058469916173,
      0.15716906209072454,
      3.2136782332800964,
    ],
    [
      'Trust6',
      4,
      5.187422043480796,
      -0.5920427637403675,
      0.33328180379146827,
      2.3000826298296944,
      0.15505895585147808,
      3.2308140465006505,
    ],
    [
      'Trust7',
      8,
      5.466631695517865,
      0.8902926216305328,
      0.34547427840097517,
      2.2539245524768554,
      0.16548914383741928,
      3.148274898597018,
    ],
    [
      'Trust8',
      5,
      5.148551611587109,
      -0.06643192765663154,
      0.33152876425649525,
      2.3068659960236126,
      0.15358100943674594,
      3.2429549212321005,
    ],
    [
      'Trust9',
      3,
      5.293539080258788,
      -1.3065487476868947,
      0.337997079602314,
      2.2820225482964274,
      0.1590615138285876,
      3.1985036579613015,
    ],
    [
      'Trust10',
      4,
      5.533184705950925,
      -0.7632398572686525,
      0.34828114375952746,
      2.2435433329071253,
      0.16792728656171751,
      3.1297297047215014,
    ],
  ],
} as const;

type Expected = typeof PROPORTION | typeof PER_BED_DAY | typeof STANDARDISED;

function expectClose(actual: number, wanted: number, tol = 1e-12): void {
  expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(wanted)));
}

function expectAgrees(r: FunnelResult, e: Expected): void {
  expectClose(r.target, e.target);
  expectClose(r.phi, e.phi);
  expect(r.tau2).toBe(e.tau2);
  expect(r.retained).toBe(e.retained);
  expect(r.adjusted).toBe(false);
  e.units.forEach(([unit, o, d, z, l95, u95, l998, u998], i) => {
    const x = r.units[i]!;
    expect(x.unit).toBe(unit);
    expect(x.numerator).toBe(o);
    expectClose(x.denominator, d, 1e-14);
    expectClose(x.z, z);
    expectClose(x.limits[0]!.lower, l95);
    expectClose(x.limits[0]!.upper, u95);
    expectClose(x.limits[1]!.lower, l998);
    expectClose(x.limits[1]!.upper, u998);
  });
}

describe('LOS_model (synthetic): deaths by trust', () => {
  it('reads 300 patients in 10 trusts of 30, 53 deaths', () => {
    expect(patients).toHaveLength(300);
    expect(trusts).toHaveLength(10);
    expect([...admissions.values()].every((n) => n === 30)).toBe(true);
    expect([...deaths.values()].reduce((a, b) => a + b, 0)).toBe(53);
  });

  it('as proportions of admissions: θ = 53/300, φ = 0.38, no outliers', () => {
    const r = funnel(unitsFrom(admissions), { type: 'proportion' });
    expectAgrees(r, PROPORTION);
    expect(r.target).toBe(53 / 300);
    // Internally consistent: equal denominators → equal limits, a one-point curve equal to them.
    const bounds = (x: (typeof r.units)[number]): number[][] => x.limits.map((l) => [l.lower, l.upper]);
    for (const x of r.units) expect(bounds(x)).toEqual(bounds(r.units[0]!));
    expect(r.curves[0]!.points).toEqual([
      { denominator: 30, lower: r.units[0]!.limits[0]!.lower, upper: r.units[0]!.limits[0]!.upper },
    ]);
    expect(r.units.every((x) => x.outlier === null)).toBe(true);
    // Each unit's value is O/n and its z has the sign of value − θ.
    for (const x of r.units) {
      expect(x.value).toBe(x.numerator / 30);
      expect(Math.sign(x.z)).toBe(Math.sign(x.value - r.target));
    }
  });

  it('per bed-day (ratio of counts): θ = 53/ΣLOS', () => {
    const r = funnel(unitsFrom(bedDays), { type: 'ratio-of-counts' });
    expectAgrees(r, PER_BED_DAY);
    expect(r.target).toBe(53 / [...bedDays.values()].reduce((a, b) => a + b, 0));
    expect(r.units.every((x) => x.outlier === null)).toBe(true);
  });

  it('indirectly standardised by age band (SHMI-style ratio): ΣE = ΣO, truncation keeps 8', () => {
    const units = unitsFrom(expected);
    expectClose(
      units.reduce((a, x) => a + x.denominator, 0),
      53,
      1e-13,
    );
    const r = funnel(units, { type: 'ratio' });
    expectAgrees(r, STANDARDISED);
    // Truncation drops the top and bottom ranks of 10: Trust7 (highest z) and Trust9 (lowest).
    expect(r.units.filter((x) => !x.retained).map((x) => x.unit)).toEqual(['Trust7', 'Trust9']);
    expect(r.units.every((x) => x.outlier === null)).toBe(true);
  });
});
