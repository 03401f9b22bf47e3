import { attributeChart, xmr } from '@groundswell/spc';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvColumns, seriesCsv, spreadsheetText } from './csv.js';

const PERIODS = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'];

/** The CSV as records, as a spreadsheet or csv-parse reads it. */
const records = (text: string): Record<string, string>[] =>
  parse<Record<string, string>>(text, { columns: true });

describe('seriesCsv', () => {
  it('seriesCsv(value measure) has a row per point: period, value, every analysis column, annotations', () => {
    const values = [12.5, 15.25, 11, 14.125];
    const analysis = xmr({ values, periods: PERIODS, ghosts: [false, true, false, false] });
    const text = seriesCsv({
      analysis,
      dataType: 'value',
      observations: [],
      annotations: [
        { period: '2024-02-01', text: 'New rota, started "early"' },
        { period: '2024-02-01', text: 'Data checked' },
        { period: '2024-04-01', text: '=HYPERLINK("http://x")' },
      ],
    });
    expect(text.split('\n')[0]).toBe(
      'period,value,mean,lower_limit,upper_limit,lower_2sigma,upper_2sigma,lower_1sigma,upper_1sigma,moving_range,partition,ghost,single_point,shift,trend,two_of_three,point_type,target,annotation',
    );
    expect(text.endsWith('\n')).toBe(true);
    const rows = records(text);
    expect(rows.map((r) => r.period)).toEqual(PERIODS);
    expect(rows.map((r) => Number(r.value))).toEqual(values);
    expect(rows.map((r) => r.ghost)).toEqual(['0', '1', '0', '0']);
    expect(rows[0]!.mean).toBe(String(analysis.points[0]!.mean));
    expect(rows[0]!.point_type).toBe('common_cause');
    expect(rows[0]!.upper_limit).toBe('');
    expect(rows[1]!.annotation).toBe('New rota, started "early" | Data checked');
    expect(rows[3]!.annotation).toBe('\'=HYPERLINK("http://x")');
    expect(rows[0]!.annotation).toBe('');
  });

  it('seriesCsv(proportion) adds the stored numerator and denominator beside the plotted proportion', () => {
    const numerators = [40, 45, 38, 50];
    const denominators = [100, 120, 90, 110];
    const analysis = attributeChart('p', { numerators, denominators, periods: PERIODS });
    const text = seriesCsv({
      analysis,
      dataType: 'proportion',
      observations: PERIODS.map((period, i) => ({
        period,
        numerator: numerators[i]!,
        denominator: denominators[i]!,
      })),
      annotations: [],
    });
    expect(text.split('\n')[0]!.startsWith('period,numerator,denominator,value,mean,')).toBe(true);
    const rows = records(text);
    expect(rows.map((r) => [r.numerator, r.denominator, r.value])).toEqual(
      numerators.map((n, i) => [String(n), String(denominators[i]), String(n / denominators[i]!)]),
    );
    expect(Object.keys(rows[0]!)).toEqual(csvColumns('proportion'));
  });

  it('spreadsheetText(text) defuses what a spreadsheet would run as a formula', () => {
    expect(spreadsheetText('=1+1')).toBe("'=1+1");
    expect(spreadsheetText('+44 7700')).toBe("'+44 7700");
    expect(spreadsheetText('-5 beds')).toBe("'-5 beds");
    expect(spreadsheetText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetText('Ward 7 opened')).toBe('Ward 7 opened');
  });
});
