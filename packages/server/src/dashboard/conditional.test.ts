import { describe, expect, it } from 'vitest';
import { acceptsGzip, entityTag, noneMatch } from './conditional.js';

describe('entityTag', () => {
  it('is a weak tag that depends on every part and on where the parts divide', () => {
    const tag = entityTag(['dashboard-1', 'key', 'digest']);
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag(['dashboard-1', 'key', 'digest'])).toBe(tag);
    expect(entityTag(['dashboard-1', 'key', 'digesT'])).not.toBe(tag);
    expect(entityTag(['dashboard-1', 'keyd', 'igest'])).not.toBe(tag);
  });
});

describe('noneMatch', () => {
  const tag = 'W/"abc"';
  it('matches by weak comparison, in a list, or *', () => {
    expect(noneMatch('W/"abc"', tag)).toBe(true);
    expect(noneMatch('"abc"', tag)).toBe(true);
    expect(noneMatch('"x", W/"abc" ', tag)).toBe(true);
    expect(noneMatch(['"x"', 'W/"abc"'], tag)).toBe(true);
    expect(noneMatch(' * ', tag)).toBe(true);
  });
  it('does not match another tag, a part of one, or nothing', () => {
    expect(noneMatch(undefined, tag)).toBe(false);
    expect(noneMatch('', tag)).toBe(false);
    expect(noneMatch('W/"abcd"', tag)).toBe(false);
    expect(noneMatch('"ab"', tag)).toBe(false);
    expect(noneMatch('abc', tag)).toBe(false);
  });
});

describe('acceptsGzip', () => {
  it('reads gzip, x-gzip and * with their qualities', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(['deflate', 'gzip'])).toBe(true);
  });
  it('refuses gzip at q=0, only other codings, or no header', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('gzip;q=0, identity')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=zero')).toBe(false);
  });
});
