/**
 * @module test-support/xml
 * A small, strict XML parser for the tests (no DOM in Node): it throws on anything that is not
 * well-formed — unmatched or misnested tags, unquoted or duplicate attributes, `<` in attribute
 * values, a bare `&` or an unknown entity, characters XML forbids, text outside the root — and
 * returns a tree the tests can query. Not shipped (excluded from the build).
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    const before = this.text.slice(Math.max(0, this.pos - 30), this.pos);
    throw new SyntaxError(`XML: ${message} at ${this.pos} (after ${JSON.stringify(before)})`);
  }

  private startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.text);
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  private until(end: string, what: string): string {
    const i = this.text.indexOf(end, this.pos);
    if (i < 0) this.fail(`unterminated ${what}`);
    const body = this.text.slice(this.pos, i);
    this.pos = i + end.length;
    return body;
  }

  private decode(raw: string): string {
    return raw.replace(/&([^;]*);|&/g, (match, ref: string | undefined) => {
      if (ref === undefined) this.fail(`bare & in ${JSON.stringify(raw)}`);
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (!num) this.fail(`unknown entity ${match}`);
      const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
      return String.fromCodePoint(code);
    });
  }

  private misc(): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<!--')) {
        this.pos += 4;
        if (this.until('-->', 'comment').includes('--')) this.fail('-- inside a comment');
      } else if (this.startsWith('<?')) {
        this.pos += 2;
        this.until('?>', 'processing instruction');
      } else return;
    }
  }

  document(): XmlElement {
    if (FORBIDDEN.test(this.text)) this.fail('a character XML forbids');
    this.misc();
    if (!this.startsWith('<')) this.fail('expected the root element');
    const root = this.element();
    this.misc();
    if (this.pos !== this.text.length) this.fail('content after the root element');
    return root;
  }

  private element(): XmlElement {
    this.pos++; // <
    const name = this.name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (this.startsWith('/>')) {
        this.pos += 2;
        return { name, attributes, children: [] };
      }
      if (this.startsWith('>')) {
        this.pos++;
        break;
      }
      if (this.pos === before) this.fail('expected white space before an attribute');
      const attr = this.name();
      this.skipSpace();
      if (!this.startsWith('=')) this.fail(`expected = after ${attr}`);
      this.pos++;
      this.skipSpace();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`unquoted value of ${attr}`);
      this.pos++;
      const raw = this.until(quote, 'attribute value');
      if (raw.includes('<')) this.fail(`< in the value of ${attr}`);
      if (attr in attributes) this.fail(`duplicate attribute ${attr}`);
      attributes[attr] = this.decode(raw);
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (this.pos >= this.text.length) this.fail(`unclosed <${name}>`);
      if (this.startsWith('</')) {
        this.pos += 2;
        const end = this.name();
        if (end !== name) this.fail(`</${end}> closes <${name}>`);
        this.skipSpace();
        if (!this.startsWith('>')) this.fail('expected >');
        this.pos++;
        return { name, attributes, children };
      }
      if (this.startsWith('<!--')) {
        this.pos += 4;
        if (this.until('-->', 'comment').includes('--')) this.fail('-- inside a comment');
      } else if (this.startsWith('<![CDATA[')) {
        this.pos += 9;
        children.push(this.until(']]>', 'CDATA section'));
      } else if (this.startsWith('<?')) {
        this.pos += 2;
        this.until('?>', 'processing instruction');
      } else if (this.startsWith('<')) {
        children.push(this.element());
      } else {
        const end = this.text.indexOf('<', this.pos);
        const raw = this.text.slice(this.pos, end < 0 ? this.text.length : end);
        if (raw.includes(']]>')) this.fail(']]> in text');
        children.push(this.decode(raw));
        this.pos += raw.length;
      }
    }
  }
}

/** Parses a well-formed XML document (or fragment with one root); throws `SyntaxError` otherwise. */
export function parseXml(text: string): XmlElement {
  return new Parser(text).document();
}

/** Every element in document order (the root first) that satisfies `test`. */
export function findAll(root: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    if (test(e)) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') visit(c);
  };
  visit(root);
  return out;
}

/** Elements whose `class` attribute contains `cls` as a whole word. */
export function byClass(root: XmlElement, cls: string): XmlElement[] {
  return findAll(root, (e) => (e.attributes.class ?? '').split(/\s+/).includes(cls));
}

/** The concatenated text of an element and its descendants. */
export function textOf(e: XmlElement): string {
  return e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** The text of an element's `<title>` child, or undefined. */
export function titleOf(e: XmlElement): string | undefined {
  const t = e.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'title');
  return t === undefined ? undefined : textOf(t);
}

/** The child elements of an element. */
export function childElements(e: XmlElement): XmlElement[] {
  return e.children.filter((c): c is XmlElement => typeof c !== 'string');
}
