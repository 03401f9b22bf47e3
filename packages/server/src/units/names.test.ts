import { describe, expect, it } from 'vitest';
import { unitNames } from './names.js';

const unit = (
  id: string,
  name: string,
  parentId: string | null = null,
): { id: string; name: string; parentId: string | null } => ({
  id,
  name,
  parentId,
});

const UNITS = [
  unit('m', 'Medicine'),
  unit('s', 'Surgery'),
  unit('m1', 'Ward 1', 'm'),
  unit('s1', 'Ward 1', 's'),
  unit('m10', 'Ward 10 (acute medicine)', 'm'),
];

describe('unitNames', () => {
  it('display(unit) is its name when unique in the organisation, else its path', () => {
    const names = unitNames(UNITS);
    expect(names.display('m10')).toBe('Ward 10 (acute medicine)');
    expect(names.display('m1')).toBe('Medicine / Ward 1');
    expect(names.display('s1')).toBe('Surgery / Ward 1');
    expect(names.display('nope')).toBeUndefined();
  });

  it('find(display) reads names and paths in any case and spacing, and finds every display back', () => {
    const names = unitNames(UNITS);
    expect(names.find('  ward 10 (ACUTE medicine) ')).toEqual({ unitId: 'm10' });
    expect(names.find('surgery/ward  1')).toEqual({ unitId: 's1' });
    expect(names.find('Medicine / Ward 10 (acute medicine)')).toEqual({ unitId: 'm10' });
    for (const { id } of UNITS) expect(names.find(names.display(id)!)).toEqual({ unitId: id });
  });

  it('find(display) tells an unknown name from one several units share', () => {
    const names = unitNames(UNITS);
    expect(names.find('Ward 1')).toEqual({ problem: 'ambiguous' });
    expect(names.find('Ward 99')).toEqual({ problem: 'unknown' });
  });
});
