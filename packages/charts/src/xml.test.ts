import { describe, expect, it } from 'vitest';
import { attrs, el, escapeXml, num, textEl } from './xml.js';
import { parseXml, textOf } from './test-support/xml.js';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`A&E <4h> "quoted" 'single'`)).toBe(
      'A&amp;E &lt;4h&gt; &quot;quoted&quot; &apos;single&apos;',
    );
  });

  it('drops characters XML cannot carry, keeps tabs, newlines and other Unicode', () => {
    expect(escapeXml('a\u0000b\u001Fc\td\ne σ ≥ 😀')).toBe('abc\td\ne σ ≥ 😀');
    expect(escapeXml('x\uD800y')).toBe('xy');
  });

  it('round-trips through an XML parser', () => {
    const nasty = `<script>alert("x&y")</script> ' ]]> \u0007`;
    const xml = textEl('t', { a: nasty }, nasty);
    const root = parseXml(xml);
    const clean = nasty.replace('\u0007', '');
    expect(root.attributes.a).toBe(clean);
    expect(textOf(root)).toBe(clean);
  });
});

describe('num', () => {
  it('rounds to two decimals without trailing zeros', () => {
    expect(num(12.3456)).toBe('12.35');
    expect(num(12.3)).toBe('12.3');
    expect(num(12)).toBe('12');
    expect(num(0.004)).toBe('0');
  });

  it('never writes negative zero or non-finite numbers', () => {
    expect(num(-0.001)).toBe('0');
    expect(num(NaN)).toBe('0');
    expect(num(Infinity)).toBe('0');
  });

  it('takes other precisions', () => {
    expect(num(0.123456, 4)).toBe('0.1235');
  });
});

describe('attrs and el', () => {
  it('omits undefined, null and false attributes and rounds numbers', () => {
    expect(attrs({ a: undefined, b: null, c: false, d: 1.23456, e: 'x"y' })).toBe(' d="1.23" e="x&quot;y"');
  });

  it('self-closes elements without children', () => {
    expect(el('g', { id: 'a' })).toBe('<g id="a"/>');
    expect(el('g', {}, '<p/>')).toBe('<g><p/></g>');
  });
});
