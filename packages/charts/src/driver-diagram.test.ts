import { describe, expect, it } from 'vitest';
import { describeDriverDiagram, driverDiagramFileName, renderDriverDiagram } from './driver-diagram.js';
import type { DriverDiagramData } from './driver-diagram.js';
import { byClass, childElements, findAll, parseXml, textOf } from './test-support/xml.js';
import type { XmlElement } from './test-support/xml.js';

const DATA: DriverDiagramData = {
  aim: 'Reduce falls on Ward 7 by 30% by 2025-03-31',
  primary: [
    { id: 'p1', text: 'Safe environment' },
    { id: 'p2', text: 'Patients who know their risk & how to call for help' },
  ],
  secondary: [
    { id: 's1', text: 'Beds at the right height' },
    { id: 's2', text: 'Call bells within reach' },
    { id: 's3', text: 'Risk assessment on admission' },
  ],
  changeIdeas: [
    { id: 'c1', text: 'Bed height check at every handover' },
    { id: 'c2', text: 'Bay nursing at night' },
    { id: 'c3', text: 'Falls leaflet' },
  ],
  links: [
    { fromId: 'p1', toId: 's1' },
    { fromId: 'p1', toId: 's2' },
    { fromId: 'p2', toId: 's3' },
    { fromId: 's1', toId: 'c1' },
    { fromId: 's2', toId: 'c1' },
    { fromId: 's2', toId: 'c2' },
  ],
};

const render = (data: DriverDiagramData, options?: Parameters<typeof renderDriverDiagram>[1]): XmlElement =>
  parseXml(renderDriverDiagram(data, options));

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

function boxes(root: XmlElement, cls: string): Map<string, Box> {
  return new Map(
    byClass(root, cls).map((g) => {
      const rect = findAll(g, (e) => e.name === 'rect')[0]!;
      const text = findAll(g, (e) => e.name === 'text')[0]!;
      const lines = findAll(text, (e) => e.name === 'tspan').map(textOf);
      return [
        g.attributes['data-id'] ?? 'aim',
        {
          x: Number(rect.attributes.x),
          y: Number(rect.attributes.y),
          width: Number(rect.attributes.width),
          height: Number(rect.attributes.height),
          text: lines.join(' '),
        },
      ];
    }),
  );
}

/** The start and end of a line's curve. */
function ends(line: XmlElement): { x1: number; y1: number; x2: number; y2: number } {
  const d = findAll(line, (e) => e.name === 'path')[0]!.attributes.d!;
  const nums = [...d.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
  return { x1: nums[0]!, y1: nums[1]!, x2: nums.at(-2)!, y2: nums.at(-1)! };
}

describe('renderDriverDiagram', () => {
  it('is a well-formed labelled image with a title and a description of what leads to what', () => {
    const root = render(DATA, { title: 'Driver diagram: Fewer falls', idPrefix: 'project 1' });
    expect(root.name).toBe('svg');
    expect(root.attributes.role).toBe('img');
    expect(root.attributes['aria-labelledby']).toBe('project-1-title project-1-desc');
    const [title, desc] = childElements(root);
    expect(textOf(title!)).toBe('Driver diagram: Fewer falls');
    const text = textOf(desc!);
    expect(text).toContain('Aim: Reduce falls on Ward 7 by 30% by 2025-03-31.');
    expect(text).toContain('2 primary drivers, 3 secondary drivers and 3 change ideas.');
    expect(text).toContain(
      'Primary driver “Safe environment” leads to the secondary drivers “Beds at the right height” and “Call bells within reach”.',
    );
    expect(text).toContain(
      'Secondary driver “Call bells within reach” is tested by the change ideas “Bed height check at every handover” and “Bay nursing at night”.',
    );
    expect(text).toContain('Not linked to a secondary driver: “Falls leaflet”.');
  });

  it('draws the aim and every box as real text in four columns, left to right, in the order given', () => {
    const root = render(DATA);
    const headings = byClass(root, 'driver-column-heading').map(textOf);
    expect(headings).toEqual(['Aim', 'Primary drivers', 'Secondary drivers', 'Change ideas']);
    const aim = boxes(root, 'driver-aim').get('aim')!;
    const primary = boxes(root, 'driver-primary');
    const secondary = boxes(root, 'driver-secondary');
    const ideas = boxes(root, 'driver-change-idea');
    expect(aim.text).toBe(DATA.aim);
    expect([...primary.keys()]).toEqual(['p1', 'p2']);
    expect([...secondary.keys()]).toEqual(['s1', 's2', 's3']);
    expect([...ideas.keys()]).toEqual(['c1', 'c2', 'c3']);
    // Text escaped in the file and whole when read back.
    expect(primary.get('p2')!.text).toBe('Patients who know their risk & how to call for help');
    expect(renderDriverDiagram(DATA)).toContain('risk &amp; how');
    // Columns left to right, boxes top to bottom without overlapping.
    expect(aim.x + aim.width).toBeLessThan(primary.get('p1')!.x);
    expect(primary.get('p1')!.x + primary.get('p1')!.width).toBeLessThan(secondary.get('s1')!.x);
    expect(secondary.get('s1')!.x + secondary.get('s1')!.width).toBeLessThan(ideas.get('c1')!.x);
    for (const column of [primary, secondary, ideas]) {
      const list = [...column.values()];
      for (let i = 1; i < list.length; i++) {
        expect(list[i]!.y).toBeGreaterThanOrEqual(list[i - 1]!.y + list[i - 1]!.height);
      }
    }
    const height = Number(root.attributes.height);
    for (const box of [aim, ...primary.values(), ...secondary.values(), ...ideas.values()]) {
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
  });

  it('wraps long text inside its box, every line within the box', () => {
    const long =
      'Every patient over sixty-five has a documented multifactorial falls risk assessment within six hours of admission to the ward';
    const root = render({ ...DATA, secondary: [{ id: 's1', text: long }, ...DATA.secondary.slice(1)] });
    const g = byClass(root, 'driver-secondary').find((e) => e.attributes['data-id'] === 's1')!;
    const tspans = findAll(g, (e) => e.name === 'tspan');
    expect(tspans.length).toBeGreaterThan(2);
    expect(tspans.map(textOf).join(' ')).toBe(long);
    const rect = findAll(g, (e) => e.name === 'rect')[0]!;
    const bottom = Number(rect.attributes.y) + Number(rect.attributes.height);
    for (const tspan of tspans) expect(Number(tspan.attributes.y)).toBeLessThan(bottom);
  });

  it('draws a line from the aim to each primary driver and one per link, between the boxes it joins', () => {
    const root = render(DATA);
    const lines = byClass(root, 'driver-line');
    expect(lines.map((l) => `${l.attributes['data-from']}→${l.attributes['data-to']}`)).toEqual([
      'aim→p1',
      'aim→p2',
      'p1→s1',
      'p1→s2',
      'p2→s3',
      's1→c1',
      's2→c1',
      's2→c2',
    ]);
    const all = new Map([
      ...boxes(root, 'driver-primary'),
      ...boxes(root, 'driver-secondary'),
      ...boxes(root, 'driver-change-idea'),
    ]);
    for (const line of lines.slice(2)) {
      const from = all.get(line.attributes['data-from']!)!;
      const to = all.get(line.attributes['data-to']!)!;
      const { x1, y1, x2, y2 } = ends(line);
      expect(x1).toBeCloseTo(from.x + from.width, 1);
      expect(y1).toBeCloseTo(from.y + from.height / 2, 1);
      expect(x2).toBeLessThan(to.x);
      expect(x2).toBeGreaterThan(to.x - 10);
      expect(y2).toBeCloseTo(to.y + to.height / 2, 1);
    }
  });

  it('says where a column is still empty', () => {
    const root = render({ aim: 'An aim', primary: [], secondary: [], changeIdeas: [], links: [] });
    expect(byClass(root, 'driver-empty').map(textOf)).toEqual([
      'No primary drivers yet',
      'No secondary drivers yet',
      'No change ideas yet',
    ]);
    expect(byClass(root, 'driver-line')).toEqual([]);
    expect(textOf(childElements(root)[1]!)).toContain(
      '0 primary drivers, 0 secondary drivers and 0 change ideas.',
    );
  });

  it('is deterministic: the same diagram gives the same bytes, a different one different ids', () => {
    expect(renderDriverDiagram(DATA)).toBe(renderDriverDiagram(DATA));
    const a = render(DATA).attributes['aria-labelledby'];
    const b = render({ ...DATA, aim: 'Another aim' }).attributes['aria-labelledby'];
    expect(a).not.toBe(b);
  });

  it('refuses a line that skips a column or names no box, and a width too narrow', () => {
    expect(() => renderDriverDiagram({ ...DATA, links: [{ fromId: 'p1', toId: 'c1' }] })).toThrow(RangeError);
    expect(() => renderDriverDiagram({ ...DATA, links: [{ fromId: 's1', toId: 'nope' }] })).toThrow(
      RangeError,
    );
    expect(() => renderDriverDiagram(DATA, { width: 300 })).toThrow(RangeError);
    expect(describeDriverDiagram(DATA)).toContain('Aim:');
  });
});

describe('driverDiagramFileName', () => {
  it('is the ODS code, "driver-diagram" and the title as a slug', () => {
    expect(driverDiagramFileName({ odsCode: 'RF4', title: 'Fewer falls on Ward 7 & 8!' })).toBe(
      'RF4-driver-diagram-fewer-falls-on-ward-7-8.svg',
    );
    expect(driverDiagramFileName({ odsCode: '', title: 'Sepsis' })).toBe('driver-diagram-sepsis.svg');
  });
});
