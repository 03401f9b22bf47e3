/**
 * `groundswell spc --chart run|p|pp|u|up|c`: the attribute and run charts through the command line,
 * compared with the engine called directly.
 */
import { readFileSync } from 'node:fs';
import { attributeChart, runChart, type SpcAnalysis, type SpcPoint } from '@groundswell/spc';
import { describe, expect, it } from 'vitest';
import {
  csvHeaderOf,
  demoCsv,
  parseCsv,
  runCli,
  type Row,
  expectCleanFailure,
} from './test-support/run-cli.js';

const POINT_HEADER =
  'date,value,mean,lower_limit,upper_limit,lower_2sigma,upper_2sigma,lower_1sigma,upper_1sigma,moving_range,partition,ghost,single_point,shift,trend,two_of_three,point_type,target';

/** RF4's type 1 rows from the demo file, in period order. */
function rf4(): { dates: string[]; attendances: number[]; breaches: number[] } {
  const rows = parseCsv(readFileSync(demoCsv, 'utf8')).filter((r) => r.org_code === 'RF4' && r.type === '1');
  rows.sort((a, b) => a.period!.localeCompare(b.period!));
  return {
    dates: rows.map((r) => r.period!),
    attendances: rows.map((r) => Number(r.attendances)),
    breaches: rows.map((r) => Number(r.breaches)),
  };
}

const cell = (v: number | null): string => (v === null ? '' : String(v));

/** The CSV row the CLI promises for an engine point. */
const rowOf = (p: SpcPoint, date: string): Row => ({
  org_code: 'RF4',
  type: '1',
  date,
  value: String(p.value),
  mean: cell(p.mean),
  lower_limit: cell(p.lowerLimit),
  upper_limit: cell(p.upperLimit),
  lower_2sigma: cell(p.lower2Sigma),
  upper_2sigma: cell(p.upper2Sigma),
  lower_1sigma: cell(p.lower1Sigma),
  upper_1sigma: cell(p.upper1Sigma),
  moving_range: cell(p.movingRange),
  partition: String(p.partition),
  ghost: p.ghost ? '1' : '0',
  single_point: p.singlePoint ?? '',
  shift: p.shift ?? '',
  trend: p.trend ?? '',
  two_of_three: p.twoOfThree ?? '',
  point_type: p.pointType,
  target: cell(p.target),
});

const DEMO = ['spc', demoCsv, '--date', 'period', '--group', 'org_code,type'];

const demoRuns = new Map<string, Row[]>();

/** Runs the CLI on the whole demo file and returns RF4 type 1's rows, after checking the header. */
function demoRows(args: readonly string[]): Row[] {
  const key = args.join(' ');
  const cached = demoRuns.get(key);
  if (cached !== undefined) return cached;
  const res = runCli([...DEMO, ...args]);
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  expect(csvHeaderOf(res.stdout)).toBe(`org_code,type,${POINT_HEADER}`);
  const rows = parseCsv(res.stdout);
  expect(rows).toHaveLength(12765);
  const rf4Rows = rows.filter((r) => r.org_code === 'RF4' && r.type === '1');
  demoRuns.set(key, rf4Rows);
  return rf4Rows;
}

const expectSame = (rows: Row[], a: SpcAnalysis, dates: readonly string[]): void => {
  expect(rows.map((r) => r.date)).toEqual(dates);
  expect(rows).toEqual(a.points.map((p, i) => rowOf(p, dates[i]!)));
};

describe('groundswell spc --chart p|pp|u|up: numerator and denominator columns', () => {
  const { dates, attendances, breaches } = rf4();
  const ratio = ['--numerator', 'breaches', '--denominator', 'attendances'];

  for (const chart of ['p', 'pp', 'u', 'up'] as const) {
    it(`--chart ${chart} writes exactly the engine's result for every point`, () => {
      const rows = demoRows(['--chart', chart, ...ratio, '--direction', 'decrease']);
      const a = attributeChart(
        chart,
        { numerators: breaches, denominators: attendances, periods: dates },
        { direction: 'decrease' },
      );
      expectSame(rows, a, dates);
    });
  }

  it('the value column holds the proportion numerator ÷ denominator', () => {
    const rows = demoRows(['--chart', 'p', ...ratio, '--direction', 'decrease']);
    expect(rows.map((r) => r.value)).toEqual(breaches.map((b, i) => String(b / attendances[i]!)));
    // The p chart's limits vary with each month's denominator.
    expect(new Set(rows.map((r) => r.upper_limit)).size).toBeGreaterThan(1);
  });

  it('p′ flags fewer points beyond its limits than p on the same data (Laney: wider limits)', () => {
    const beyond = (rows: Row[]): number => rows.filter((r) => r.single_point !== '').length;
    expect(beyond(demoRows(['--chart', 'pp', ...ratio, '--direction', 'decrease']))).toBeLessThan(
      beyond(demoRows(['--chart', 'p', ...ratio, '--direction', 'decrease'])),
    );
  });

  it('--summary and --format json agree with the engine', () => {
    const a = attributeChart(
      'pp',
      { numerators: breaches, denominators: attendances },
      { direction: 'decrease' },
    );
    const summary = runCli([...DEMO, '--chart', 'pp', ...ratio, '--direction', 'decrease', '--summary']);
    expect(summary.status).toBe(0);
    expect(csvHeaderOf(summary.stdout)).toBe(
      'org_code,type,n,mean,lower_limit,upper_limit,variation,assurance,warnings',
    );
    const row = parseCsv(summary.stdout).find((r) => r.org_code === 'RF4' && r.type === '1')!;
    expect([row.n, row.mean, row.lower_limit, row.upper_limit, row.variation]).toEqual([
      '36',
      cell(a.summary.mean),
      cell(a.summary.lowerLimit),
      cell(a.summary.upperLimit),
      a.summary.variation,
    ]);

    const json = runCli([...DEMO, '--chart', 'pp', ...ratio, '--direction', 'decrease', '--format', 'json']);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      chart: string;
      groups: { group: Row; summary: unknown; partitions: unknown; points: { upperLimit: number }[] }[];
    };
    expect(parsed.chart).toBe('pp');
    const g = parsed.groups.find((x) => x.group.org_code === 'RF4' && x.group.type === '1')!;
    expect(g.summary).toEqual(JSON.parse(JSON.stringify(a.summary)));
    expect(g.partitions).toEqual(JSON.parse(JSON.stringify(a.partitions)));
    expect(g.points.map((p) => p.upperLimit)).toEqual(a.points.map((p) => p.upperLimit));
  });

  it('a u chart accepts a numerator above its denominator (a rate above 1)', () => {
    const text =
      'date,events,days\n' +
      Array.from({ length: 4 }, (_, i) => `2024-0${i + 1}-01,${5 + i},2`).join('\n') +
      '\n';
    const res = runCli(['spc', '-', '--chart', 'u', '--numerator', 'events', '--denominator', 'days'], text);
    expect(res.status).toBe(0);
    expect(parseCsv(res.stdout).map((r) => r.value)).toEqual(['2.5', '3', '3.5', '4']);
  });

  it('sorts rows by period, with their denominators and ghosts', () => {
    // 2024-02 is ghosted; the rows come shuffled.
    const text = 'date,y,n,ghost\n2024-03-01,3,30,0\n2024-01-01,1,10,0\n2024-02-01,20,20,1\n';
    const res = runCli(
      ['spc', '-', '--chart', 'p', '--numerator', 'y', '--denominator', 'n', '--ghost-col', 'ghost'],
      text,
    );
    expect(res.status).toBe(0);
    const rows = parseCsv(res.stdout);
    expect(rows.map((r) => [r.date, r.value, r.ghost])).toEqual([
      ['2024-01-01', '0.1', '0'],
      ['2024-02-01', '1', '1'],
      ['2024-03-01', '0.1', '0'],
    ]);
    // CL = (1 + 3)/(10 + 30) = 0.1, the ghost left out; 3 points: mdc shows a run chart.
    expect(rows.map((r) => r.mean)).toEqual(['0.1', '0.1', '0.1']);
    expect(rows.every((r) => r.upper_limit === '')).toBe(true);
  });
});

describe('groundswell spc --chart c', () => {
  it('reads counts from --value and writes the engine result', () => {
    const { dates, breaches } = rf4();
    const rows = demoRows(['--chart', 'c', '--value', 'breaches']);
    expectSame(rows, attributeChart('c', { numerators: breaches, periods: dates }), dates);
  });
});

describe('groundswell spc --chart run', () => {
  const { dates, attendances } = rf4();

  it('writes the median as the mean, no limits, and flags long runs in the shift column', () => {
    const rows = demoRows(['--chart', 'run', '--value', 'attendances', '--direction', 'increase']);
    const a = runChart({ values: attendances, periods: dates }, { direction: 'increase' });
    expectSame(rows, a, dates);
    expect(rows.every((r) => r.lower_limit === '' && r.upper_limit === '' && r.moving_range === '')).toBe(
      true,
    );
  });

  it('--summary adds longest_run,longest_run_max,crossings,crossings_min,runs_signal', () => {
    const res = runCli([...DEMO, '--chart', 'run', '--value', 'attendances', '--summary']);
    expect(res.status).toBe(0);
    expect(csvHeaderOf(res.stdout)).toBe(
      'org_code,type,n,mean,lower_limit,upper_limit,variation,assurance,warnings,longest_run,longest_run_max,crossings,crossings_min,runs_signal',
    );
    const rows = parseCsv(res.stdout);
    const r = rows.find((x) => x.org_code === 'RF4' && x.type === '1')!;
    const s = runChart({ values: attendances }).summary;
    const runs = s.runs!;
    expect(r).toEqual({
      org_code: 'RF4',
      type: '1',
      n: '36',
      mean: String(s.mean),
      lower_limit: '',
      upper_limit: '',
      variation: 'none',
      assurance: '',
      warnings: '',
      longest_run: String(runs.longestRun),
      longest_run_max: String(runs.longestRunMax),
      crossings: String(runs.crossings),
      crossings_min: String(runs.crossingsMin),
      runs_signal: runs.signal ? '1' : '0',
    } satisfies Row);
    expect(rows.every((x) => x.runs_signal === '0' || x.runs_signal === '1')).toBe(true);
  });

  it('a hand-made series: figures of the last partition, and empty figures when no point is useful', () => {
    // 1 3 1 3 1 3 1 3 1 3 | rebase | 10×5 20×5: the last partition has median 15, one crossing
    // (fewer than 2 for n = 10) and a longest run of 5 (≤ 6): a signal.
    const values = [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20];
    const text = 'date,value\n' + values.map((v, i) => `${i + 1},${v}`).join('\n') + '\n';
    const res = runCli(['spc', '-', '--chart', 'run', '--rebase', '11', '--summary'], text);
    expect(res.status).toBe(0);
    const row = parseCsv(res.stdout)[0]!;
    expect([
      row.n,
      row.mean,
      row.longest_run,
      row.longest_run_max,
      row.crossings,
      row.crossings_min,
      row.runs_signal,
    ]).toEqual(['20', '15', '5', '6', '1', '2', '1']);
    // Every point on the median: n = 0 useful observations, empty figures, no signal.
    const flat = runCli(['spc', '-', '--chart', 'run', '--summary'], 'date,value\n1,5\n2,5\n3,5\n');
    const f = parseCsv(flat.stdout)[0]!;
    expect([f.longest_run, f.longest_run_max, f.crossings, f.crossings_min, f.runs_signal]).toEqual([
      '',
      '',
      '',
      '',
      '0',
    ]);
  });
});

describe('groundswell spc: attribute chart input errors', () => {
  const failsCleanly = expectCleanFailure;
  const TEXT = 'date,y,n\n2024-01-01,1,10\n2024-02-01,2,10\n';

  it('--chart p, pp, u and up need both --numerator and --denominator (a usage error)', () => {
    for (const chart of ['p', 'pp', 'u', 'up']) {
      failsCleanly(
        ['spc', '-', '--chart', chart, '--numerator', 'y'],
        TEXT,
        /needs --numerator COL and --denominator COL/,
        2,
      );
      failsCleanly(
        ['spc', '-', '--chart', chart, '--denominator', 'n'],
        TEXT,
        /needs --numerator COL and --denominator COL/,
        2,
      );
    }
    failsCleanly(['spc', '-', '--chart', 'p'], TEXT, /needs --numerator COL and --denominator COL/, 2);
  });

  it('--numerator and --denominator are refused for the other charts (use --value)', () => {
    for (const chart of ['c', 'run', 'xmr']) {
      failsCleanly(
        ['spc', '-', '--chart', chart, '--numerator', 'y', '--denominator', 'n'],
        TEXT,
        /use --value/,
        2,
      );
    }
  });

  it('a denominator column that is not in the file', () => {
    failsCleanly(
      ['spc', '-', '--chart', 'p', '--numerator', 'y', '--denominator', 'cases'],
      TEXT,
      /Column "cases" \(--denominator\) is not in the file/,
    );
  });

  it('a denominator that is not a number, naming the row and column', () => {
    failsCleanly(
      ['spc', '-', '--chart', 'u', '--numerator', 'y', '--denominator', 'n'],
      'date,y,n\n2024-01-01,1,10\n2024-02-01,2,NA\n',
      /row 3, column "n": "NA" is not a number/,
    );
  });

  it('a zero denominator is an error naming the row (as the file numbers it, before sorting)', () => {
    // The zero is on row 3 of the file but is the first point once sorted.
    failsCleanly(
      ['spc', '-', '--chart', 'p', '--numerator', 'y', '--denominator', 'n'],
      'date,y,n\n2024-03-01,1,10\n2024-01-01,0,0\n2024-02-01,2,10\n',
      /row 3, column "n": 0 is not a positive denominator/,
    );
    failsCleanly(
      ['spc', '-', '--chart', 'up', '--numerator', 'y', '--denominator', 'n', '--group', 'w'],
      'w,date,y,n\nA,2024-01-01,1,10\nB,2024-01-01,1,10\nB,2024-02-01,1,0\n',
      /row 4, column "n": 0 is not a positive denominator/,
    );
  });

  it('a numerator above its denominator in a p or p′ chart, naming the row', () => {
    for (const chart of ['p', 'pp']) {
      failsCleanly(
        ['spc', '-', '--chart', chart, '--numerator', 'y', '--denominator', 'n'],
        'date,y,n\n2024-01-01,1,10\n2024-02-01,11,10\n',
        /row 3, column "y": 11 is larger than its denominator 10, impossible for a proportion/,
      );
    }
  });

  it('a negative count in a c chart, naming the row', () => {
    failsCleanly(
      ['spc', '-', '--chart', 'c'],
      'date,value\n2024-01-01,1\n2024-02-01,-2\n',
      /row 3, column "value": -\d+ is negative; a count cannot be/,
    );
  });
});
