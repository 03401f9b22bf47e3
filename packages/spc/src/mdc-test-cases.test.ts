/**
 * NHS England's Making Data Count XmR test scenarios (test-fixtures/mdc-test-cases), run under
 * the `mdc` preset. Four points differ by design; their README explains each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { xmr, type Direction, type PointType } from './index.js';

const dir = fileURLToPath(new URL('../test-fixtures/mdc-test-cases/', import.meta.url));
type Row = Record<string, string>;
const read = (path: string): Row[] => parse<Row>(readFileSync(path, 'utf8'), { columns: true });

const DIRECTIONS: Record<string, Direction> = { Up: 'increase', Down: 'decrease', Neither: 'neutral' };
const COLOURS: Record<string, (t: PointType) => boolean> = {
  blue: (t) => t === 'improvement',
  orange: (t) => t === 'concern',
  purple: (t) => t === 'neither_high' || t === 'neither_low',
  grey: (t) => t === 'common_cause',
};

/** Points where SQL v2.6 (our `mdc`) and the Excel tool differ by design: file → point → our colour. */
const EXCEPTIONS: Record<string, Record<number, string>> = {
  'special_cause_two_sigma_2.csv': { 21: 'orange' },
  'special_cause_crossing_recalculations_shift.csv': {
    14: 'grey',
    15: 'grey',
    16: 'grey',
    17: 'grey',
    18: 'grey',
    19: 'grey',
  },
  'special_cause_crossing_recalculations_two_sigma.csv': { 15: 'grey', 16: 'grey' },
  'special_cause_conflict_high_is_good.csv': { 15: 'grey' },
};

function analyse(rows: Row[]): ReturnType<typeof xmr> {
  const first = rows[0]!;
  const baselinePoints = rows.filter((r) => r.baseline_flag === '1').length;
  return xmr(
    {
      values: rows.map((r) => Number(r.value)),
      periods: rows.map((r) => r.date!),
      rebases: rows.map((r) => r.recalculate_limits_flag === '1'),
      ghosts: rows.map((r) => r.ghost_flag === '1'),
    },
    {
      preset: 'mdc',
      direction: DIRECTIONS[first.improvement_direction!]!,
      shiftLength: Number(first.shift_points),
      trendLength: Number(first.trend_points),
      minimumPoints: Number(first.minimum_points),
      ...(baselinePoints > 0 ? { baseline: { points: baselinePoints } } : {}),
    },
  );
}

describe('Making Data Count single chart tool scenarios (mdc preset)', () => {
  const files = readdirSync(`${dir}single-chart-tool`).filter((f) => f.endsWith('.csv'));

  it('has all 35 scenarios', () => {
    expect(files).toHaveLength(35);
  });

  for (const file of files) {
    const rows = read(`${dir}single-chart-tool/${file}`);
    it(`${rows[0]!.dataset}: every point's colour, limits and icon`, () => {
      const a = analyse(rows);
      const exceptions = EXCEPTIONS[file] ?? {};
      const mismatches: string[] = [];
      rows.forEach((r, i) => {
        const colour = exceptions[Number(r.point)] ?? r.expected_colour!;
        const type = a.points[i]!.pointType;
        if (!COLOURS[colour]!(type)) mismatches.push(`point ${r.point}: expected ${colour}, got ${type}`);
        expect(a.summary.limitsShown).toBe(r.expected_limits_shown === 'yes');
        if (r.doc_expected_mean) {
          expect(a.points[i]!.mean!).toBeCloseTo(Number(r.doc_expected_mean), 2);
          expect(a.points[i]!.upperLimit!).toBeCloseTo(Number(r.doc_expected_upl), 2);
          expect(a.points[i]!.lowerLimit!).toBeCloseTo(Number(r.doc_expected_lpl), 2);
        }
      });
      expect(mismatches).toEqual([]);
      const icon = rows[rows.length - 1]!.doc_expected_variation_icon;
      // The checklist names icons as words: "Improvement (High)" is improvement_high.
      if (icon) expect(a.summary.variation).toBe(icon.toLowerCase().replace(/\W+/g, '_').replace(/_$/, ''));
    });
  }
});

describe('hand-calculated cases', () => {
  it('24-point spreadsheet: mean, moving ranges, m̄R and 2.66·m̄R limits to 1e-8', () => {
    const rows = read(`${dir}hand-calculated/xmr_24pt_spreadsheet.csv`);
    const a = xmr({ values: rows.map((r) => Number(r.value)) });
    rows.forEach((r, i) => {
      const p = a.points[i]!;
      const rel = (x: number | null, e: string): void => {
        expect(Math.abs(x! - Number(e)) / Math.abs(Number(e))).toBeLessThan(1e-8);
      };
      rel(p.mean, r.expected_mean!);
      rel(p.upperLimit, r.upl_mean_plus_2_66_mrbar!);
      rel(p.lowerLimit, r.lpl_mean_minus_2_66_mrbar!);
      if (r.expected_moving_range) expect(p.movingRange).toBe(Number(r.expected_moving_range));
      else expect(p.movingRange).toBeNull();
    });
    expect(a.partitions[0]!.movingRangeMean!).toBeCloseTo(Number(rows[0]!.expected_moving_range_mean), 8);
  });

  it('13 points with moving-range screening: mean without points 5 and 6, m̄R 0.2, every line to 1e-9', () => {
    const rows = read(`${dir}hand-calculated/mr_outlier_exclusion_13pt.csv`);
    const a = xmr(
      { values: rows.map((r) => Number(r.value)) },
      { screenOutliers: true, minimumPoints: 12, direction: 'neutral' },
    );
    expect(a.partitions[0]!.movingRangeMean!).toBeCloseTo(0.2, 12);
    const fields = [
      ['mean', 'expected_mean_without_outliers'],
      ['upperLimit', 'expected_upl'],
      ['lowerLimit', 'expected_lpl'],
      ['upper2Sigma', 'expected_upper_two_sigma'],
      ['lower2Sigma', 'expected_lower_two_sigma'],
      ['upper1Sigma', 'expected_upper_one_sigma'],
      ['lower1Sigma', 'expected_lower_one_sigma'],
    ] as const;
    rows.forEach((r, i) => {
      for (const [field, column] of fields) {
        const expected = Number(r[column]);
        expect(Math.abs(a.points[i]![field]! - expected) / expected).toBeLessThan(1e-9);
      }
    });
  });
});
