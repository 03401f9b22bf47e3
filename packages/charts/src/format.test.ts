import { describe, expect, it } from 'vitest';
import { formatNumber, isMonthly, longDate, monthLabel, periodFormatter, withUnit } from './format.js';

describe('periodFormatter', () => {
  it('shows first-of-month series as months', () => {
    const periods = ['2024-01-01', '2024-02-01', '2024-03-01'];
    expect(isMonthly(periods)).toBe(true);
    expect(periodFormatter(periods)('2024-03-01')).toBe('Mar 2024');
    expect(periodFormatter(periods, 'long')('2024-03-01')).toBe('March 2024');
  });

  it('shows days when any date is not the first of a month', () => {
    const periods = ['2024-03-01', '2024-03-08', '2024-03-15'];
    expect(isMonthly(periods)).toBe(false);
    expect(periodFormatter(periods)('2024-03-01')).toBe('1 Mar 2024');
    expect(periodFormatter(periods, 'long')('2024-03-15')).toBe('15 March 2024');
  });

  it('shows numbers and other strings as they are', () => {
    expect(periodFormatter([1, 2, 3])(2)).toBe('2');
    expect(periodFormatter([1, 2, 3], 'long')(2)).toBe('period 2');
    expect(periodFormatter(['Q1', 'Q2'])('Q2')).toBe('Q2');
    // Not a real date: shown as it is.
    expect(periodFormatter(['2024-02-30'])('2024-02-30')).toBe('2024-02-30');
    expect(periodFormatter(['2023-02-29'])('2023-02-29')).toBe('2023-02-29');
    expect(periodFormatter(['2024-02-29'])('2024-02-29')).toBe('29 Feb 2024');
    expect(periodFormatter(['1900-02-29'])('1900-02-29')).toBe('1900-02-29');
    expect(periodFormatter(['2000-02-29'])('2000-02-29')).toBe('29 Feb 2000');
    expect(periodFormatter(['2024-04-31', '2024-13-01'])('2024-04-31')).toBe('2024-04-31');
  });
});

describe('formatNumber', () => {
  it('groups thousands and uses fewer decimals for larger numbers', () => {
    expect(formatNumber(21289)).toBe('21,289');
    expect(formatNumber(19378.75)).toBe('19,378.8');
    expect(formatNumber(95.456)).toBe('95.46');
    expect(formatNumber(123.456)).toBe('123.5');
    expect(formatNumber(9.456)).toBe('9.46');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
  });
});

describe('withUnit', () => {
  it('attaches % and spaces other units', () => {
    expect(withUnit('95', '%')).toBe('95%');
    expect(withUnit('12', 'days')).toBe('12 days');
    expect(withUnit('12', undefined)).toBe('12');
  });
});

describe('monthLabel and longDate', () => {
  it('write a month and a day as people say them', () => {
    expect(monthLabel('2019-03')).toBe('March 2019');
    expect(monthLabel('2026-11-01')).toBe('November 2026');
    expect(longDate('2027-03-31')).toBe('31 March 2027');
    expect(longDate('2024-02-09')).toBe('9 February 2024');
  });
});
