import { describe, expect, it } from 'vitest';
import { SpcInputError } from '../errors.js';
import { funnel } from './funnel.js';
import type { FunnelResult, FunnelType, FunnelUnitInput } from './types.js';

const u = (unit: string, numerator: number, denominator: number): FunnelUnitInput => ({
  unit,
  numerator,
  denominator,
});

function expectRelative(actual: number, expected: number, tol = 1e-12): void {
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const scale = expected === 0 ? 1 : Math.abs(expected);
  expect(Math.abs(actual - expected) / scale).toBeLessThanOrEqual(tol);
}

/** Every number anywhere in the result, to check that none is NaN. */
function allNumbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allNumbers(v, out);
  else if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) allNumbers(v, out);
  return out;
}

function expectRefusal(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SpcInputError);
    expect((e as SpcInputError).code).toBe(code);
    expect((e as SpcInputError).message).toMatch(message);
    return;
  }
  throw new Error('expected an SpcInputError');
}

// Whole-funnel reference cases, computed by an independent python3 implementation of
// spc-method.md §5 (math module; scipy.stats.chi2.ppf for the exact Poisson limits). Each unit:
// z, retained, limits per level as [lower, upper, crosses] (95%, then 99.8%), outlier.
const PROPORTIONS = {
  input: [
    u('A', 12, 300),
    u('B', 40, 500),
    u('C', 5, 80),
    u('D', 60, 1200),
    u('E', 30, 250),
    u('F', 9, 400),
    u('G', 22, 310),
    u('H', 3, 45),
    u('I', 80, 900),
    u('J', 15, 150),
    u('K', 2, 120),
    u('L', 50, 700),
  ],
  target: 0.06619576185671039,
  phi: 3.492911451800613,
  tau2: 0.0018142740810881185,
  adjusted: true,
  retained: 12,
  units: [
    {
      z: -2.038763304573124,
      retained: true,
      limits: [
        [0.02518204137972877, 0.1247980593176058, null],
        [0.010207399592553859, 0.1656878348359932, null],
      ],
      outlier: null,
    },
    {
      z: 1.1871107923756707,
      retained: true,
      limits: [
        [0.027279100599204922, 0.12049316889680388, null],
        [0.012391976631302716, 0.15806658168367538, null],
      ],
      outlier: null,
    },
    {
      z: -0.1347310164002214,
      retained: true,
      limits: [
        [0.01492302824314409, 0.15018482598175453, null],
        [0.001850484634511656, 0.21110857425433818, null],
      ],
      outlier: null,
    },
    {
      z: -2.4039855096189005,
      retained: true,
      limits: [
        [0.029315568205480758, 0.11652329861250212, null],
        [0.014625740510800673, 0.1510661961245796, null],
      ],
      outlier: null,
    },
    {
      z: 2.957667479423656,
      retained: true,
      limits: [
        [0.02421183967110071, 0.12687146817082912, null],
        [0.009240458890032884, 0.16936876138842513, null],
      ],
      outlier: null,
    },
    {
      z: -4.385747005964238,
      retained: true,
      limits: [
        [0.026466400362321084, 0.12213402726927983, 'low'],
        [0.011530682379280932, 0.16096799019424585, null],
      ],
      outlier: null,
    },
    {
      z: 0.3324801160712126,
      retained: true,
      limits: [
        [0.025343130841765812, 0.12445898899386568, null],
        [0.010370729862826809, 0.1650864932889583, null],
      ],
      outlier: null,
    },
    {
      z: 0.012684716923804594,
      retained: true,
      limits: [
        [0.008431645721949727, 0.17262357760714045, null],
        [0.0, 0.251649435366342, null],
      ],
      outlier: null,
    },
    {
      z: 2.552040221832743,
      retained: true,
      limits: [
        [0.02881147060275516, 0.1174878614724093, null],
        [0.014063171168693524, 0.1527644827419207, null],
      ],
      outlier: null,
    },
    {
      z: 1.5073818533551804,
      retained: true,
      limits: [
        [0.020756721642124665, 0.134734694562564, null],
        [0.006054563900111638, 0.18338162826259077, null],
      ],
      outlier: null,
    },
    {
      z: -2.864614760836061,
      retained: true,
      limits: [
        [0.018882502307177095, 0.13936014890708887, 'low'],
        [0.004520607906346293, 0.19165893989169247, null],
      ],
      outlier: null,
    },
    {
      z: 0.5470257545887676,
      retained: true,
      limits: [
        [0.02825055472592451, 0.11857492287593858, null],
        [0.013444513675179143, 0.1546804848519913, null],
      ],
      outlier: null,
    },
  ],
} as const;
const PROPORTIONS_NO_OD = {
  input: [
    u('A', 12, 300),
    u('B', 40, 500),
    u('C', 5, 80),
    u('D', 60, 1200),
    u('E', 30, 250),
    u('F', 9, 400),
    u('G', 22, 310),
    u('H', 3, 45),
    u('I', 80, 900),
    u('J', 15, 150),
    u('K', 2, 120),
    u('L', 50, 700),
  ],
  target: 0.06619576185671039,
  phi: 3.492911451800613,
  tau2: 0.0018142740810881185,
  adjusted: false,
  retained: 12,
  units: [
    {
      z: -2.038763304573124,
      retained: true,
      limits: [
        [0.0408962697649102, 0.09704413291398363, 'low'],
        [0.028958651018203167, 0.11720504255632574, null],
      ],
      outlier: null,
    },
    {
      z: 1.1871107923756707,
      retained: true,
      limits: [
        [0.04609657821446175, 0.08962569447703377, null],
        [0.036081390648329145, 0.10458221121600406, null],
      ],
      outlier: null,
    },
    {
      z: -0.1347310164002214,
      retained: true,
      limits: [
        [0.022523246918795266, 0.13061557067625218, null],
        [0.007630242464722022, 0.17603107312851507, null],
      ],
      outlier: null,
    },
    {
      z: -2.4039855096189005,
      retained: true,
      limits: [
        [0.05283046364991351, 0.08094939059489026, 'low'],
        [0.04577104019059966, 0.09007038496902899, null],
      ],
      outlier: null,
    },
    {
      z: 2.957667479423656,
      retained: true,
      limits: [
        [0.03878406341017071, 0.10026469382710985, 'high'],
        [0.026171517792547477, 0.1227378391078118, null],
      ],
      outlier: null,
    },
    {
      z: -4.385747005964238,
      retained: true,
      limits: [
        [0.04395142393182497, 0.09260286955863872, 'low'],
        [0.03310113543935282, 0.10962637101124753, 'low'],
      ],
      outlier: 'low',
    },
    {
      z: 0.3324801160712126,
      retained: true,
      limits: [
        [0.041261478335241006, 0.09650011313035858, null],
        [0.02944714336865596, 0.11627342776615197, null],
      ],
      outlier: null,
    },
    {
      z: 0.012684716923804594,
      retained: true,
      limits: [
        [0.012968035299124178, 0.15619282340838456, null],
        [0.0008925280603031986, 0.22194088295696165, null],
      ],
      outlier: null,
    },
    {
      z: 2.552040221832743,
      retained: true,
      limits: [
        [0.05088965088590695, 0.0833528155943731, 'high'],
        [0.042930261052845316, 0.09406011439109599, null],
      ],
      outlier: null,
    },
    {
      z: 1.5073818533551804,
      retained: true,
      limits: [
        [0.03212093529188986, 0.11135650677398437, null],
        [0.017863021570174928, 0.14199981518342322, null],
      ],
      outlier: null,
    },
    {
      z: -2.864614760836061,
      retained: true,
      limits: [
        [0.028874062954650562, 0.11736746370051819, 'low'],
        [0.014132688857933808, 0.15255240712636148, null],
      ],
      outlier: null,
    },
    {
      z: 0.5470257545887676,
      retained: true,
      limits: [
        [0.048984389958488986, 0.08578667545731107, null],
        [0.04017817225012646, 0.09812466694609401, null],
      ],
      outlier: null,
    },
  ],
} as const;
const RATIOS = {
  input: [
    u('T1', 120, 100.5),
    u('T2', 80, 95.2),
    u('T3', 300, 250.0),
    u('T4', 45, 60.3),
    u('T5', 210, 180.7),
    u('T6', 15, 12.1),
    u('T7', 500, 430.9),
    u('T8', 95, 110.4),
    u('T9', 60, 48.2),
    u('T10', 33, 41.0),
    u('T11', 150, 162.3),
    u('T12', 75, 70.0),
  ],
  target: 1.0,
  phi: 2.7066575837284335,
  tau2: 0.019655700275072744,
  adjusted: true,
  retained: 10,
  units: [
    {
      z: 1.7777679753343263,
      retained: true,
      limits: [
        [0.7137383495978664, 1.4010736575432983, null],
        [0.5875951781672193, 1.7018519503838023, null],
      ],
      outlier: null,
    },
    {
      z: -1.6972708950647935,
      retained: true,
      limits: [
        [0.7115004461308876, 1.4054804960952056, null],
        [0.5846929567443389, 1.7102993775881195, null],
      ],
      outlier: null,
    },
    {
      z: 2.882756930083215,
      retained: true,
      limits: [
        [0.7397444477495004, 1.3518181894332109, null],
        [0.6217045230173063, 1.6084811401189745, null],
      ],
      outlier: null,
    },
    {
      z: -2.2726695375944796,
      retained: false,
      limits: [
        [0.6885883044927413, 1.4522465651470287, null],
        [0.5552832105108749, 1.8008828307269982, null],
      ],
      outlier: null,
    },
    {
      z: 2.0199910040477804,
      retained: true,
      limits: [
        [0.7326616635434832, 1.3648864813856203, null],
        [0.6123451436424485, 1.633065943908106, null],
      ],
      outlier: null,
    },
    {
      z: 0.7473386234429603,
      retained: true,
      limits: [
        [0.5342543904005892, 1.8717674912323887, null],
        [0.372174347051235, 2.6869127545277487, null],
      ],
      outlier: null,
    },
    {
      z: 3.087399447326089,
      retained: false,
      limits: [
        [0.747849268495876, 1.3371678520342292, null],
        [0.6324780135399392, 1.581082628316301, null],
      ],
      outlier: null,
    },
    {
      z: -1.5785217733831431,
      retained: true,
      limits: [
        [0.7174026409452035, 1.3939173665188416, null],
        [0.5923585461406888, 1.6881667471756097, null],
      ],
      outlier: null,
    },
    {
      z: 1.5203338320734474,
      retained: true,
      limits: [
        [0.6743806887286055, 1.482841986304912, null],
        [0.5373267798728397, 1.8610648816659638, null],
      ],
      outlier: null,
    },
    {
      z: -1.3898909945747027,
      retained: true,
      limits: [
        [0.6627614835906193, 1.5088384354841136, null],
        [0.5228028364346997, 1.9127669750600218, null],
      ],
      outlier: null,
    },
    {
      z: -1.0040309310707993,
      retained: true,
      limits: [
        [0.7298462911164222, 1.3701515129580675, null],
        [0.608639275762616, 1.6430093157347017, null],
      ],
      outlier: null,
    },
    {
      z: 0.5772357768893485,
      retained: true,
      limits: [
        [0.6969176625124813, 1.434889734886136, null],
        [0.5659104132325212, 1.767064144107064, null],
      ],
      outlier: null,
    },
  ],
} as const;
const RATIOS_NO_OD = {
  input: [
    u('T1', 120, 100.5),
    u('T2', 80, 95.2),
    u('T3', 300, 250.0),
    u('T4', 45, 60.3),
    u('T5', 210, 180.7),
    u('T6', 15, 12.1),
    u('T7', 500, 430.9),
    u('T8', 95, 110.4),
    u('T9', 60, 48.2),
    u('T10', 33, 41.0),
    u('T11', 150, 162.3),
    u('T12', 75, 70.0),
  ],
  target: 1.0,
  phi: 2.7066575837284335,
  tau2: 0.019655700275072744,
  adjusted: false,
  retained: 10,
  units: [
    {
      z: 1.7777679753343263,
      retained: true,
      limits: [
        [0.8140797421739694, 1.2156769633431386, null],
        [0.7198439225810098, 1.3482692621332504, null],
      ],
      outlier: null,
    },
    {
      z: -1.6972708950647935,
      retained: true,
      limits: [
        [0.8092495580121519, 1.222191036121426, null],
        [0.7129349609681126, 1.3590096207589812, null],
      ],
      outlier: null,
    },
    {
      z: 2.882756930083215,
      retained: true,
      limits: [
        [0.8798719825237492, 1.1319508201692643, 'high'],
        [0.8158939214919985, 1.2112824222061032, null],
      ],
      outlier: null,
    },
    {
      z: -2.2726695375944796,
      retained: false,
      limits: [
        [0.7636544728957843, 1.2863938362127834, 'low'],
        [0.6487215617651356, 1.4654472716794857, null],
      ],
      outlier: null,
    },
    {
      z: 2.0199910040477804,
      retained: true,
      limits: [
        [0.8595063445450765, 1.1569097551608354, 'high'],
        [0.7857824985799324, 1.2519042894844428, null],
      ],
      outlier: null,
    },
    {
      z: 0.7473386234429603,
      retained: true,
      limits: [
        [0.5183635698562943, 1.7428866552507416, null],
        [0.3387225221517952, 2.2453478772522195, null],
      ],
      outlier: null,
    },
    {
      z: 3.087399447326089,
      retained: false,
      limits: [
        [0.9077978323591417, 1.0990278387394528, 'high'],
        [0.8577184968263781, 1.1579979371928424, 'high'],
      ],
      outlier: 'high',
    },
    {
      z: -1.5785217733831431,
      retained: true,
      limits: [
        [0.8221852685915015, 1.2048636889929458, null],
        [0.7314826273024032, 1.3304655443247997, null],
      ],
      outlier: null,
    },
    {
      z: 1.5203338320734474,
      retained: true,
      limits: [
        [0.7378237690332349, 1.325084279008446, null],
        [0.613173996104107, 1.5300673503785285, null],
      ],
      outlier: null,
    },
    {
      z: -1.3898909945747027,
      retained: true,
      limits: [
        [0.7176172650842751, 1.356612916237437, null],
        [0.5858011112560938, 1.5829718687180518, null],
      ],
      outlier: null,
    },
    {
      z: -1.0040309310707993,
      retained: true,
      limits: [
        [0.8520693609143715, 1.1662320192708278, null],
        [0.7748702926905662, 1.2671248184967359, null],
      ],
      outlier: null,
    },
    {
      z: 0.5772357768893485,
      retained: true,
      limits: [
        [0.7795490586849355, 1.2634398404576992, null],
        [0.6708974906877426, 1.4272756403868487, null],
      ],
      outlier: null,
    },
  ],
} as const;
const RATIO_OF_COUNTS = {
  input: [
    u('W1', 30, 1000),
    u('W2', 12, 600),
    u('W3', 70, 1500),
    u('W4', 5, 400),
    u('W5', 44, 900),
    u('W6', 20, 350),
    u('W7', 9, 800),
    u('W8', 61, 1100),
    u('W9', 25, 500),
    u('W10', 3, 150),
  ],
  target: 0.03821917808219178,
  phi: 3.5654802358840576,
  tau2: 0.11448566679249457,
  adjusted: true,
  retained: 10,
  units: [
    {
      z: -1.2400397900104174,
      retained: true,
      limits: [
        [0.0183096573202097, 0.07977787610836395, null],
        [0.011977696296652216, 0.12195212978363441, null],
      ],
      outlier: null,
    },
    {
      z: -2.1691739773518046,
      retained: true,
      limits: [
        [0.01753981014117401, 0.08327944039994709, null],
        [0.011193344044859341, 0.13049769286320942, null],
      ],
      outlier: null,
    },
    {
      z: 1.700102596667994,
      retained: true,
      limits: [
        [0.018736104936942548, 0.07796207259696603, null],
        [0.012420487663773074, 0.11760452671586631, null],
      ],
      outlier: null,
    },
    {
      z: -2.4988152087901496,
      retained: true,
      limits: [
        [0.016704843936252784, 0.08744203650464948, 'low'],
        [0.010364823875929867, 0.14092912631834204, null],
      ],
      outlier: null,
    },
    {
      z: 1.6823231929075342,
      retained: true,
      limits: [
        [0.018174061037709015, 0.08037309714364325, null],
        [0.011838138367995868, 0.12338980402757177, null],
      ],
      outlier: null,
    },
    {
      z: 1.8945012557714949,
      retained: true,
      limits: [
        [0.016382781899052106, 0.08916102175313727, null],
        [0.010051513786307479, 0.14532194894545258, null],
      ],
      outlier: null,
    },
    {
      z: -3.6805350356185915,
      retained: true,
      limits: [
        [0.018008860982918894, 0.08111038086549417, 'low'],
        [0.011668921608846937, 0.12517914013329537, 'low'],
      ],
      outlier: 'low',
    },
    {
      z: 2.9108691060524965,
      retained: true,
      limits: [
        [0.018422964934334048, 0.0792872145436285, null],
        [0.012094772529393437, 0.1207716449175373, null],
      ],
      outlier: null,
    },
    {
      z: 1.4295534528216023,
      retained: true,
      limits: [
        [0.017190589240386793, 0.0849712335541456, null],
        [0.010843986062827344, 0.1347019043380659, null],
      ],
      outlier: null,
    },
    {
      z: -0.9905570154632927,
      retained: true,
      limits: [
        [0.013837855842306622, 0.10555866385111903, null],
        [0.007702492126781899, 0.18964064477253434, null],
      ],
      outlier: null,
    },
  ],
} as const;

interface Reference {
  readonly input: readonly FunnelUnitInput[];
  readonly target: number;
  readonly phi: number;
  readonly tau2: number;
  readonly adjusted: boolean;
  readonly retained: number;
  readonly units: readonly {
    readonly z: number;
    readonly retained: boolean;
    readonly limits: readonly (readonly [number, number, 'high' | 'low' | null])[];
    readonly outlier: 'high' | 'low' | null;
  }[];
}

function expectMatches(result: FunnelResult, ref: Reference): void {
  expectRelative(result.target, ref.target);
  expectRelative(result.phi, ref.phi);
  expectRelative(result.tau2, ref.tau2);
  expect(result.adjusted).toBe(ref.adjusted);
  expect(result.retained).toBe(ref.retained);
  expect(result.units).toHaveLength(ref.units.length);
  ref.units.forEach((expected, i) => {
    const got = result.units[i]!;
    expect(got.unit).toBe(ref.input[i]!.unit);
    expectRelative(got.z, expected.z);
    expect(got.retained).toBe(expected.retained);
    expect(got.outlier).toBe(expected.outlier);
    expected.limits.forEach(([lower, upper, crosses], j) => {
      expectRelative(got.limits[j]!.lower, lower);
      expectRelative(got.limits[j]!.upper, upper);
      expect(got.limits[j]!.crosses).toBe(crosses);
    });
  });
}

describe('funnel: reference cases', () => {
  it('proportions, overdispersed (φ ≈ 3.49 → adjusted, Winsorised)', () => {
    const r = funnel(PROPORTIONS.input, { type: 'proportion' });
    expectMatches(r, PROPORTIONS);
    expect(r.trimming).toBe('winsorise');
    expect(r.levels).toEqual([95, 99.8]);
  });

  it('proportions with overdispersion off: unadjusted limits, φ and τ² still as measured', () => {
    const r = funnel(PROPORTIONS.input, { type: 'proportion', overdispersion: false });
    expectMatches(r, PROPORTIONS_NO_OD);
    expect(r.overdispersion).toBe(false);
    expect(r.phi).toBe(funnel(PROPORTIONS.input, { type: 'proportion' }).phi);
  });

  it('standardised ratios, truncated (T4 and T7 dropped), adjusted', () => {
    const r = funnel(RATIOS.input, { type: 'ratio' });
    expectMatches(r, RATIOS);
    expect(r.trimming).toBe('truncate');
    expect(r.target).toBe(1);
  });

  it('standardised ratios unadjusted: exact Poisson limits', () => {
    expectMatches(funnel(RATIOS.input, { type: 'ratio', overdispersion: false }), RATIOS_NO_OD);
  });

  it('ratio of counts, Winsorised, adjusted; W7 below the 99.8% limit', () => {
    const r = funnel(RATIO_OF_COUNTS.input, { type: 'ratio-of-counts' });
    expectMatches(r, RATIO_OF_COUNTS);
    expect(r.units[6]!.outlier).toBe('low');
  });

  it('flags per level: beyond 95% but not 99.8% is not an outlier', () => {
    const f = funnel(PROPORTIONS.input, { type: 'proportion' }).units.find((x) => x.unit === 'F')!;
    expect(f.limits.map((l) => l.crosses)).toEqual(['low', null]);
    expect(f.outlier).toBeNull();
  });
});

describe('funnel: result shape', () => {
  const units = PROPORTIONS.input;

  it('keeps input order and sorts levels', () => {
    const r = funnel(units, { type: 'proportion', limits: [99.8, 90, 95] });
    expect(r.units.map((x) => x.unit)).toEqual(units.map((x) => x.unit));
    expect(r.levels).toEqual([90, 95, 99.8]);
    expect(r.units[0]!.limits.map((l) => l.level)).toEqual([90, 95, 99.8]);
    expect(r.curves.map((c) => c.level)).toEqual([90, 95, 99.8]);
  });

  it('draws curves from the smallest to the largest denominator, matching the unit limits', () => {
    const r = funnel(units, { type: 'proportion', curvePoints: 25 });
    for (const curve of r.curves) {
      expect(curve.points).toHaveLength(25);
      expect(curve.points[0]!.denominator).toBe(45);
      expect(curve.points[24]!.denominator).toBe(1200);
    }
    // Unit D has the largest denominator (1200): its limits are the curves' last points.
    const d = r.units.find((x) => x.unit === 'D')!;
    expect(r.curves[1]!.points[24]!.lower).toBe(d.limits[1]!.lower);
    expect(r.curves[1]!.points[24]!.upper).toBe(d.limits[1]!.upper);
    expect(funnel(units, { type: 'proportion' }).curves[0]!.points).toHaveLength(100);
  });

  it('uses z = Φ⁻¹(1 − α/2) for other levels', () => {
    const r = funnel(units, { type: 'proportion', limits: [99] });
    expect(r.curves[0]!.z).toBeCloseTo(2.5758293035489004, 14);
  });
});

describe('funnel: degenerate cases', () => {
  it('all units identical: φ = 0, τ² = 0, not adjusted, nothing flagged', () => {
    const same = [u('a', 10, 100), u('b', 10, 100), u('c', 10, 100), u('d', 10, 100)];
    // Proportions: each rate is θ, z = 0 up to rounding of ΣO/Σn.
    const p = funnel(same, { type: 'proportion' });
    expect(p.phi).toBeLessThan(1e-20);
    // Ratio of counts: the ½ corrections leave z = (ln(10.5/100.5) − ln 0.1)/s = 0.0438/0.3172 = 0.138,
    // so φ = 0.019: small, not 0.
    const rc = funnel(same, { type: 'ratio-of-counts' });
    expect(rc.phi).toBeLessThan(0.05);
    // Standardised ratios are compared with 1, not with each other: identical units with O = E.
    const r = funnel([u('a', 12, 12), u('b', 12, 12), u('c', 12, 12)], { type: 'ratio' });
    expect(r.phi).toBe(0); // √12·ln 1 = 0 exactly
    for (const result of [p, rc, r]) {
      expect(result.tau2).toBe(0);
      expect(result.adjusted).toBe(false);
      expect(result.units.every((x) => x.outlier === null)).toBe(true);
    }
  });

  it('identical standardised ratios away from 1 are overdispersed against the target 1', () => {
    // O/E = 0.1 everywhere: z = 10·ln 0.1 = −23.03 for each, φ = 530.2 > 1 → adjusted.
    const r = funnel([u('a', 10, 100), u('b', 10, 100), u('c', 10, 100)], { type: 'ratio' });
    expect(r.adjusted).toBe(true);
    expect(r.tau2).toBeGreaterThan(0);
  });

  it('a single unit: φ = z² as measured, τ² = 0, unadjusted, with a warning', () => {
    const p = funnel([u('only', 7, 30)], { type: 'proportion' });
    expect(p.phi).toBe(0); // θ is its own rate, z = 0
    expect(p.retained).toBe(1);
    expect(p.adjusted).toBe(false);
    expect(p.warnings[0]).toMatch(/τ² cannot be estimated/);
    expect(p.curves[0]!.points).toHaveLength(1);
    // Ratio: z = √20·ln(30/20) = 4.47213595499958·0.4054651081081644 = 1.8132950884683134
    // φ = z² = 3.2880390778633086 > 1, but τ² has no estimate from one unit: not adjusted.
    const r = funnel([u('only', 30, 20)], { type: 'ratio' });
    expectRelative(r.units[0]!.z, 1.8132950884683134, 1e-14);
    expectRelative(r.phi, 3.2880390778633086, 1e-14);
    expect(r.tau2).toBe(0);
    expect(r.adjusted).toBe(false);
    // Unadjusted exact Poisson limits at E = 20.
    expect(r.units[0]!.limits[0]!.upper).toBeGreaterThan(1);
  });

  it('proportions of 0 and 1: finite z, limits in [0, 1], a value on a clipped limit is inside', () => {
    const r = funnel([u('none', 0, 20), u('all', 20, 20), u('some', 10, 40), u('more', 15, 60)], {
      type: 'proportion',
    });
    for (const x of r.units) {
      expect(Number.isFinite(x.z)).toBe(true);
      for (const l of x.limits) {
        expect(l.lower).toBeGreaterThanOrEqual(0);
        expect(l.upper).toBeLessThanOrEqual(1);
      }
    }
    // Everyone at 0: θ = 0, lower limits are 0 (inner term clipped) and every value sits on them.
    const zero = funnel([u('a', 0, 10), u('b', 0, 500)], { type: 'proportion' });
    expect(zero.target).toBe(0);
    for (const x of zero.units) {
      expect(x.value).toBe(0);
      expect(x.limits[1]!.lower).toBe(0);
      expect(x.outlier).toBeNull();
    }
  });

  it('O = 0 for a standardised ratio: z = −∞, truncated when N ≥ 10, with a warning', () => {
    const units = [
      u('zero', 0, 8),
      ...Array.from({ length: 11 }, (_, i) => u(`t${i}`, 20 + i, 20 + (i % 3))),
    ];
    const r = funnel(units, { type: 'ratio' });
    const zero = r.units[0]!;
    expect(zero.z).toBe(-Infinity);
    expect(zero.retained).toBe(false);
    expect(Number.isFinite(r.phi)).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/"zero" has no observed events.*Truncation left it out/);
    // Its value 0 is below the exact Poisson lower limit χ²(0.001; 16)/16 > 0 (unless adjusted).
    expect(allNumbers(r).some(Number.isNaN)).toBe(false);
  });

  it('O = 0 retained (few units): φ = τ² = ∞, adjusted limits 0 and ∞, no NaN', () => {
    const r = funnel([u('zero', 0, 8), u('b', 10, 9), u('c', 12, 11)], { type: 'ratio' });
    expect(r.phi).toBe(Infinity);
    expect(r.tau2).toBe(Infinity);
    expect(r.adjusted).toBe(true);
    expect(r.units[1]!.limits[0]).toMatchObject({ lower: 0, upper: Infinity, crosses: null });
    // The zero unit sits exactly on the lower limit 0: inside.
    expect(r.units[0]!.outlier).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/φ is infinite and so is τ²: the adjusted limits are 0 and \+∞/);
    expect(allNumbers(r).some(Number.isNaN)).toBe(false);
  });

  it('a single unit with O = 0: φ = ∞ as measured, τ² = 0, exact Poisson limits flag it low', () => {
    const r = funnel([u('zero', 0, 20)], { type: 'ratio' });
    expect(r.phi).toBe(Infinity);
    expect(r.tau2).toBe(0);
    expect(r.adjusted).toBe(false);
    // 99.8% lower limit at E = 20: χ²(0.001; 40)/40 = 17.916/40 = 0.4479 > 0 = O/E
    expect(r.units[0]!.limits[1]!.lower).toBeCloseTo(0.4479, 4);
    expect(r.units[0]!.outlier).toBe('low');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[1]).toMatch(/It was not truncated, so φ is infinite\.$/);
    expect(allNumbers(r).some(Number.isNaN)).toBe(false);
  });

  it('φ ≤ 1: not adjusted, τ² reported as measured', () => {
    const r = funnel([u('a', 10, 100), u('b', 11, 100), u('c', 9, 100), u('d', 10, 110)], {
      type: 'proportion',
    });
    expect(r.phi).toBeLessThanOrEqual(1);
    expect(r.adjusted).toBe(false);
    expect(r.tau2).toBe(0);
  });
});

describe('funnel: refusals name the unit', () => {
  const ok = [u('A', 1, 10), u('B', 2, 10)];
  const types: FunnelType[] = ['proportion', 'ratio', 'ratio-of-counts'];

  it('an empty list', () => {
    for (const type of types) expectRefusal(() => funnel([], { type }), 'invalid_funnel_input', /no units/);
  });

  it('a zero denominator or expected count', () => {
    expectRefusal(
      () => funnel([u('A', 1, 10), u('B', 0, 0)], { type: 'proportion' }),
      'zero_denominator',
      /Unit "B" \(row 2\): denominator is 0/,
    );
    expectRefusal(
      () => funnel([u('A', 1, 10), u('B', 0, 0)], { type: 'ratio' }),
      'zero_denominator',
      /Unit "B" \(row 2\): expected count is 0/,
    );
  });

  it('negative and non-finite numbers', () => {
    expectRefusal(() => funnel([u('A', -1, 10)], { type: 'ratio' }), 'negative_value', /Unit "A".*negative/);
    expectRefusal(
      () => funnel([u('A', 1, -10)], { type: 'ratio-of-counts' }),
      'negative_denominator',
      /Unit "A"/,
    );
    expectRefusal(
      () => funnel([u('A', Number.NaN, 10)], { type: 'proportion' }),
      'non_finite_value',
      /Unit "A".*NaN/,
    );
    expectRefusal(
      () => funnel([u('A', 1, Infinity)], { type: 'ratio' }),
      'non_finite_value',
      /Unit "A".*Infinity/,
    );
    const notANumber = { unit: 'A', numerator: '3', denominator: 10 } as unknown as FunnelUnitInput;
    expectRefusal(() => funnel([notANumber], { type: 'ratio' }), 'non_finite_value', /Unit "A"/);
  });

  it('a numerator above its denominator, for proportions only', () => {
    expectRefusal(
      () => funnel([u('A', 11, 10)], { type: 'proportion' }),
      'numerator_exceeds_denominator',
      /Unit "A" \(row 1\): numerator 11 exceeds denominator 10/,
    );
    expect(() => funnel([u('A', 11, 10)], { type: 'ratio' })).not.toThrow();
    expect(() => funnel([u('A', 11, 10)], { type: 'ratio-of-counts' })).not.toThrow();
  });

  it('duplicate or missing unit names', () => {
    expectRefusal(
      () => funnel([...ok, u('A', 3, 10)], { type: 'proportion' }),
      'invalid_funnel_input',
      /Unit "A" appears twice \(rows 1 and 3\)/,
    );
    expectRefusal(() => funnel([u('', 1, 10)], { type: 'proportion' }), 'invalid_funnel_input', /no name/);
  });

  it('a ratio of counts with no events at all', () => {
    expectRefusal(
      () => funnel([u('A', 0, 10), u('B', 0, 20)], { type: 'ratio-of-counts' }),
      'invalid_funnel_input',
      /at least one event/,
    );
  });

  it('unknown and invalid options', () => {
    expectRefusal(
      () => funnel(ok, { type: 'proportion', overdispersed: true } as never),
      'unknown_option',
      /Unknown funnel option "overdispersed"/,
    );
    expectRefusal(() => funnel(ok, { type: 'rate' } as never), 'invalid_option', /Option type/);
    expectRefusal(() => funnel(ok, { type: 'ratio', limits: [] }), 'invalid_option', /Option limits/);
    expectRefusal(() => funnel(ok, { type: 'ratio', limits: [100] }), 'invalid_option', /between 0 and 100/);
    expectRefusal(() => funnel(ok, { type: 'ratio', limits: [95, 95] }), 'invalid_option', /twice/);
    expectRefusal(
      () => funnel(ok, { type: 'ratio', overdispersion: 'yes' } as never),
      'invalid_option',
      /true or false/,
    );
    expectRefusal(() => funnel(ok, { type: 'ratio', curvePoints: 1 }), 'invalid_option', /curvePoints/);
    expectRefusal(() => funnel(ok, { type: 'ratio', curvePoints: 10.5 }), 'invalid_option', /curvePoints/);
  });
});
