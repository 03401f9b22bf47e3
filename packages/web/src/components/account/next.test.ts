import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './next';

describe('safeNext', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeNext('/account/tokens')).toBe('/account/tokens');
    expect(safeNext('/organisations/RF4?unit=2#matrix')).toBe('/organisations/RF4?unit=2#matrix');
  });

  it('sends anything else home: nothing, other sites, protocol-relative and backslash tricks', () => {
    for (const next of [
      null,
      undefined,
      '',
      'account/tokens',
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      '/\t/evil.example',
      ' /account/tokens',
      'javascript:alert(1)',
    ]) {
      expect(safeNext(next)).toBe('/');
    }
  });

  it('does not come back to the sign-in or set-up page', () => {
    expect(safeNext('/sign-in?next=/x')).toBe('/');
    expect(safeNext('/setup?token=abc')).toBe('/');
  });
});

describe('signInPath', () => {
  it('names the page to come back to', () => {
    expect(signInPath('/account/tokens')).toBe('/sign-in?next=%2Faccount%2Ftokens');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/sign-in')).toBe('/sign-in');
  });
});
