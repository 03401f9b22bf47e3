import { describe, expect, it } from 'vitest';
import type { Annotation } from './data';
import { chartFileName, pointTypeWords, usedOptions, valueFormat, withUnit } from './format';
import type { AnalysisJson, SpcPointJson } from './format';
import { planNotes } from './notes';

const note = (period: string, text: string): Annotation => ({
  id: `id-${text}`,
  seriesId: 's',
  period,
  text,
  author: 'A',
  authorId: null,
  createdAt: '2024-01-01T00:00:00.000Z',
});

describe('planNotes', () => {
  it('numbers the notes on points in period order and lists the others apart', () => {
    const plan = planNotes(
      [note('2024-01-01', 'a'), note('2024-02-01', 'b'), note('2024-02-01', 'c'), note('2024-04-01', 'd')],
      ['2024-01-01', '2024-02-01', '2024-03-01'],
    );
    expect(plan.numbered.map((n) => [n.number, n.index, n.note.text])).toEqual([
      [1, 0, 'a'],
      [2, 1, 'b'],
      [3, 1, 'c'],
    ]);
    expect(plan.chart).toEqual([
      { index: 0, text: 'a' },
      { index: 1, text: 'b' },
      { index: 1, text: 'c' },
    ]);
    expect([...plan.byPoint]).toEqual([
      [0, [1]],
      [1, [2, 3]],
    ]);
    expect(plan.unplaced.map((n) => n.text)).toEqual(['d']);
  });

  it('puts a note on the first of the points that share its day (T charts)', () => {
    const plan = planNotes([note('2024-01-05', 'a')], ['2024-01-02', '2024-01-05', '2024-01-05']);
    expect(plan.chart).toEqual([{ index: 1, text: 'a' }]);
  });
});

describe('format', () => {
  it('writes proportions as percentages, other values with their unit', () => {
    const percent = valueFormat({ dataType: 'proportion', chartType: 'pp', unitLabel: '%' });
    expect(withUnit(percent, 0.7845)).toBe('78.5%');
    expect(percent.percent).toBe(true);
    expect(
      withUnit(valueFormat({ dataType: 'count', chartType: 'xmr', unitLabel: 'attendances' }), 21289),
    ).toBe('21,289 attendances');
    expect(withUnit(valueFormat({ dataType: 'events', chartType: 't', unitLabel: '' }), 12.5)).toBe(
      '12.5 days',
    );
    expect(withUnit(valueFormat({ dataType: 'value', chartType: 'xmr', unitLabel: '' }), 3)).toBe('3');
  });

  it('names a downloaded chart as the server names its exports', () => {
    expect(
      chartFileName({
        odsCode: 'RF4',
        measureCode: 'ae-4-hour',
        unitName: 'Type 1 A&E (major emergency department)',
        lastPeriod: '2019-03-01',
        frequency: 'month',
      }),
    ).toBe('RF4-ae-4-hour-type-1-a-e-major-emergency-department-2019-03.svg');
    expect(
      chartFileName({
        odsCode: undefined,
        measureCode: 'falls',
        unitName: null,
        lastPeriod: null,
        frequency: 'week',
      }),
    ).toBe('falls.svg');
  });

  it('reads the options the analysis used, whatever their JSON form', () => {
    const used = usedOptions({
      options: {
        preset: 'nhsr',
        direction: 'decrease',
        rebaseAt: ['2024-01-01', 3],
        minimumPoints: 15,
        baseline: null,
      },
    } as unknown as AnalysisJson);
    expect(used).toEqual({
      preset: 'nhsr',
      direction: 'decrease',
      rebaseAt: ['2024-01-01'],
      minimumPoints: 15,
      baseline: null,
    });
    expect(usedOptions({ options: {} } as unknown as AnalysisJson)).toMatchObject({
      preset: 'mdc',
      direction: 'neutral',
      minimumPoints: 13,
    });
  });

  it('puts a point’s type in words, saying when it is not judged', () => {
    const p = { ghost: false, pointType: 'concern' } as SpcPointJson;
    expect(pointTypeWords(p, true, 'xmr')).toBe('Special cause concern');
    expect(pointTypeWords(p, false, 'xmr')).toBe('Not judged (too few points)');
    expect(pointTypeWords({ ...p, pointType: 'common_cause' }, false, 'run')).toBe('Random variation');
    expect(pointTypeWords({ ...p, ghost: true }, true, 'xmr')).toMatch(/^Ghosted/);
  });
});
