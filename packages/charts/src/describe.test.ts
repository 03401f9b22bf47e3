import { describe, expect, it } from 'vitest';
import { gChart, runChart, tChart, xmr } from '@groundswell/spc';
import { describeAnalysis } from './describe.js';
import { SHIFT_UP, SPIKE, STABLE, TREND_UP, flags, months } from './test-support/series.js';

describe('describeAnalysis', () => {
  it('describes only common-cause variation with the mean and limits', () => {
    const text = describeAnalysis(xmr({ values: STABLE, periods: months('2024-01', 15) }), {
      measure: 'Falls',
    });
    expect(text).toMatch(/^Falls: XmR chart, 15 points from January 2024 to March 2025\./);
    expect(text).toContain('The latest value is 10 (March 2025).');
    expect(text).toContain('Only common-cause variation: the process is stable around a mean of 10.07');
    expect(text).toContain('with process limits 6.65 and 13.49');
    expect(text).not.toMatch(/special cause/i);
  });

  it('says since when a shift has lasted, and the target outcome', () => {
    const a = xmr(
      { values: SHIFT_UP, periods: months('2023-03', 17) },
      { direction: 'increase', target: 95 },
    );
    const text = describeAnalysis(a, { unit: '%' });
    expect(text).toContain(
      'Special cause improvement since January 2024: the last 7 points are above the mean',
    );
    expect(text).toContain(
      'The target of 95% will be consistently missed (the target is above the upper process limit of 14.97%).',
    );
  });

  it('describes concern when lower is better', () => {
    const a = xmr({ values: SHIFT_UP, periods: months('2023-03', 17) }, { direction: 'decrease' });
    expect(describeAnalysis(a)).toContain(
      'Special cause concern since January 2024: the last 7 points are above the mean',
    );
  });

  it('describes neither improvement nor concern without a direction', () => {
    const text = describeAnalysis(xmr({ values: SHIFT_UP }));
    expect(text).toContain('Special cause variation (high) since period 10');
    expect(text).toContain('neither improvement nor concern');
  });

  it('describes a single point beyond a limit', () => {
    const a = xmr({ values: SPIKE, periods: months('2024-01', 16) }, { direction: 'increase' });
    const text = describeAnalysis(a);
    expect(text).toContain(
      'Special cause improvement in April 2025: the latest point (30) is above the upper process limit of 18.05',
    );
  });

  it('describes a trend', () => {
    const a = xmr({ values: TREND_UP }, { direction: 'increase' });
    expect(describeAnalysis(a)).toContain('the last 7 points have each been higher than the one before');
  });

  it('describes a target that will be met, and hit or miss', () => {
    const pass = xmr({ values: SHIFT_UP }, { direction: 'increase', target: 5 });
    expect(describeAnalysis(pass)).toContain(
      'The target of 5 will be consistently met (the target is below the lower process limit of 8.32).',
    );
    const decreasePass = xmr({ values: SHIFT_UP }, { direction: 'decrease', target: 20 });
    expect(describeAnalysis(decreasePass)).toContain(
      'The target of 20 will be consistently met (the target is above the upper process limit of 14.97).',
    );
    const hm = xmr({ values: SHIFT_UP }, { direction: 'increase', target: 12 });
    expect(describeAnalysis(hm)).toContain(
      'The target of 12 will be met only some of the time (hit or miss)',
    );
  });

  it('says a target is not assessed without a direction', () => {
    const text = describeAnalysis(xmr({ values: STABLE }, { target: 12 }));
    expect(text).toContain('The target of 12 is not assessed: the measure has no improvement direction.');
  });

  it('describes a run chart when there are too few points', () => {
    const text = describeAnalysis(xmr({ values: STABLE.slice(0, 8), periods: months('2024-01', 8) }));
    expect(text).toMatch(/^Run chart, 8 points/);
    expect(text).toContain('too few for process limits (at least 13 are needed)');
    expect(text).not.toContain('common-cause');
  });

  it('says why a run chart stands in for a chart with limits (the server’s too_few_points warning)', () => {
    const a = runChart({ values: STABLE.slice(0, 8), periods: months('2024-01', 8) });
    expect(describeAnalysis(a)).not.toContain('too few points');
    a.warnings.unshift({ code: 'too_few_points', message: '8 points: at least 13 are needed for limits' });
    const text = describeAnalysis(a);
    expect(text).toMatch(/^Run chart, 8 points/);
    expect(text).toContain(
      'There are too few points for process limits (at least 13 are needed), so it is a run chart until then. The median is',
    );
  });

  it('reports where limits were recalculated, and ghosted points', () => {
    const values = [...STABLE, 20, 21, 19, 20, 21, 19, 20, 21, 19, 20, 21, 19, 20];
    const a = xmr({ values, periods: months('2023-01', 28), rebases: flags(28, 15), ghosts: flags(28, 3) });
    const text = describeAnalysis(a);
    expect(text).toContain('The limits were recalculated from April 2024.');
    expect(text).toContain('One point (April 2023) is ghosted');
    expect(text).toContain('the process is stable around a mean of 20');
  });

  it('does not call a latest point without limits stable', () => {
    const a = xmr({ values: [...STABLE, 50], rebases: flags(16, 15) }, { direction: 'increase' });
    const text = describeAnalysis(a);
    expect(text).toContain('The latest point is in a partition without process limits');
    expect(text).toContain('The mean is 50.');
    expect(text).not.toContain('Only common-cause variation');
  });

  it('mentions earlier special cause when the latest point is common cause', () => {
    const values = [...SHIFT_UP, 11];
    const text = describeAnalysis(xmr({ values }, { direction: 'increase' }));
    expect(text).toContain('The latest point shows common-cause variation.');
    expect(text).toContain('most recently special cause improvement in period 16');
  });

  it('calls the G chart centre line a centre line', () => {
    const g = gChart({ values: [30, 12, 45, 60, 8, 22, 90, 34, 15, 50, 70, 40, 25, 110] });
    const text = describeAnalysis(g);
    expect(text).toMatch(/^G chart \(cases between events\)/);
    expect(text).toContain('around a centre line of');
    expect(text).toContain('upper process limit of 176.1 (no lower limit)');
    expect(text).not.toContain('mean');
  });

  it('writes T chart values in days', () => {
    const dates = ['2024-01-03', '2024-01-20', '2024-02-11', '2024-02-15', '2024-03-30', '2024-04-12'];
    const more = ['2024-05-02', '2024-05-30', '2024-06-05', '2024-07-20', '2024-08-01', '2024-08-29'];
    const t = tChart({ dates: [...dates, ...more, '2024-10-01', '2024-10-19', '2024-12-01'] });
    const text = describeAnalysis(t);
    expect(text).toMatch(
      /^T chart \(days between events\), 14 points from 20 January 2024 to 1 December 2024\./,
    );
    expect(text).toContain('The latest value is 43 days (1 December 2024).');
    expect(text).toMatch(
      /stable around a centre line of [\d.]+ days, with process limits [\d.]+ days and [\d.]+ days\./,
    );
  });

  it('uses a custom period formatter', () => {
    const text = describeAnalysis(xmr({ values: SHIFT_UP }, { direction: 'increase' }), {
      formatPeriod: (p) => `week ${String(p)}`,
    });
    expect(text).toContain('since week 10');
  });

  it('copes with an empty analysis', () => {
    expect(describeAnalysis(xmr({ values: [] }), { measure: 'Falls' })).toBe('Falls: no data to chart.');
  });
});
