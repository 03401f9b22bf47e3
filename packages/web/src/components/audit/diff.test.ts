import { describe, expect, it } from 'vitest';
import { changedFields, fieldWords } from './diff';

describe('fieldWords', () => {
  it('puts names in words', () => {
    expect(fieldWords('spcOptions')).toBe('SPC options');
    expect(fieldWords('effectiveFrom')).toBe('Effective from');
    expect(fieldWords('organisation_id')).toBe('Organisation ID');
    expect(fieldWords('2025-04-01')).toBe('2025-04-01');
  });
});

describe('changedFields', () => {
  it('keeps only the fields that changed, in words, nested ones by their path', () => {
    expect(
      changedFields(
        { spcOptions: { direction: 'increase', rebaseAt: ['2024-01-01'] }, name: 'Falls' },
        { spcOptions: { direction: 'decrease', rebaseAt: ['2024-01-01', '2024-06-01'] }, name: 'Falls' },
      ),
    ).toEqual([
      { field: 'SPC options › Direction', before: 'increase', after: 'decrease' },
      { field: 'SPC options › Rebase at', before: '2024-01-01', after: '2024-01-01, 2024-06-01' },
    ]);
  });

  it('shows every field of something created as new, and of something removed as gone', () => {
    expect(changedFields(null, { period: '2024-05-01', text: 'New triage', ghost: false })).toEqual([
      { field: 'Period', before: null, after: '2024-05-01' },
      { field: 'Text', before: null, after: 'New triage' },
      { field: 'Ghost', before: null, after: 'no' },
    ]);
    expect(changedFields({ value: 0.95 }, null)).toEqual([{ field: 'Value', before: '0.95', after: null }]);
  });

  it('keys lists of points by their period, so a changed point reads as that point', () => {
    const before = [
      { period: '2024-01-01', value: 10, ghost: false },
      { period: '2024-02-01', value: 12, ghost: false },
    ];
    const after = [
      { period: '2024-01-01', value: 10, ghost: false },
      { period: '2024-02-01', value: 13, ghost: false },
      { period: '2024-03-01', value: 9, ghost: false },
    ];
    expect(changedFields(before, after)).toEqual([
      { field: '2024-02-01 › Value', before: '12', after: '13' },
      { field: '2024-03-01 › Value', before: null, after: '9' },
      { field: '2024-03-01 › Ghost', before: null, after: 'no' },
    ]);
  });

  it('says nothing changed when nothing did, and shows a null as none', () => {
    expect(changedFields({ a: 1 }, { a: 1 })).toEqual([]);
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields({ value: 0.9 }, { value: null })).toEqual([
      { field: 'Value', before: '0.9', after: 'none' },
    ]);
  });
});
