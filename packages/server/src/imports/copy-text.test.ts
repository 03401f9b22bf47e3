import { formatPeriod } from '@groundswell/spc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../observations/input.js';
import { CopyText } from './copy-text.js';

describe('CopyText', () => {
  it('writes each row as the line copyObservations would write, and is taken a COPY at a time', () => {
    const number = fc.oneof(
      fc.constant(null),
      fc.nat(100),
      fc.integer({ min: -1_000_000, max: 3_000_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 2_147_483_647, 2_147_483_648, 1e21, 5e-7, 0.1),
    );
    const row = fc.record({
      series: fc.nat(5000),
      day: fc.integer({ min: -600_000, max: 2_900_000 }),
      value: number,
      numerator: number,
      denominator: number,
      ghost: fc.constantFrom(null, true, false),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.nat(30), (rows, cut) => {
        const text = new CopyText();
        let written = '';
        let expected = '';
        rows.forEach((r, ord) => {
          text.add(r.series, r.day, r.value, r.numerator, r.denominator, r.ghost);
          if (ord === cut) written += text.take();
          const period = formatPeriod(r.day, 'date');
          expected += csvLine(ord, r.series, { seriesId: '', period, ...r });
        });
        written += text.take();
        expect(written).toBe(expected);
        expect(text.rows).toBe(rows.length);
        expect(text.pending).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('grows past its first buffer', () => {
    const text = new CopyText();
    for (let i = 0; i < 100_000; i++) text.add(i, 19_000 + (i % 400), 1.5e-300, i, null, i % 2 === 0);
    expect(text.pending).toBe(100_000);
    const lines = text.take().split('\n');
    expect(lines).toHaveLength(100_001);
    expect(lines[99_999]).toBe(
      `99999,99999,${formatPeriod(19_000 + (99_999 % 400), 'date')},1.5e-300,99999,,f`,
    );
  });
});
