/**
 * The licence columns of the open-data CSV: added to the header and to every record, also when a
 * quoted annotation runs over several lines; and the licences' attribution statements.
 */
import { describe, expect, it } from 'vitest';
import { attribution, LICENCES } from './licences.js';
import { appendColumns } from './open-data.js';

describe('appendColumns', () => {
  it('adds the header cells to the first record and the cells to every other', () => {
    const csv = 'period,value\n2024-01-01,3\n2024-02-01,4\n';
    expect(appendColumns(csv, ['licence', 'publisher'], ['OGL-UK-3.0', 'Trust, North'])).toBe(
      'period,value,licence,publisher\n2024-01-01,3,OGL-UK-3.0,"Trust, North"\n2024-02-01,4,OGL-UK-3.0,"Trust, North"\n',
    );
  });

  it('keeps a quoted field over several lines as one record', () => {
    const csv = 'period,annotation\n2024-01-01,"a ""note""\non two lines"\n2024-02-01,\n';
    expect(appendColumns(csv, ['licence'], ['CC0-1.0'])).toBe(
      'period,annotation,licence\n2024-01-01,"a ""note""\non two lines",CC0-1.0\n2024-02-01,,CC0-1.0\n',
    );
  });
});

describe('licences', () => {
  it('names each licence with its address and the attribution it asks for', () => {
    expect(Object.keys(LICENCES)).toEqual(['OGL-UK-3.0', 'CC-BY-4.0', 'CC0-1.0']);
    expect(attribution('OGL-UK-3.0', 'Trust A')).toBe(
      'Contains public sector information from Trust A licensed under the Open Government Licence v3.0.',
    );
    expect(attribution('CC-BY-4.0', 'Trust A')).toContain('Data from Trust A');
    expect(attribution('CC0-1.0', 'Trust A')).toContain('no attribution is required');
  });
});
