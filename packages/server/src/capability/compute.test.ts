import { describe, expect, it } from 'vitest';
import type { CapabilityPoint } from './compute.js';
import { capabilityPoints, monthEnd, monthsBetween, trainedFrom } from './compute.js';

const levels = [
  { id: 'foundation', rank: 1, requiredCourseIds: ['f1', 'f2'] },
  { id: 'practitioner', rank: 2, requiredCourseIds: ['p1'] },
  { id: 'empty', rank: 3, requiredCourseIds: [] },
];

describe('capability computation', () => {
  it('knows month ends, leap years included, and the months between two days', () => {
    expect(monthEnd('2024-02-01')).toBe('2024-02-29');
    expect(monthEnd('2025-02-01')).toBe('2025-02-28');
    expect(monthEnd('2025-12-01')).toBe('2025-12-31');
    expect(monthsBetween('2024-11-15', '2025-02-03')).toEqual([
      '2024-11-01',
      '2024-12-01',
      '2025-01-01',
      '2025-02-01',
    ]);
  });

  it('completes a level on the last required course, and counts a higher level as the lower ones', () => {
    const trained = trainedFrom(levels, [
      { userId: 'a', courseId: 'f1', completedOn: '2025-01-10' },
      { userId: 'a', courseId: 'f2', completedOn: '2025-02-20' },
      { userId: 'b', courseId: 'p1', completedOn: '2025-03-01' },
      { userId: 'c', courseId: 'f1', completedOn: '2025-01-01' },
    ]);
    expect(Object.fromEntries(trained.get('a')!)).toEqual({ foundation: '2025-02-20' });
    expect(Object.fromEntries(trained.get('b')!)).toEqual({
      foundation: '2025-03-01',
      practitioner: '2025-03-01',
    });
    expect(trained.get('c')!.size).toBe(0);
  });

  it('counts the staff of a unit and its sub-units from the day they joined, month by month', () => {
    const points = capabilityPoints({
      levels,
      units: [
        { id: 'division', parentId: null },
        { id: 'ward', parentId: 'division' },
        { id: 'empty-ward', parentId: 'division' },
      ],
      staff: [
        { userId: 'a', unitId: 'ward', since: '2020-01-01' },
        { userId: 'b', unitId: 'division', since: '2025-02-10' },
      ],
      completions: [
        { userId: 'a', courseId: 'f1', completedOn: '2025-01-10' },
        { userId: 'a', courseId: 'f2', completedOn: '2025-02-20' },
        { userId: 'b', courseId: 'p1', completedOn: '2025-03-01' },
      ],
      today: '2025-03-15',
    });
    const at = (unitId: string, levelId: string, period: string): CapabilityPoint | undefined =>
      points.find((p) => p.unitId === unitId && p.levelId === levelId && p.period === period);
    expect(points.some((p) => p.unitId === 'empty-ward' || p.levelId === 'empty')).toBe(false);
    expect(at('ward', 'foundation', '2025-01-01')).toMatchObject({ trained: 0, staff: 1 });
    expect(at('ward', 'foundation', '2025-02-01')).toMatchObject({ trained: 1, staff: 1 });
    expect(at('division', 'foundation', '2025-01-01')).toMatchObject({ trained: 0, staff: 1 });
    expect(at('division', 'foundation', '2025-02-01')).toMatchObject({ trained: 1, staff: 2 });
    expect(at('division', 'foundation', '2025-03-01')).toMatchObject({ trained: 2, staff: 2 });
    expect(at('division', 'practitioner', '2025-03-01')).toMatchObject({ trained: 1, staff: 2 });
    expect(at('division', 'practitioner', '2025-04-01')).toBeUndefined();
  });

  it('counts the organisation as a whole (unit null): every member of staff with a unit, once', () => {
    const points = capabilityPoints({
      levels,
      units: [
        { id: 'division', parentId: null },
        { id: 'ward', parentId: 'division' },
        { id: 'other', parentId: null },
      ],
      staff: [
        { userId: 'a', unitId: 'ward', since: '2020-01-01' },
        { userId: 'b', unitId: 'division', since: '2025-02-10' },
        { userId: 'c', unitId: 'other', since: '2020-01-01' },
      ],
      completions: [
        { userId: 'a', courseId: 'f1', completedOn: '2025-01-10' },
        { userId: 'a', courseId: 'f2', completedOn: '2025-02-20' },
        { userId: 'b', courseId: 'p1', completedOn: '2025-03-01' },
        { userId: 'nobody', courseId: 'p1', completedOn: '2025-01-01' },
      ],
      today: '2025-03-15',
    });
    const whole = points.filter((p) => p.unitId === null);
    expect(whole.map((p) => [p.period, p.levelId, `${p.trained}/${p.staff}`])).toEqual([
      ['2025-01-01', 'foundation', '0/2'],
      ['2025-01-01', 'practitioner', '0/2'],
      ['2025-02-01', 'foundation', '1/3'],
      ['2025-02-01', 'practitioner', '0/3'],
      ['2025-03-01', 'foundation', '2/3'],
      ['2025-03-01', 'practitioner', '1/3'],
    ]);
  });

  it('has nothing to publish without completions, unless months were published before', () => {
    const base = {
      levels,
      units: [{ id: 'u', parentId: null }],
      staff: [{ userId: 'a', unitId: 'u', since: '2020-01-01' }],
      completions: [],
      today: '2025-03-15',
    };
    expect(capabilityPoints(base)).toEqual([]);
    const again = capabilityPoints({ ...base, from: '2025-02-01' });
    expect(again.filter((p) => p.unitId === 'u').map((p) => [p.period, p.trained, p.staff])).toEqual([
      ['2025-02-01', 0, 1],
      ['2025-02-01', 0, 1],
      ['2025-03-01', 0, 1],
      ['2025-03-01', 0, 1],
    ]);
  });
});
