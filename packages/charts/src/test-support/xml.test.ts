import { describe, expect, it } from 'vitest';
import { byClass, parseXml, textOf, titleOf } from './xml.js';

describe('parseXml (test support)', () => {
  it('parses elements, attributes, entities and text', () => {
    const root = parseXml(
      `<?xml version="1.0"?><svg a="1" b='x &amp; &lt;y&gt;'><!-- c --><title>T &#38; &#x3C;</title><g class="p q"/></svg>`,
    );
    expect(root.name).toBe('svg');
    expect(root.attributes).toEqual({ a: '1', b: 'x & <y>' });
    expect(titleOf(root)).toBe('T & <');
    expect(byClass(root, 'q')).toHaveLength(1);
    expect(textOf(root)).toBe('T & <');
  });

  it.each([
    ['misnested tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['< in an attribute', '<a x="<"/>'],
    ['a bare &', '<a>fish & chips</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['a control character', '<a>\u0001</a>'],
    ['attributes without space', '<a x="1"y="2"/>'],
  ])('rejects %s', (_what, text) => {
    expect(() => parseXml(text)).toThrow(SyntaxError);
  });
});
