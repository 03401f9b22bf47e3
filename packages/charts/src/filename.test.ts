import { describe, expect, it } from 'vitest';
import { exportFileName, slug } from './filename.js';

const PARTS = {
  odsCode: 'RF4',
  measureCode: 'ae-4-hour',
  unitName: null,
  lastPeriod: '2024-03-01',
  frequency: 'month',
} as const;

describe('exportFileName', () => {
  it('exportFileName(monthly organisation series) is ODS code, measure code and last month', () => {
    expect(exportFileName(PARTS, 'csv')).toBe('RF4-ae-4-hour-2024-03.csv');
    expect(exportFileName(PARTS, 'svg')).toBe('RF4-ae-4-hour-2024-03.svg');
  });

  it('exportFileName names the unit of a unit series and writes the period by frequency', () => {
    expect(exportFileName({ ...PARTS, unitName: 'Type 1 A&E (major emergency department)' }, 'csv')).toBe(
      'RF4-ae-4-hour-type-1-a-e-major-emergency-department-2024-03.csv',
    );
    expect(exportFileName({ ...PARTS, frequency: 'year', lastPeriod: '2023-04-01' }, 'csv')).toBe(
      'RF4-ae-4-hour-2023.csv',
    );
    expect(exportFileName({ ...PARTS, frequency: 'week', lastPeriod: '2024-03-04' }, 'csv')).toBe(
      'RF4-ae-4-hour-2024-03-04.csv',
    );
    expect(exportFileName({ ...PARTS, lastPeriod: null }, 'csv')).toBe('RF4-ae-4-hour.csv');
  });

  it('exportFileName keeps only letters, digits, -, _ and . (no ODS code: none)', () => {
    expect(exportFileName({ ...PARTS, odsCode: 'R-F4 ', measureCode: 'ae 4/hour_v2.1' }, 'json')).toBe(
      'RF4-ae-4-hour_v2.1-2024-03.json',
    );
    expect(exportFileName({ ...PARTS, odsCode: '', measureCode: 'falls', lastPeriod: null }, 'svg')).toBe(
      'falls.svg',
    );
  });

  it('slug(name) keeps letters and digits, folds accents, and cuts a long name at a word', () => {
    expect(slug('Ward 10 (acute médicine)')).toBe('ward-10-acute-medicine');
    expect(slug('Paediatric emergency department and children’s assessment unit')).toBe(
      'paediatric-emergency-department-and',
    );
    expect(slug('Ward 10 (acute medicine) and a very long name indeed beyond forty')).toBe(
      'ward-10-acute-medicine-and-a-very-long',
    );
    expect(slug('   ')).toBe('');
  });
});
