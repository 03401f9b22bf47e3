import { describe, expect, it } from 'vitest';
import { fhirDay, periodEnd } from './periods.js';

describe('periodEnd', () => {
  it('periodEnd(start, frequency) is the last day of the period the frequency gives', () => {
    expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(periodEnd('2023-02-01', 'month')).toBe('2023-02-28');
    expect(periodEnd('2024-12-01', 'month')).toBe('2024-12-31');
    expect(periodEnd('2024-04-01', 'quarter')).toBe('2024-06-30');
    expect(periodEnd('2024-04-01', 'year')).toBe('2025-03-31');
    expect(periodEnd('2024-12-30', 'week')).toBe('2025-01-05');
    expect(periodEnd('2024-03-05', 'day')).toBe('2024-03-05');
    expect(periodEnd('2024-03-05', 'irregular')).toBe('2024-03-05');
  });
});

describe('fhirDay', () => {
  it('fhirDay(date) reads full dates, and partial dates as their first or last day', () => {
    expect(fhirDay('2024-03-01', 'start')).toBe('2024-03-01');
    expect(fhirDay('2024-03-31', 'end')).toBe('2024-03-31');
    expect(fhirDay('2024-02', 'start')).toBe('2024-02-01');
    expect(fhirDay('2024-02', 'end')).toBe('2024-02-29');
    expect(fhirDay('2024', 'start')).toBe('2024-01-01');
    expect(fhirDay('2024', 'end')).toBe('2024-12-31');
  });

  it('fhirDay(dateTime) takes the calendar day as written, whatever the zone', () => {
    expect(fhirDay('2024-03-01T00:00:00Z', 'start')).toBe('2024-03-01');
    expect(fhirDay('2024-03-31T23:59:59.999+01:00', 'end')).toBe('2024-03-31');
  });

  it('fhirDay(anything else) is undefined: impossible dates, other forms, a time without a zone', () => {
    for (const text of [
      '2024-02-30',
      '2024-13',
      '2024-13-01',
      '01/03/2024',
      '2024-3-1',
      '2024-03-01T10:00',
      '',
    ])
      expect(fhirDay(text, 'start')).toBeUndefined();
  });
});
