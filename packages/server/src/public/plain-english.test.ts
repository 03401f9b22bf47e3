/**
 * The public wording of a chart: every variation icon has a headline a reader needs no statistics
 * for, the direction decides "improved" against "needs attention", and the target sentence follows
 * the assurance icon.
 */
import { describe, expect, it } from 'vitest';
import { explainForPublic } from './plain-english.js';
import type { ExplainInput } from './plain-english.js';

const base: ExplainInput = {
  variation: 'common_cause',
  assurance: null,
  direction: 'increase',
  target: null,
  points: 24,
};

describe('explainForPublic', () => {
  it('calls common-cause variation normal variation, and says there is no real change', () => {
    const out = explainForPublic(base);
    expect(out.headline).toBe('This is normal variation');
    expect(out.tone).toBe('normal');
    expect(out.sentences).toHaveLength(1);
    expect(out.sentences[0]).toContain('no sign of a real change');
  });

  it('says a measure has improved, naming the side and the direction', () => {
    const up = explainForPublic({ ...base, variation: 'improvement_high' });
    expect(up.headline).toBe('This has improved');
    expect(up.sentences[0]).toContain('higher than chance alone would explain');
    expect(up.sentences[0]).toContain('higher is better');
    const down = explainForPublic({ ...base, variation: 'improvement_low', direction: 'decrease' });
    expect(down.sentences[0]).toContain('lower than chance');
    expect(down.sentences[0]).toContain('lower is better');
  });

  it('says a change for the worse needs attention', () => {
    const out = explainForPublic({ ...base, variation: 'concern_low' });
    expect(out.headline).toBe('This needs attention');
    expect(out.tone).toBe('concern');
    expect(out.sentences[0]).toContain('lower than chance');
    expect(out.sentences[0]).toContain('higher is better');
  });

  it('says a change without a better direction is neither good nor bad news', () => {
    const out = explainForPublic({ ...base, variation: 'neither_high', direction: 'neutral' });
    expect(out.headline).toBe('This has changed');
    expect(out.sentences[0]).toContain('neither higher nor lower is better');
  });

  it('says when there are too few figures to tell', () => {
    expect(explainForPublic({ ...base, variation: 'none', points: 0 }).sentences).toEqual([
      'No figures have been published yet.',
    ]);
    const few = explainForPublic({ ...base, variation: 'none', points: 5, target: '95%', assurance: null });
    expect(few.headline).toBe('There is not enough data yet');
    expect(few.sentences).toHaveLength(1);
    expect(few.sentences[0]).toContain('only 5 figures');
  });

  it('adds what the target assurance means, with the target as written', () => {
    const at = (assurance: ExplainInput['assurance']): string | undefined =>
      explainForPublic({ ...base, assurance, target: '95%' }).sentences[1];
    expect(at('pass')).toBe('If nothing changes, it should meet the target of 95% every time.');
    expect(at('fail')).toContain('it will keep missing the target of 95%');
    expect(at('hit_or_miss')).toContain('some of the time and miss it at other times');
    expect(at(null)).toContain('There is a target of 95%');
    expect(explainForPublic({ ...base, assurance: 'pass', target: null }).sentences).toHaveLength(1);
  });
});
