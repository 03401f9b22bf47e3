import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { xmr } from '@groundswell/spc';
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

const POINT_HEADER =
  'date,value,mean,lower_limit,upper_limit,lower_2sigma,upper_2sigma,lower_1sigma,upper_1sigma,moving_range,partition,ghost,single_point,shift,trend,two_of_three,point_type,target';

/** RF4's type 1 attendances from the demo file, in period order. */
function rf4(): { dates: string[]; values: number[] } {
  const rows = parseCsv(readFileSync(demoCsv, 'utf8')).filter((r) => r.org_code === 'RF4' && r.type === '1');
  rows.sort((a, b) => a.period!.localeCompare(b.period!));
  return { dates: rows.map((r) => r.period!), values: rows.map((r) => Number(r.attendances)) };
}

const cell = (v: number | null): string => (v === null ? '' : String(v));

describe('groundswell spc: point rows', () => {
  it('writes the promised columns and exactly the engine result for every point of the demo data', () => {
    const res = runCli([
      'spc',
      demoCsv,
      '--date',
      'period',
      '--value',
      'attendances',
      '--group',
      'org_code,type',
      '--direction',
      'increase',
    ]);
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');
    expect(csvHeaderOf(res.stdout)).toBe(`org_code,type,${POINT_HEADER}`);
    const rows = parseCsv(res.stdout);
    expect(rows).toHaveLength(12765);

    const { dates, values } = rf4();
    const expected = xmr({ values, periods: dates }, { direction: 'increase' });
    const got = rows.filter((r) => r.org_code === 'RF4' && r.type === '1');
    expect(got.map((r) => r.date)).toEqual(dates);
    got.forEach((r, i) => {
      const p = expected.points[i]!;
      expect(r).toEqual({
        org_code: 'RF4',
        type: '1',
        date: dates[i]!,
        value: String(values[i]),
        mean: cell(p.mean),
        lower_limit: cell(p.lowerLimit),
        upper_limit: cell(p.upperLimit),
        lower_2sigma: cell(p.lower2Sigma),
        upper_2sigma: cell(p.upper2Sigma),
        lower_1sigma: cell(p.lower1Sigma),
        upper_1sigma: cell(p.upper1Sigma),
        moving_range: cell(p.movingRange),
        partition: '1',
        ghost: '0',
        single_point: p.singlePoint ?? '',
        shift: p.shift ?? '',
        trend: p.trend ?? '',
        two_of_three: p.twoOfThree ?? '',
        point_type: p.pointType,
        target: '',
      } satisfies Row);
    });
  });

  it('sorts each group by period, so shuffled rows give the same output', () => {
    const text = 'date,value\n' + ['2024-03-01,5', '2024-01-01,3', '2024-02-01,4'].join('\n') + '\n';
    const res = runCli(['spc', '-'], text);
    expect(res.status).toBe(0);
    expect(parseCsv(res.stdout).map((r) => [r.date, r.value])).toEqual([
      ['2024-01-01', '3'],
      ['2024-02-01', '4'],
      ['2024-03-01', '5'],
    ]);
  });

  it('reads standard input when no file is given, and UK dates', () => {
    const res = runCli(['spc'], 'date,value\n01/02/2024,1\n01/03/2024,2\n');
    expect(res.status).toBe(0);
    expect(parseCsv(res.stdout).map((r) => r.date)).toEqual(['2024-02-01', '2024-03-01']);
  });

  it('quotes group values that need it and keeps groups in order of first appearance', () => {
    const text = 'ward,date,value\n"B, east",2024-01-01,1\nA,2024-01-01,2\n"B, east",2024-02-01,3\n';
    const res = runCli(['spc', '-', '--group', 'ward'], text);
    expect(res.status).toBe(0);
    expect(res.stdout.split('\n')[1]).toMatch(/^"B, east",2024-01-01,1,/);
    expect(parseCsv(res.stdout).map((r) => r.ward)).toEqual(['B, east', 'B, east', 'A']);
  });

  it('applies a per-row target, rebase and ghost columns', () => {
    const values = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 11, 30, 31, 29, 30, 32, 31];
    const lines = values.map((v, i) => {
      const date = `2023-${String((i % 12) + 1).padStart(2, '0')}-01`.replace(
        /^2023/,
        i < 12 ? '2023' : '2024',
      );
      return `${date},${v},${i < 12 ? 15 : 20},${i === 12 ? 1 : 0},${i === 3 ? 1 : 0}`;
    });
    const text = 'date,value,goal,rebase,ghost\n' + lines.join('\n') + '\n';
    const res = runCli(
      [
        'spc',
        '-',
        '--target-col',
        'goal',
        '--rebase-col',
        'rebase',
        '--ghost-col',
        'ghost',
        '--direction',
        'increase',
      ],
      text,
    );
    expect(res.status).toBe(0);
    const rows = parseCsv(res.stdout);
    expect(rows.map((r) => r.partition)).toEqual(values.map((_, i) => (i < 12 ? '1' : '2')));
    expect(rows[3]!.ghost).toBe('1');
    expect(rows[3]!.moving_range).toBe('');
    expect(rows[4]!.moving_range).toBe('1'); // |12 − 11|, skipping the ghost
    expect(rows.map((r) => r.target)).toEqual(values.map((_, i) => (i < 12 ? '15' : '20')));
    expect(Number(rows[15]!.mean)).toBeCloseTo((30 + 31 + 29 + 30 + 32 + 31) / 6, 12);
  });
});

describe('groundswell spc --summary', () => {
  it('writes one row per group with icons, and none for a series too short for limits', () => {
    const res = runCli([
      'spc',
      demoCsv,
      '--date',
      'period',
      '--value',
      'attendances',
      '--group',
      'org_code,type',
      '--direction',
      'increase',
      '--summary',
    ]);
    expect(res.status).toBe(0);
    expect(csvHeaderOf(res.stdout)).toBe(
      'org_code,type,n,mean,lower_limit,upper_limit,variation,assurance,warnings',
    );
    const rows = parseCsv(res.stdout);
    const groups = new Set(parseCsv(readFileSync(demoCsv, 'utf8')).map((r) => `${r.org_code}/${r.type}`));
    expect(rows).toHaveLength(groups.size);
    for (const r of rows) {
      if (Number(r.n) < 13) {
        expect(r.variation).toBe('none');
        expect(r.lower_limit).toBe('');
        expect(r.warnings).toContain('too_few_points');
      } else {
        expect(r.variation).toMatch(/^(common_cause|improvement_high|concern_low)$/);
        expect(Number(r.upper_limit)).toBeGreaterThan(Number(r.mean));
      }
    }
    const { values } = rf4();
    const rf4Row = rows.find((r) => r.org_code === 'RF4' && r.type === '1')!;
    const a = xmr({ values }, { direction: 'increase' });
    expect(rf4Row.n).toBe('36');
    expect(rf4Row.variation).toBe(a.summary.variation);
    expect(rf4Row.mean).toBe(String(a.summary.mean));
  });

  it('gives an assurance icon with a target and a direction', () => {
    const values = Array.from({ length: 20 }, (_, i) => 90 + (i % 4));
    const text = 'date,value\n' + values.map((v, i) => `${i + 1},${v}`).join('\n') + '\n';
    const pass = parseCsv(
      runCli(['spc', '-', '--summary', '--direction', 'increase', '--target', '50'], text).stdout,
    );
    const fail = parseCsv(
      runCli(['spc', '-', '--summary', '--direction', 'increase', '--target', '150'], text).stdout,
    );
    expect(pass[0]!.assurance).toBe('pass');
    expect(fail[0]!.assurance).toBe('fail');
  });
});

describe('groundswell spc: other charts and formats', () => {
  it('--chart t turns event dates into days between events', () => {
    const text = 'date\n2024-01-01\n2024-01-11\n2024-01-31\n2024-01-31\n';
    const res = runCli(['spc', '-', '--chart', 't'], text);
    expect(res.status).toBe(0);
    const rows = parseCsv(res.stdout);
    expect(rows.map((r) => [r.date, r.value])).toEqual([
      ['2024-01-11', '10'],
      ['2024-01-31', '20'],
      ['2024-01-31', '0'],
    ]);
  });

  it('--chart g draws no lower limit', () => {
    const values = [12, 30, 5, 44, 18, 9, 27, 60, 3, 15, 22, 38, 11, 8];
    const text = 'date,value\n' + values.map((v, i) => `${i + 1},${v}`).join('\n') + '\n';
    const rows = parseCsv(runCli(['spc', '-', '--chart', 'g'], text).stdout);
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    expect(Number(rows[0]!.mean)).toBeCloseTo(0.693 * m, 10);
    expect(Number(rows[0]!.upper_limit)).toBeCloseTo(m + 3 * Math.sqrt(m * (m + 1)), 10);
    expect(rows.every((r) => r.lower_limit === '')).toBe(true);
  });

  it('--format json writes groups with their analysis and ISO periods', () => {
    const res = runCli([
      'spc',
      demoCsv,
      '--date',
      'period',
      '--value',
      'breaches',
      '--group',
      'org_code,type',
      '--format',
      'json',
      '--preset',
      'nhsr',
      '--rebase',
      '2018-04-01',
    ]);
    expect(res.status).toBe(0);
    const json = JSON.parse(res.stdout) as {
      chart: string;
      options: { preset: string; shiftLength: number; rebaseAt: string[] };
      groups: {
        group: { org_code: string; type: string };
        summary: { variation: string };
        points: { period: string; partition: number }[];
      }[];
    };
    expect(json.chart).toBe('xmr');
    expect(json.options).toMatchObject({ preset: 'nhsr', shiftLength: 7, rebaseAt: ['2018-04-01'] });
    expect(json.groups[0]!.group).toEqual({ org_code: 'RF4', type: '1' });
    const group = json.groups.find((g) => g.group.org_code === 'RF4' && g.group.type === '1')!;
    expect(group.points[0]!.period).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(group.points.find((p) => p.period === '2018-04-01')!.partition).toBe(2);
  });

  it('--format svg writes one chart per group into a folder', () => {
    const dir = join(tempDir(), 'charts');
    const res = runCli([
      'spc',
      demoCsv,
      '--date',
      'period',
      '--value',
      'attendances',
      '--group',
      'org_code,type',
      '--format',
      'svg',
      '--out',
      dir,
    ]);
    expect(res.status).toBe(0);
    const files = readdirSync(dir);
    expect(files).toContain('RF4_1.svg');
    expect(files.length).toBe(
      new Set(parseCsv(readFileSync(demoCsv, 'utf8')).map((r) => `${r.org_code}/${r.type}`)).size,
    );
    const svg = readFileSync(join(dir, 'RF4_1.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('RF4');
  });

  it('--format svg writes a single series to standard output', () => {
    const text = 'date,value\n' + Array.from({ length: 15 }, (_, i) => `${i + 1},${i % 3}`).join('\n') + '\n';
    const res = runCli(['spc', '-', '--format', 'svg'], text);
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it('--out writes the file only when complete', () => {
    const out = join(tempDir(), 'points.csv');
    const res = runCli(['spc', '-', '--out', out], 'date,value\n1,2\n2,3\n');
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(POINT_HEADER);
  });
});

describe('groundswell spc: bad input', () => {
  const failsCleanly = expectCleanFailure;

  it('refuses an unknown column and lists the columns there are', () => {
    failsCleanly(
      ['spc', '-', '--value', 'attendences'],
      'date,attendances\n2024-01-01,3\n',
      /Column "attendences" \(--value\) is not in the file; its columns are: date, attendances/,
    );
  });

  it('refuses a value that is not a number, naming the row and column', () => {
    failsCleanly(
      ['spc', '-'],
      'date,value\n2024-01-01,3\n2024-02-01,NA\n',
      /row 3, column "value": "NA" is not a number/,
    );
    failsCleanly(
      ['spc', '-'],
      'date,value\n2024-01-01,"1,234"\n',
      /row 2, column "value": "1,234" is not a number/,
    );
  });

  it('refuses a date that is not a date', () => {
    failsCleanly(
      ['spc', '-'],
      'date,value\n2024-01-01,3\n2024-02-30,4\n',
      /row 3, column "date": "2024-02-30" is not a date/,
    );
  });

  it('refuses a period that appears twice in a group, naming both rows', () => {
    failsCleanly(
      ['spc', '-', '--group', 'ward'],
      'ward,date,value\nA,2024-01-01,1\nB,2024-01-01,2\nA,2024-02-01,3\nA,01/01/2024,4\n',
      /Duplicate period 2024-01-01 in group ward=A: rows 2 and 5/,
    );
  });

  it('refuses a row with the wrong number of fields', () => {
    failsCleanly(['spc', '-'], 'date,value\n2024-01-01,3\n2024-02-01,4,5\n', /cannot be read after row 2/);
  });

  it('refuses an empty file and a missing file', () => {
    failsCleanly(['spc', '-'], '', /The CSV is empty/);
    const res = runCli(['spc', '/no/such/file.csv']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/No such file: \/no\/such\/file.csv/);
  });

  it('refuses contradictory and invalid options as usage errors (exit 2)', () => {
    failsCleanly(
      ['spc', '-', '--target', '5', '--target-col', 'goal'],
      'date,value\n1,2\n',
      /either --target or --target-col/,
      2,
    );
    failsCleanly(
      ['spc', '-', '--shift', 'six'],
      'date,value\n1,2\n',
      /--shift: "six" is not a whole number/,
      2,
    );
    failsCleanly(
      ['spc', '-', '--preset', 'nhsr', '--baseline', '5'],
      'date,value\n1,2\n',
      /--baseline: .*at least 12/,
      2,
    );
    failsCleanly(['spc', '-', '--chart', 'pie'], 'date,value\n1,2\n', /Allowed choices are xmr, t, g/, 2);
  });

  it('leaves a file that already exists untouched when it fails', () => {
    const out = join(tempDir(), 'keep.csv');
    writeFileSync(out, 'precious');
    const res = runCli(['spc', '-', '--out', out], 'date,value\n1,x\n');
    expect(res.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('precious');
  });
});
