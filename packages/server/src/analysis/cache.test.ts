import { describe, expect, it } from 'vitest';
import { AnalysisCache, LruCache, versionKey } from './cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond maxEntries; get makes an entry recent', () => {
    const cache = new LruCache<string, number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('evicts by bytes, counts replaced entries once, and keeps nothing larger than maxBytes', () => {
    const cache = new LruCache<string, string>({ maxBytes: 10, sizeOf: (value) => value.length });
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.bytes).toBe(8);
    cache.set('a', 'aa');
    expect(cache.bytes).toBe(6);
    cache.set('c', 'cccccc');
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(8);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.has('huge')).toBe(false);
    expect(cache.bytes).toBe(8);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });

  it('refuses limits that could hold nothing', () => {
    expect(() => new LruCache({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => new LruCache({ maxBytes: -1 })).toThrow(RangeError);
  });
});

describe('AnalysisCache', () => {
  const v1 = { dataVersion: '1', measureVersion: '1700000000000001' };

  it('gives a value only at the exact versions it was stored at', () => {
    const cache = new AnalysisCache<string>();
    cache.set('s1', v1, 'analysis at v1');
    expect(cache.get('s1', v1)).toBe('analysis at v1');
    expect(cache.get('s1', { ...v1, dataVersion: '2' })).toBeUndefined();
    expect(cache.get('s1', { ...v1, measureVersion: '1700000000000002' })).toBeUndefined();
    expect(cache.get('s2', v1)).toBeUndefined();
  });

  it('keeps one version per series, and at most maxSeries series', () => {
    const cache = new AnalysisCache<string>({ maxEntries: 2 });
    cache.set('s1', v1, 'old');
    cache.set('s1', { ...v1, dataVersion: '2' }, 'new');
    expect(cache.size).toBe(1);
    expect(cache.get('s1', v1)).toBeUndefined();
    cache.set('s2', v1, 'b');
    cache.set('s3', v1, 'c');
    expect(cache.size).toBe(2);
    expect(cache.get('s1', { ...v1, dataVersion: '2' })).toBeUndefined();
  });

  it('can be bounded by bytes', () => {
    const cache = new AnalysisCache<string>({ maxBytes: 10, sizeOf: (value) => value.length });
    cache.set('s1', v1, 'aaaaaa');
    cache.set('s2', v1, 'bbbbbb');
    expect([cache.get('s1', v1), cache.get('s2', v1)]).toEqual([undefined, 'bbbbbb']);
  });

  it('versionKey tells versions apart that a separator could blur', () => {
    expect(versionKey({ dataVersion: '1', measureVersion: '23' })).not.toBe(
      versionKey({ dataVersion: '12', measureVersion: '3' }),
    );
  });
});
