import { describe, expect, it } from 'vitest';
import { attributeChart } from './attribute.js';
import { ANALYSIS_COLUMNS, analysisCells, csvField, numberCell, POINT_COLUMNS, pointRows } from './table.js';
import { xmr } from './xmr.js';

const VALUES = [
  12, 15, 11, 14, 13, 16, 12, 14, 13, 15, 12, 14, 13, 15, 14, 25, 26, 24, 27, 29, 28, 26, 25, 27, 26, 28,
];
const PERIODS = VALUES.map(
  (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
);

/** A CSV row of plain cells (no quoting needed) as a record of the columns. */
const record = (columns: readonly string[], row: string): Record<string, string> =>
  Object.fromEntries(row.split(',').map((cell, i) => [columns[i]!, cell]));

describe('table', () => {
  it('POINT_COLUMNS is date, value, then the analysis columns', () => {
    expect(POINT_COLUMNS.slice(0, 2)).toEqual(['date', 'value']);
    expect(POINT_COLUMNS.slice(2)).toEqual([...ANALYSIS_COLUMNS]);
  });

  it('pointRows(xmr) writes every point object’s fields, unrounded, with empty cells for absent lines', () => {
    const analysis = xmr(
      {
        values: VALUES,
        periods: PERIODS,
        ghosts: VALUES.map((_, i) => i === 3),
        targets: VALUES.map(() => 20),
      },
      { direction: 'increase' },
    );
    const rows = pointRows(analysis).trimEnd().split('\n');
    expect(rows).toHaveLength(VALUES.length);
    const side = (s: string | null): string => s ?? '';
    const line = (v: number | null): string => (v === null ? '' : String(v));
    for (const [i, point] of analysis.points.entries()) {
      expect(record(POINT_COLUMNS, rows[i]!)).toEqual({
        date: point.period,
        value: String(point.value),
        mean: line(point.mean),
        lower_limit: line(point.lowerLimit),
        upper_limit: line(point.upperLimit),
        lower_2sigma: line(point.lower2Sigma),
        upper_2sigma: line(point.upper2Sigma),
        lower_1sigma: line(point.lower1Sigma),
        upper_1sigma: line(point.upper1Sigma),
        moving_range: line(point.movingRange),
        partition: String(point.partition),
        ghost: point.ghost ? '1' : '0',
        single_point: side(point.singlePoint),
        shift: side(point.shift),
        trend: side(point.trend),
        two_of_three: side(point.twoOfThree),
        point_type: point.pointType,
        target: '20',
      });
    }
    // The first point has no moving range; the step change gives special-cause improvement.
    expect(record(POINT_COLUMNS, rows[0]!).moving_range).toBe('');
    expect(analysis.points.some((p) => p.pointType === 'improvement')).toBe(true);
    expect(record(POINT_COLUMNS, rows[3]!).ghost).toBe('1');
  });

  it('pointRows(a short xmr) leaves the absent limits empty (mdc shows it as a run chart)', () => {
    const analysis = xmr({ values: VALUES.slice(0, 5), periods: PERIODS.slice(0, 5) });
    const row = record(POINT_COLUMNS, pointRows(analysis).split('\n')[1]!);
    expect(row.mean).toBe(String(analysis.points[1]!.mean));
    expect([row.lower_limit, row.upper_limit, row.lower_1sigma, row.upper_2sigma]).toEqual(['', '', '', '']);
  });

  it('analysisCells(p chart) gives each point its own limits; a prefix and period format apply to every row', () => {
    const periods = Array.from({ length: 15 }, (_, i) => i + 1);
    const analysis = attributeChart('p', {
      numerators: periods.map((i) => 40 + ((i * 7) % 11)),
      denominators: periods.map((i) => 100 + ((i * 13) % 17)),
      periods,
    });
    const cells = analysisCells(analysis);
    const limits = analysis.points.map((p) => `${String(p.lowerLimit)},${String(p.upperLimit)}`);
    expect(new Set(limits).size).toBeGreaterThan(1);
    for (let i = 0; i < 15; i++) expect(cells(i).split(',').slice(1, 3).join(',')).toBe(limits[i]);
    const rows = pointRows(analysis, { prefix: 'A,', period: (p) => `week ${p}` })
      .trimEnd()
      .split('\n');
    expect(rows[1]).toBe(`A,week 2,${String(analysis.points[1]!.value)},${cells(1)}`);
  });

  it('csvField quotes only what needs quoting; numberCell leaves null and NaN empty', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(numberCell(null)).toBe('');
    expect(numberCell(Number.NaN)).toBe('');
    expect(numberCell(0.1 + 0.2)).toBe('0.30000000000000004');
  });
});
