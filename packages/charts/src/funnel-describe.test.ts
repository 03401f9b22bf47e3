import { describe, expect, it } from 'vitest';
import { funnel } from '@groundswell/spc';
import { describeFunnel } from './funnel-describe.js';
import { BOROUGHS, MANY_HIGH, OVERDISPERSED, WIDE } from './test-support/funnel-units.js';

describe('describeFunnel', () => {
  it('says how many units, what is compared, the target and the levels', () => {
    const text = describeFunnel(funnel(BOROUGHS, { type: 'proportion' }), { measure: 'Readmissions' });
    expect(text).toMatch(
      /^Readmissions: funnel plot of 12 organisations comparing proportions against the overall proportion of 10\.1% \(557 of 5,540\), with 95% and 99\.8% limits\./,
    );
  });

  it('names the units above and below the widest limits, and counts those beyond narrower ones', () => {
    const text = describeFunnel(funnel(BOROUGHS, { type: 'proportion' }));
    expect(text).toContain('One organisation is above the 99.8% limit: Islington.');
    expect(text).toContain('One organisation is below the 99.8% limit: Kingston.');
    expect(text).toContain('The other 10 are within the 99.8% limits.');
    expect(text).toContain('One organisation lies outside the 95% limits but within the 99.8% limits.');
    expect(text).not.toContain('Merton');
  });

  it('names at most five outliers, in the order given, then says how many more', () => {
    const text = describeFunnel(funnel(MANY_HIGH, { type: 'proportion', overdispersion: false }));
    expect(text).toContain('7 organisations are above the 99.8% limit: H1, H2, H3, H4, H5 and 2 more.');
    expect(text).toContain('The other 40 are within the 99.8% limits.');
    expect(text).not.toContain('below');
  });

  it('says when every unit is within the limits', () => {
    const text = describeFunnel(funnel(WIDE, { type: 'proportion' }));
    expect(text).toContain(
      'All 6 organisations are within the 99.8% limits: no difference beyond what chance would explain.',
    );
  });

  it('explains an adjustment for overdispersion', () => {
    const text = describeFunnel(funnel(OVERDISPERSED, { type: 'proportion' }));
    expect(text).toContain(
      'The limits were adjusted for overdispersion (φ = 3.84): the spread between organisations is larger than chance alone, so limits were widened.',
    );
    expect(text).toContain('One organisation is above the 99.8% limit: Zenith.');
  });

  it('says why the limits were not adjusted', () => {
    expect(describeFunnel(funnel(BOROUGHS, { type: 'proportion' }))).toContain(
      'The spread between organisations is no larger than chance alone (φ = 0.962), so the limits were not adjusted for overdispersion.',
    );
    expect(describeFunnel(funnel(OVERDISPERSED, { type: 'proportion', overdispersion: false }))).toContain(
      'The limits were not adjusted for overdispersion, although the spread between organisations is larger than chance alone (φ = 3.84)',
    );
  });

  it("reports the highlighted unit's position", () => {
    const r = funnel(BOROUGHS, { type: 'proportion' });
    expect(describeFunnel(r, { highlight: 'Islington' })).toContain(
      'The highlighted organisation, Islington (22.5%, 90 of 400), is above the 99.8% limit.',
    );
    expect(describeFunnel(r, { highlight: 'Merton' })).toContain(
      'Merton (14.3%, 50 of 350), is above the 95% limit (within the 99.8% limits).',
    );
    expect(describeFunnel(r, { highlight: 'Camden' })).toContain('is within the 95% and 99.8% limits.');
    expect(() => describeFunnel(r, { highlight: 'Nowhere' })).toThrow(RangeError);
  });

  it('takes the name of the units and a value format', () => {
    const text = describeFunnel(funnel(BOROUGHS, { type: 'proportion' }), {
      unitNoun: ['ward', 'wards'],
      formatValue: (v) => `${Math.round(v * 1000)} per 1,000`,
    });
    expect(text).toMatch(/^Funnel plot of 12 wards /);
    expect(text).toContain('overall proportion of 101 per 1,000');
    expect(text).toContain('One ward is above the 99.8% limit: Islington.');
    expect(text).toContain('spread between wards');
  });

  it('describes standardised ratios and includes the warnings', () => {
    const r = funnel(
      [
        { unit: 'A', numerator: 0, denominator: 4.2 },
        { unit: 'B', numerator: 12, denominator: 10.5 },
        { unit: 'C', numerator: 9, denominator: 8 },
      ],
      { type: 'ratio' },
    );
    const text = describeFunnel(r);
    expect(text).toContain(
      'comparing standardised ratios (observed ÷ expected) against the expected ratio of 1',
    );
    expect(text).toContain(`Note: ${r.warnings[0]!}`);
  });
});
