/**
 * `groundswell funnel`: one row per unit in, its place on a funnel plot out (spc-method.md §5),
 * compared with the engine's funnel() called directly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { funnel, type FunnelOptions, type FunnelResult, type FunnelUnitInput } from '@groundswell/spc';
import { describe, expect, it } from 'vitest';
import {
  csvHeaderOf,
  demoCsv,
  parseCsv,
  runCli,
  tempDir,
  type Row,
  expectCleanFailure,
} from './test-support/run-cli.js';

const HEADER = 'unit,numerator,denominator,value,z,lower_95,upper_95,lower_99.8,upper_99.8,outlier';

/** The demo file's type 1 rows (every provider, every month), written to a file of their own. */
function type1File(): string {
  const lines = readFileSync(demoCsv, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const type = header.indexOf('type');
  const file = join(tempDir(), 'type1.csv');
  writeFileSync(
    file,
    [lines[0]!, ...lines.slice(1).filter((l) => l.split(',')[type] === '1')].join('\n') + '\n',
  );
  return file;
}

/** Breaches of attendances per org_code, added up here in file order (independently of the CLI). */
function aggregatedType1(): FunnelUnitInput[] {
  const rows = parseCsv(readFileSync(demoCsv, 'utf8')).filter((r) => r.type === '1');
  const units = new Map<string, { numerator: number; denominator: number }>();
  for (const r of rows) {
    const u = units.get(r.org_code!) ?? { numerator: 0, denominator: 0 };
    u.numerator += Number(r.breaches);
    u.denominator += Number(r.attendances);
    units.set(r.org_code!, u);
  }
  return [...units].map(([unit, u]) => ({ unit, ...u }));
}

const AE = ['--unit', 'org_code', '--numerator', 'breaches', '--denominator', 'attendances'];

/** The CSV row the CLI promises for each unit of an engine result. */
function expectedRows(result: FunnelResult): Row[] {
  return result.units.map((u) => ({
    unit: u.unit,
    numerator: String(u.numerator),
    denominator: String(u.denominator),
    value: String(u.value),
    z: String(u.z),
    ...Object.fromEntries(
      u.limits.flatMap((l) => [
        [`lower_${l.level}`, String(l.lower)],
        [`upper_${l.level}`, String(l.upper)],
      ]),
    ),
    outlier: u.outlier ?? '',
  }));
}

/*
 * Twelve hospitals, deaths of admissions, spread far more widely than chance allows (φ > 1): the
 * overdispersion adjustment widens the limits, so fewer of them are flagged.
 */
const HOSPITALS: FunnelUnitInput[] = [
  { unit: 'Northgate', numerator: 52, denominator: 500 },
  { unit: 'Southmead', numerator: 45, denominator: 320 },
  { unit: 'Eastfield', numerator: 60, denominator: 300 },
  { unit: 'Westbury', numerator: 2, denominator: 250 },
  { unit: 'Riverside', numerator: 140, denominator: 1000 },
  { unit: 'Hillcrest', numerator: 9, denominator: 150 },
  { unit: 'Lakeside', numerator: 63, denominator: 420 },
  { unit: 'Brookvale', numerator: 16, denominator: 110 },
  { unit: 'Oakwood', numerator: 48, denominator: 680 },
  { unit: 'Millbrook', numerator: 37, denominator: 260 },
  { unit: 'Kingsway', numerator: 4, denominator: 80 },
  { unit: 'St Anne, Central', numerator: 100, denominator: 1250 },
];
const hospitalsCsv = (units = HOSPITALS): string =>
  'hospital,deaths,admissions\n' +
  units
    .map((u) => `${u.unit.includes(',') ? `"${u.unit}"` : u.unit},${u.numerator},${u.denominator}`)
    .join('\n') +
  '\n';
const H = ['funnel', '-', '--unit', 'hospital', '--numerator', 'deaths', '--denominator', 'admissions'];

describe('groundswell funnel: CSV', () => {
  it('writes exactly the promised columns and the engine result, units in input order', () => {
    const res = runCli([...H, '--type', 'proportion'], hospitalsCsv());
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(csvHeaderOf(res.stdout)).toBe(HEADER);
    const rows = parseCsv(res.stdout);
    const result = funnel(HOSPITALS, { type: 'proportion' });
    expect(rows).toEqual(expectedRows(result));
    expect(rows.map((r) => r.unit)).toEqual(HOSPITALS.map((u) => u.unit));
  });

  it('outlier is high, low or empty against the widest (99.8%) limits; a unit on a limit is inside', () => {
    const rows = parseCsv(runCli([...H, '--type', 'proportion'], hospitalsCsv()).stdout);
    for (const r of rows) {
      const v = Number(r.value);
      const expected = v > Number(r['upper_99.8']) ? 'high' : v < Number(r['lower_99.8']) ? 'low' : '';
      expect([r.unit, r.outlier]).toEqual([r.unit, expected]);
    }
    expect(rows.filter((r) => r.outlier !== '').map((r) => [r.unit, r.outlier])).toEqual([
      ['Westbury', 'low'],
    ]);
  });

  it('--limits changes the limit columns (levels in ascending order)', () => {
    for (const limits of ['90,99', '99,90']) {
      const res = runCli([...H, '--type', 'proportion', '--limits', limits], hospitalsCsv());
      expect(res.status).toBe(0);
      expect(csvHeaderOf(res.stdout)).toBe(
        'unit,numerator,denominator,value,z,lower_90,upper_90,lower_99,upper_99,outlier',
      );
      expect(parseCsv(res.stdout)).toEqual(
        expectedRows(funnel(HOSPITALS, { type: 'proportion', limits: [90, 99] })),
      );
    }
    const one = runCli([...H, '--type', 'proportion', '--limits', '80'], hospitalsCsv());
    expect(csvHeaderOf(one.stdout)).toBe('unit,numerator,denominator,value,z,lower_80,upper_80,outlier');
  });

  it('--no-overdispersion gives the unadjusted limits', () => {
    const res = runCli([...H, '--type', 'proportion', '--no-overdispersion'], hospitalsCsv());
    expect(res.status).toBe(0);
    const plain = funnel(HOSPITALS, { type: 'proportion', overdispersion: false });
    expect(parseCsv(res.stdout)).toEqual(expectedRows(plain));
    // Without the adjustment for overdispersion the narrower limits flag four units, not one
    // (checked by hand: θ = 576/5320 = 0.108271, limits sin²(asin√θ ± 3.090232/(2√n))).
    const flagged = parseCsv(res.stdout).filter((r) => r.outlier !== '');
    expect(flagged.map((r) => [r.unit, r.outlier])).toEqual([
      ['Eastfield', 'high'],
      ['Westbury', 'low'],
      ['Oakwood', 'low'],
      ['St Anne, Central', 'low'],
    ]);
  });

  it('--type ratio and ratio-of-counts', () => {
    for (const type of ['ratio', 'ratio-of-counts'] as const) {
      const res = runCli([...H, '--type', type], hospitalsCsv());
      expect(res.status).toBe(0);
      expect(parseCsv(res.stdout)).toEqual(expectedRows(funnel(HOSPITALS, { type })));
    }
  });
});

describe('groundswell funnel --format json', () => {
  it('writes the engine result: target, φ, τ², adjusted, every unit and the limit curves', () => {
    const res = runCli([...H, '--type', 'proportion', '--format', 'json'], hospitalsCsv());
    expect(res.status).toBe(0);
    const json = JSON.parse(res.stdout) as FunnelResult;
    const result = funnel(HOSPITALS, { type: 'proportion' });
    expect(json).toEqual(JSON.parse(JSON.stringify(result)));
    expect(json.target).toBeCloseTo(
      HOSPITALS.reduce((s, u) => s + u.numerator, 0) / HOSPITALS.reduce((s, u) => s + u.denominator, 0),
      15,
    );
    expect(json.phi).toBeGreaterThan(1);
    expect(json.tau2).toBeGreaterThan(0);
    expect(json.adjusted).toBe(true);
    expect(json.curves.map((c) => c.level)).toEqual([95, 99.8]);
    expect(json.curves[0]!.points[0]!.denominator).toBe(80);
    expect(json.curves[0]!.points.at(-1)!.denominator).toBe(1250);
  });

  it('with --no-overdispersion and --limits: adjusted false, φ still reported, the chosen levels', () => {
    const options: FunnelOptions = { type: 'proportion', overdispersion: false, limits: [90, 99] };
    const res = runCli(
      [...H, '--type', 'proportion', '--no-overdispersion', '--limits', '90,99', '--format', 'json'],
      hospitalsCsv(),
    );
    const json = JSON.parse(res.stdout) as FunnelResult;
    expect(json).toEqual(JSON.parse(JSON.stringify(funnel(HOSPITALS, options))));
    expect([json.adjusted, json.overdispersion, json.levels]).toEqual([false, false, [90, 99]]);
    expect(json.phi).toBeGreaterThan(1);
  });
});

describe('groundswell funnel --aggregate: A&E 4-hour breaches by provider (type 1)', () => {
  const file = type1File();
  const units = aggregatedType1();

  it('adds up each provider’s months and writes the engine result for the sums', () => {
    const res = runCli(['funnel', file, ...AE, '--type', 'proportion', '--aggregate']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const rows = parseCsv(res.stdout);
    expect(rows).toHaveLength(140);
    expect(rows).toEqual(expectedRows(funnel(units, { type: 'proportion' })));
    const rf4 = rows.find((r) => r.unit === 'RF4')!;
    const u = units.find((x) => x.unit === 'RF4')!;
    expect([rf4.numerator, rf4.denominator]).toEqual([String(u.numerator), String(u.denominator)]);
  });

  it('providers differ far more than chance allows: φ > 1 and adjusted limits', () => {
    const res = runCli(['funnel', file, ...AE, '--type', 'proportion', '--aggregate', '--format', 'json']);
    const json = JSON.parse(res.stdout) as FunnelResult;
    expect(json.adjusted).toBe(true);
    expect(json.phi).toBeGreaterThan(1);
    expect(json.target).toBeCloseTo(
      units.reduce((s, x) => s + x.numerator, 0) / units.reduce((s, x) => s + x.denominator, 0),
      15,
    );
  });

  it('without --aggregate a repeated unit is an error naming both rows', () => {
    const res = runCli(['funnel', file, ...AE, '--type', 'proportion']);
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    // RF4 is on row 2 (the first data row) and again a month later.
    expect(res.stderr).toMatch(/row \d+, column "org_code": unit "RF4" appears again \(first in row 2\)/);
  });

  it('--format svg draws an <svg>, with --highlight of a provider', () => {
    const res = runCli([
      'funnel',
      file,
      ...AE,
      '--type',
      'proportion',
      '--aggregate',
      '--format',
      'svg',
      '--highlight',
      'RF4',
    ]);
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>$/);
    expect(res.stdout).toContain('RF4');
  });
});

describe('groundswell funnel: output and errors', () => {
  const failsCleanly = expectCleanFailure;

  it('--out writes the file and nothing to standard output', () => {
    const out = join(tempDir(), 'funnel.svg');
    const res = runCli([...H, '--type', 'proportion', '--format', 'svg', '--out', out], hospitalsCsv());
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg/);
  });

  it('--highlight of a unit that is not in the file is a usage error (exit 2)', () => {
    failsCleanly(
      [...H, '--type', 'proportion', '--format', 'svg', '--highlight', 'Nowhere'],
      hospitalsCsv(),
      /--highlight: no unit is called "Nowhere"/,
      2,
    );
  });

  it('a zero denominator is refused with the unit’s name and its row', () => {
    const units = [...HOSPITALS.slice(0, 3), { unit: 'Empty', numerator: 0, denominator: 0 }];
    // Empty is the fourth unit: row 5 of the file (the header is row 1).
    failsCleanly(
      [...H, '--type', 'proportion'],
      hospitalsCsv(units),
      /Unit "Empty" \(row 5\): denominator is 0/,
    );
    failsCleanly(
      [...H, '--type', 'ratio'],
      hospitalsCsv(units),
      /Unit "Empty" \(row 5\): expected count is 0/,
    );
  });

  it('with --aggregate, a unit whose rows add up to a zero denominator is named with its rows', () => {
    failsCleanly(
      [...H, '--type', 'proportion', '--aggregate'],
      'hospital,deaths,admissions\nA,3,10\nB,0,0\nC,1,10\nB,0,0\n',
      /Unit "B" \(rows 3, 5\): denominator is 0/,
    );
  });

  it('a numerator above its denominator (proportion), naming the unit and row', () => {
    failsCleanly(
      [...H, '--type', 'proportion'],
      'hospital,deaths,admissions\nA,3,10\nB,12,10\n',
      /Unit "B" \(row 3\): numerator 12 exceeds denominator 10/,
    );
  });

  it('a negative count on any row, even where an aggregated sum would hide it', () => {
    failsCleanly(
      [...H, '--type', 'proportion', '--aggregate'],
      'hospital,deaths,admissions\nA,5,10\nA,-1,10\n',
      /row 3, column "deaths": -1 is negative/,
    );
    failsCleanly(
      [...H, '--type', 'ratio-of-counts', '--aggregate'],
      'hospital,deaths,admissions\nA,5,10\nA,1,-10\n',
      /row 3, column "admissions": -10 is negative/,
    );
  });

  it('a cell that is not a number, and a missing column', () => {
    failsCleanly(
      [...H, '--type', 'proportion'],
      'hospital,deaths,admissions\nA,NA,10\n',
      /row 2, column "deaths": "NA" is not a number/,
    );
    failsCleanly(
      [
        'funnel',
        '-',
        '--unit',
        'trust',
        '--numerator',
        'deaths',
        '--denominator',
        'admissions',
        '--type',
        'proportion',
      ],
      'hospital,deaths,admissions\nA,1,10\n',
      /Column "trust" \(--unit\) is not in the file/,
    );
  });

  it('misused options are usage errors (exit 2)', () => {
    failsCleanly(
      [...H, '--type', 'proportion', '--limits', '95,100'],
      hospitalsCsv(),
      /--limits: "100" is not a percentage/,
      2,
    );
    failsCleanly(
      [...H, '--type', 'proportion', '--limits', '95,95'],
      hospitalsCsv(),
      /--limits: 95 is given twice/,
      2,
    );
    failsCleanly([...H], hospitalsCsv(), /--type/, 2);
    failsCleanly(
      [...H, '--type', 'rate'],
      hospitalsCsv(),
      /Allowed choices are proportion, ratio, ratio-of-counts/,
      2,
    );
  });

  it('an empty file, or one with a header and no units', () => {
    failsCleanly([...H, '--type', 'proportion'], '', /The CSV is empty/);
    failsCleanly([...H, '--type', 'proportion'], 'hospital,deaths,admissions\n', /no units/);
  });

  it('leaves an existing --out file untouched on failure', () => {
    const out = join(tempDir(), 'keep.csv');
    writeFileSync(out, 'precious');
    const res = runCli([...H, '--type', 'proportion', '--out', out], 'hospital,deaths,admissions\nA,1,0\n');
    expect(res.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('precious');
  });
});
