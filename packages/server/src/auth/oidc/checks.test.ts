import { describe, expect, it } from 'vitest';
import { domainOf, normaliseDomain } from './domains.js';
import { allowsHttp, issuerProblem } from './issuer.js';
import { safeReturnTo } from './return-to.js';

describe('returnTo', () => {
  it('keeps paths of this site, with their query', () => {
    for (const path of ['/', '/organisations/RX1', '/measures?search=falls&x=1#top', '/a/%2F%2Fb'])
      expect(safeReturnTo(path)).toBe(path);
  });

  it('refuses other sites and anything that is not a plain path', () => {
    for (const value of [
      '',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'evil.example/path',
      '/\tevil',
      '/\nevil',
      `/${'a'.repeat(2000)}`,
    ])
      expect(safeReturnTo(value), JSON.stringify(value)).toBeNull();
  });
});

describe('email domains', () => {
  it('normalises domains: lower case, no leading @ or trailing dot', () => {
    expect(normaliseDomain(' @Trust.NHS.uk. ')).toBe('trust.nhs.uk');
    expect(normaliseDomain('xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
  });

  it('refuses what is not a domain name', () => {
    for (const value of [
      '',
      'localhost',
      'nhs uk',
      '-trust.nhs.uk',
      'trust-.nhs.uk',
      'trust..nhs.uk',
      'a@b.uk',
      '*.nhs.uk',
    ])
      expect(normaliseDomain(value), value).toBeNull();
  });

  it('reads an address’s domain', () => {
    expect(domainOf('Pat.Example@Trust.NHS.uk')).toBe('trust.nhs.uk');
    expect(domainOf('no address')).toBeNull();
    expect(domainOf('@trust.nhs.uk')).toBeNull();
  });
});

describe('issuers', () => {
  it('takes https, and plain http on loopback only', () => {
    expect(issuerProblem('https://login.microsoftonline.com/tenant/v2.0')).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000')).toBeNull();
    expect(issuerProblem('http://localhost:4000/realms/nhs')).toBeNull();
    expect(issuerProblem('http://[::1]:4000')).toBeNull();
    expect(issuerProblem('http://login.example.nhs.uk')).toMatch(/https/);
    expect(issuerProblem('http://127.0.0.1.evil.example')).toMatch(/https/);
    expect(issuerProblem('ftp://login.example.nhs.uk')).toMatch(/https/);
    expect(issuerProblem('https://login.example.nhs.uk?tenant=1')).toMatch(/query/);
    expect(issuerProblem('https://user:pw@login.example.nhs.uk')).toMatch(/password/);
    expect(allowsHttp('http://127.0.0.1:4000')).toBe(true);
    expect(allowsHttp('https://127.0.0.1:4000')).toBe(false);
    expect(allowsHttp('http://login.example.nhs.uk')).toBe(false);
  });
});
