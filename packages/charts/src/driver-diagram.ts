/**
 * @module driver-diagram
 * A QI project's driver diagram as a standalone SVG: the aim on the left, then its primary
 * drivers, secondary drivers and change ideas in columns, each box's text wrapped in it, and a
 * line (with an arrowhead) from the aim to every primary driver and along every link (primary →
 * secondary, secondary → change idea). Each column is centred on the tallest.
 *
 * Accessible: `role="img"` with `<title>` and `<desc>` (the whole diagram in words: what leads to
 * what), and every box's text is real text (`<text>`), so it can be found, copied and read by a
 * screen reader when the file is opened on its own. Deterministic: the same diagram always gives
 * the same bytes (element ids come from `idPrefix` or from a hash of the content).
 *
 * CSS classes: `driver-diagram`, `driver-column-heading`, `driver-box` with `driver-aim`,
 * `driver-primary`, `driver-secondary`, `driver-change-idea` (and `data-id`), `driver-empty`,
 * `driver-line` (with `data-from`, `data-to`).
 */
import { slug } from './filename.js';
import { svgDocument } from './svg-document.js';
import { truncateText, wrapText } from './text.js';
import { TEXT, TEXT_SECONDARY } from './theme.js';
import { el, hashId, num, safeId, textEl } from './xml.js';

/** A box of the diagram. */
export interface DriverDiagramBox {
  readonly id: string;
  readonly text: string;
}

/** What the diagram shows: the aim, the three columns in order, and the lines between boxes. */
export interface DriverDiagramData {
  readonly aim: string;
  readonly primary: readonly DriverDiagramBox[];
  readonly secondary: readonly DriverDiagramBox[];
  readonly changeIdeas: readonly DriverDiagramBox[];
  /** From a primary driver to a secondary driver, or from a secondary driver to a change idea. */
  readonly links: readonly { readonly fromId: string; readonly toId: string }[];
}

/** How to draw it. */
export interface DriverDiagramOptions {
  /** The accessible name (default "Driver diagram"). */
  readonly title?: string | undefined;
  /** Width in pixels (default 1000; at least 480). The height follows from the content. */
  readonly width?: number | undefined;
  /** Prefix of element ids (default: a hash of the content). */
  readonly idPrefix?: string | undefined;
}

const MARGIN = 16;
const GAP = 44;
const HEADING = 30;
const PAD = 8;
const FONT_SIZE = 13;
const LINE_HEIGHT = 16;
const BOX_GAP = 12;
const MIN_WIDTH = 480;

const BLUE = '#005EB8';
const LINE = '#4C6272';

type Column = 'aim' | 'primary' | 'secondary' | 'changeIdeas';

const COLUMNS: readonly Column[] = ['aim', 'primary', 'secondary', 'changeIdeas'];

const HEADINGS: Readonly<Record<Column, string>> = {
  aim: 'Aim',
  primary: 'Primary drivers',
  secondary: 'Secondary drivers',
  changeIdeas: 'Change ideas',
};

const STYLE: Readonly<Record<Column, { fill: string; text: string; className: string }>> = {
  aim: { fill: BLUE, text: '#FFFFFF', className: 'driver-aim' },
  primary: { fill: '#CCE2F5', text: TEXT, className: 'driver-primary' },
  secondary: { fill: '#E8F2FA', text: TEXT, className: 'driver-secondary' },
  changeIdeas: { fill: '#FFFFFF', text: TEXT, className: 'driver-change-idea' },
};

const NOUNS: Readonly<Record<Exclude<Column, 'aim'>, readonly [string, string]>> = {
  primary: ['primary driver', 'primary drivers'],
  secondary: ['secondary driver', 'secondary drivers'],
  changeIdeas: ['change idea', 'change ideas'],
};

/** A box placed on the page. */
interface Placed {
  readonly id: string;
  readonly column: Column;
  readonly lines: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function boxLines(text: string, width: number): string[] {
  const inner = width - 2 * PAD;
  const lines = wrapText(text, FONT_SIZE, inner).map((line) => truncateText(line, FONT_SIZE, inner));
  return lines.length === 0 ? [''] : lines;
}

const boxHeight = (lines: readonly string[]): number => lines.length * LINE_HEIGHT + 2 * PAD;

function boxesOf(data: DriverDiagramData, column: Column): readonly DriverDiagramBox[] {
  return column === 'aim' ? [{ id: 'aim', text: data.aim }] : data[column];
}

/** Where every box goes, and the diagram's height. */
function layout(data: DriverDiagramData, width: number): { placed: Placed[]; height: number } {
  const columnWidth = (width - 2 * MARGIN - 3 * GAP) / 4;
  const stacks = COLUMNS.map((column) => {
    const boxes = boxesOf(data, column);
    const measured = boxes.map((box) => ({ id: box.id, lines: boxLines(box.text, columnWidth) }));
    const height =
      measured.reduce((sum, box) => sum + boxHeight(box.lines), 0) +
      Math.max(0, measured.length - 1) * BOX_GAP;
    return { column, measured, height: measured.length === 0 ? boxHeight(['']) : height };
  });
  const content = Math.max(...stacks.map((stack) => stack.height));
  const top = MARGIN + HEADING;
  const placed: Placed[] = [];
  stacks.forEach((stack, i) => {
    const x = MARGIN + i * (columnWidth + GAP);
    let y = top + (content - stack.height) / 2;
    for (const box of stack.measured) {
      const height = boxHeight(box.lines);
      placed.push({ id: box.id, column: stack.column, lines: box.lines, x, y, width: columnWidth, height });
      y += height + BOX_GAP;
    }
  });
  return { placed, height: top + content + MARGIN };
}

function drawBox(box: Placed): string {
  const style = STYLE[box.column];
  const tspans = box.lines
    .map((line, i) =>
      textEl('tspan', { x: box.x + PAD, y: box.y + PAD + FONT_SIZE - 1 + i * LINE_HEIGHT }, line),
    )
    .join('');
  return el(
    'g',
    { class: `driver-box ${style.className}`, 'data-id': box.column === 'aim' ? undefined : box.id },
    el('rect', {
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      rx: 4,
      fill: style.fill,
      stroke: BLUE,
      'stroke-width': 1.5,
    }) + el('text', { 'font-size': FONT_SIZE, fill: style.text }, tspans),
  );
}

function drawEmpty(column: Exclude<Column, 'aim'>, x: number, y: number, width: number): string {
  const height = boxHeight(['']);
  return el(
    'g',
    { class: 'driver-empty' },
    el('rect', {
      x,
      y,
      width,
      height,
      rx: 4,
      fill: 'none',
      stroke: TEXT_SECONDARY,
      'stroke-width': 1,
      'stroke-dasharray': '4 3',
    }) +
      textEl(
        'text',
        { x: x + PAD, y: y + PAD + FONT_SIZE - 1, 'font-size': FONT_SIZE, fill: TEXT_SECONDARY },
        `No ${NOUNS[column][1]} yet`,
      ),
  );
}

function drawLine(from: Placed, to: Placed): string {
  const x1 = from.x + from.width;
  const y1 = from.y + from.height / 2;
  const x2 = to.x - 6;
  const y2 = to.y + to.height / 2;
  const mid = (x1 + x2) / 2;
  const d = `M${num(x1)} ${num(y1)}C${num(mid)} ${num(y1)} ${num(mid)} ${num(y2)} ${num(x2)} ${num(y2)}`;
  const head = `M${num(x2)} ${num(y2 - 4)}L${num(to.x)} ${num(y2)}L${num(x2)} ${num(y2 + 4)}Z`;
  return el(
    'g',
    { class: 'driver-line', 'data-from': from.column === 'aim' ? 'aim' : from.id, 'data-to': to.id },
    el('path', { d, fill: 'none', stroke: LINE, 'stroke-width': 1.3 }) + el('path', { d: head, fill: LINE }),
  );
}

function quoted(items: readonly string[]): string {
  const words = items.map((text) => `“${text}”`);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

function counted(n: number, column: Exclude<Column, 'aim'>): string {
  return `${n} ${NOUNS[column][n === 1 ? 0 : 1]}`;
}

/** Checks that every line joins boxes of adjacent columns that exist. */
function checkLinks(data: DriverDiagramData): void {
  const primary = new Set(data.primary.map((box) => box.id));
  const secondary = new Set(data.secondary.map((box) => box.id));
  const ideas = new Set(data.changeIdeas.map((box) => box.id));
  for (const link of data.links) {
    const ok =
      (primary.has(link.fromId) && secondary.has(link.toId)) ||
      (secondary.has(link.fromId) && ideas.has(link.toId));
    if (!ok) {
      throw new RangeError(
        `a line must join a primary driver to a secondary driver, or a secondary driver to a change idea (${link.fromId} → ${link.toId})`,
      );
    }
  }
}

/**
 * The diagram in words: the aim, how many boxes of each kind, and what leads to what.
 * @example describeDriverDiagram(data) // 'Aim: … 2 primary drivers, 3 secondary drivers and 4 change ideas. …'
 */
export function describeDriverDiagram(data: DriverDiagramData): string {
  checkLinks(data);
  const text = new Map(
    [...data.primary, ...data.secondary, ...data.changeIdeas].map((box) => [box.id, box.text]),
  );
  const targets = (id: string): string[] =>
    data.links.filter((link) => link.fromId === id).map((link) => text.get(link.toId)!);
  const sentences = [
    `Aim: ${data.aim}.`,
    `${counted(data.primary.length, 'primary')}, ${counted(data.secondary.length, 'secondary')} and ${counted(data.changeIdeas.length, 'changeIdeas')}.`,
  ];
  for (const box of data.primary) {
    const to = targets(box.id);
    sentences.push(
      to.length === 0
        ? `Primary driver “${box.text}” has no secondary drivers yet.`
        : `Primary driver “${box.text}” leads to ${to.length === 1 ? 'the secondary driver' : 'the secondary drivers'} ${quoted(to)}.`,
    );
  }
  for (const box of data.secondary) {
    const to = targets(box.id);
    if (to.length > 0) {
      sentences.push(
        `Secondary driver “${box.text}” is tested by ${to.length === 1 ? 'the change idea' : 'the change ideas'} ${quoted(to)}.`,
      );
    }
  }
  const reached = new Set(data.links.map((link) => link.toId));
  const loose = data.changeIdeas.filter((box) => !reached.has(box.id)).map((box) => box.text);
  if (loose.length > 0) {
    sentences.push(`Not linked to a secondary driver: ${quoted(loose)}.`);
  }
  return sentences.join(' ');
}

/**
 * A standalone `<svg role="img">` of the driver diagram.
 * @throws {RangeError} for a width under 480 px, or a line between boxes that cannot be joined.
 */
export function renderDriverDiagram(data: DriverDiagramData, options: DriverDiagramOptions = {}): string {
  const width = options.width ?? 1000;
  if (!Number.isFinite(width) || width < MIN_WIDTH) {
    throw new RangeError(`width must be at least ${MIN_WIDTH} pixels (got ${width})`);
  }
  const description = describeDriverDiagram(data);
  const title = options.title ?? 'Driver diagram';
  const id =
    options.idPrefix === undefined
      ? hashId('driver', JSON.stringify([data, width, title]))
      : safeId(options.idPrefix);
  const { placed, height } = layout(data, width);
  const byId = new Map(placed.map((box) => [`${box.column}:${box.id}`, box]));
  const find = (column: Column, boxId: string): Placed => byId.get(`${column}:${boxId}`)!;
  const columnWidth = (width - 2 * MARGIN - 3 * GAP) / 4;

  const headings = COLUMNS.map((column, i) =>
    textEl(
      'text',
      {
        class: 'driver-column-heading',
        x: MARGIN + i * (columnWidth + GAP),
        y: MARGIN + 14,
        'font-size': 14,
        'font-weight': 'bold',
        fill: TEXT_SECONDARY,
      },
      truncateText(HEADINGS[column], 14, columnWidth, true),
    ),
  ).join('');

  const aim = find('aim', 'aim');
  const lines = [
    ...data.primary.map((box) => drawLine(aim, find('primary', box.id))),
    ...data.links.map((link) => {
      const fromPrimary = byId.get(`primary:${link.fromId}`);
      return fromPrimary === undefined
        ? drawLine(find('secondary', link.fromId), find('changeIdeas', link.toId))
        : drawLine(fromPrimary, find('secondary', link.toId));
    }),
  ].join('');

  const contentTop = MARGIN + HEADING;
  const content = height - contentTop - MARGIN;
  const empties = (['primary', 'secondary', 'changeIdeas'] as const)
    .map((column, i) =>
      data[column].length === 0
        ? drawEmpty(
            column,
            MARGIN + (i + 1) * (columnWidth + GAP),
            contentTop + (content - boxHeight([''])) / 2,
            columnWidth,
          )
        : '',
    )
    .join('');

  const boxes = placed.map(drawBox).join('');
  return svgDocument(
    { id, width, height, title, description, className: 'driver-diagram' },
    el('rect', { width, height, fill: '#FFFFFF' }) +
      headings +
      el('g', { class: 'driver-lines' }, lines) +
      empties +
      boxes,
  );
}

/**
 * The file name of a downloaded driver diagram: `RF4-driver-diagram-fewer-falls-on-ward-7.svg` —
 * the organisation's ODS code, then the project's title as a short slug.
 */
export function driverDiagramFileName(parts: { readonly odsCode: string; readonly title: string }): string {
  return (
    [parts.odsCode.replace(/[^A-Za-z0-9]/g, ''), 'driver-diagram', slug(parts.title)]
      .filter((part) => part !== '')
      .join('-') + '.svg'
  );
}
