import { describe, expect, it } from 'vitest';
import { attachment, exportFileName, slug } from './filename.js';

// The naming itself is @groundswell/charts' (packages/charts/src/filename.test.ts).
describe('exportFileName', () => {
  it('names an export as @groundswell/charts does, and attachment() downloads it under that name', () => {
    const name = exportFileName(
      {
        odsCode: 'RF4',
        measureCode: 'ae-4-hour',
        unitName: 'Ward 10 (acute médicine)',
        lastPeriod: '2024-03-01',
        frequency: 'month',
      },
      'json',
    );
    expect(name).toBe('RF4-ae-4-hour-ward-10-acute-medicine-2024-03.json');
    expect(slug('Ward 10 (acute médicine)')).toBe('ward-10-acute-medicine');
    expect(attachment(name)).toBe('attachment; filename="RF4-ae-4-hour-ward-10-acute-medicine-2024-03.json"');
  });
});
