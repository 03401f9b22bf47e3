/**
 * @module xml
 * Small helpers for writing SVG as strings: escaping, compact numbers, elements.
 */

// Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; U+FFFE/FFFF; lone surrogates).
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A quick test for text that may need any escaping or cleaning at all (most text does not). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for use in XML content or a quoted attribute value: `& < > " '` become entities
 * and characters XML cannot carry at all (control characters, lone surrogates) are dropped.
 * @example escapeXml('A&E <4h') // 'A&amp;E &lt;4h'
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A number for SVG output, rounded to at most `decimals` places (default 2), without trailing
 * zeros or a negative zero. Non-finite numbers become `0` so the output stays valid.
 * @example num(12.3456) // '12.35'
 */
export function num(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '0';
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Attribute values: strings are escaped, numbers rounded; `undefined`, `null` and `false` omit the attribute. */
export type AttrValue = string | number | boolean | null | undefined;

/** Serialises attributes in the given order: ` a="1" b="x"`. */
export function attrs(values: Readonly<Record<string, AttrValue>>): string {
  let out = '';
  for (const [name, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === false) continue;
    const text = v === true ? name : typeof v === 'number' ? num(v) : escapeXml(v);
    out += ` ${name}="${text}"`;
  }
  return out;
}

/**
 * An element. `children` is raw markup (already escaped); without children the element is
 * self-closing.
 */
export function el(name: string, attributes: Readonly<Record<string, AttrValue>>, children?: string): string {
  return children === undefined || children === ''
    ? `<${name}${attrs(attributes)}/>`
    : `<${name}${attrs(attributes)}>${children}</${name}>`;
}

/** A text-only element whose text is escaped. */
export function textEl(name: string, attributes: Readonly<Record<string, AttrValue>>, text: string): string {
  return `<${name}${attrs(attributes)}>${escapeXml(text)}</${name}>`;
}

/**
 * A short stable id derived from `text` (32-bit FNV-1a, base 36), e.g. `spc-1x3k9q`: the default
 * element ids of a chart, the same for the same content.
 */
export function hashId(prefix: string, text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${prefix}-${(h >>> 0).toString(36)}`;
}

/** An id prefix reduced to safe characters: ids are space-separated in `aria-labelledby`. */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}
