import { describe, expect, it } from 'vitest';
import { COLOURS } from '@groundswell/spc';
import type { AssuranceIcon, VariationIcon } from '@groundswell/spc';
import { renderAssuranceIcon, renderVariationIcon } from './icons.js';
import { assuranceLabel, variationLabel } from './labels.js';
import { findAll, parseXml, textOf, titleOf } from './test-support/xml.js';
import type { XmlElement } from './test-support/xml.js';

const VARIATION: readonly VariationIcon[] = [
  'common_cause',
  'improvement_high',
  'improvement_low',
  'concern_high',
  'concern_low',
  'neither_high',
  'neither_low',
  'none',
];
const ASSURANCE: readonly AssuranceIcon[] = ['pass', 'fail', 'hit_or_miss'];

const letters = (root: XmlElement): string =>
  findAll(root, (e) => e.name === 'text')
    .map(textOf)
    .join('');
const dots = (root: XmlElement): XmlElement[] =>
  findAll(root, (e) => e.name === 'circle' && e.attributes.r !== '44');
const ringColour = (root: XmlElement): string | undefined =>
  findAll(root, (e) => e.name === 'circle' && e.attributes.r === '44')[0]?.attributes.stroke;
const meanY = (els: XmlElement[]): number =>
  els.reduce((s, e) => s + Number(e.attributes.cy), 0) / els.length;

describe('renderVariationIcon', () => {
  it.each(VARIATION)('%s is a standalone, titled SVG image', (icon) => {
    const root = parseXml(renderVariationIcon(icon));
    expect(root.name).toBe('svg');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attributes.role).toBe('img');
    expect(titleOf(root)).toBe(variationLabel(icon));
    expect(root.attributes['aria-label']).toBe(variationLabel(icon));
  });

  it('names icons in words', () => {
    expect(titleOf(parseXml(renderVariationIcon('improvement_high')))).toBe(
      'Special cause improvement (high)',
    );
    expect(titleOf(parseXml(renderVariationIcon('concern_low')))).toBe('Special cause concern (low)');
    expect(titleOf(parseXml(renderVariationIcon('common_cause')))).toBe('Common cause variation');
    expect(titleOf(parseXml(renderVariationIcon('none')))).toBe('Too few points for SPC');
  });

  it('shows H for high and L for low, no letter for common cause', () => {
    expect(letters(parseXml(renderVariationIcon('improvement_high')))).toBe('H');
    expect(letters(parseXml(renderVariationIcon('concern_high')))).toBe('H');
    expect(letters(parseXml(renderVariationIcon('neither_low')))).toBe('L');
    expect(letters(parseXml(renderVariationIcon('improvement_low')))).toBe('L');
    expect(letters(parseXml(renderVariationIcon('common_cause')))).toBe('');
    expect(letters(parseXml(renderVariationIcon('none')))).toBe('');
  });

  it('uses the Making Data Count colours for the ring and the special-cause dots', () => {
    const expected: [VariationIcon, string][] = [
      ['common_cause', COLOURS.commonCause],
      ['improvement_high', COLOURS.improvement],
      ['concern_low', COLOURS.concern],
      ['neither_high', COLOURS.neither],
    ];
    for (const [icon, colour] of expected) {
      const root = parseXml(renderVariationIcon(icon));
      expect(ringColour(root)).toBe(colour);
      const coloured = dots(root).filter((d) => d.attributes.fill === colour);
      expect(coloured.length).toBe(icon === 'common_cause' ? 7 : 3);
    }
  });

  it('places the special-cause dots high for high and low for low; common cause is level', () => {
    const split = (icon: VariationIcon): [number, number] => {
      const all = dots(parseXml(renderVariationIcon(icon)));
      const grey = all.filter((d) => d.attributes.fill === COLOURS.commonCause);
      const special = all.filter((d) => d.attributes.fill !== COLOURS.commonCause);
      return [meanY(grey), meanY(special)];
    };
    const [greyH, specialH] = split('improvement_high');
    expect(specialH).toBeLessThan(greyH - 5); // higher on screen = smaller y
    const [greyL, specialL] = split('concern_low');
    expect(specialL).toBeGreaterThan(greyL + 5);
    const level = dots(parseXml(renderVariationIcon('common_cause'))).map((d) => Number(d.attributes.cy));
    expect(Math.max(...level) - Math.min(...level)).toBeLessThan(5);
  });

  it('takes a size', () => {
    const root = parseXml(renderVariationIcon('common_cause', { size: 32 }));
    expect(root.attributes.width).toBe('32');
    expect(root.attributes.height).toBe('32');
    expect(root.attributes.viewBox).toBe('0 0 100 100');
  });
});

describe('renderAssuranceIcon', () => {
  it.each(ASSURANCE)('%s is a standalone, titled SVG image', (icon) => {
    const root = parseXml(renderAssuranceIcon(icon));
    expect(root.attributes.role).toBe('img');
    expect(titleOf(root)).toBe(assuranceLabel(icon));
  });

  it('shows P, F or ? with the right colour and title', () => {
    const cases: [AssuranceIcon, string, string, string][] = [
      ['pass', 'P', COLOURS.improvement, 'Consistently passing the target'],
      ['fail', 'F', COLOURS.concern, 'Consistently failing the target'],
      ['hit_or_miss', '?', COLOURS.commonCause, 'Hit or miss the target'],
    ];
    for (const [icon, letter, colour, title] of cases) {
      const root = parseXml(renderAssuranceIcon(icon));
      expect(letters(root)).toBe(letter);
      expect(ringColour(root)).toBe(colour);
      expect(titleOf(root)).toBe(title);
    }
  });

  it('draws a target line with the dots above it (pass), below it (fail) or either side (hit or miss)', () => {
    const layout = (icon: AssuranceIcon): { above: number; below: number } => {
      const root = parseXml(renderAssuranceIcon(icon));
      const target = findAll(root, (e) => e.name === 'path' && e.attributes.stroke === COLOURS.target);
      expect(target).toHaveLength(1);
      const ty = Number(/^M[\d.]+ ([\d.]+)H/.exec(target[0]!.attributes.d!)![1]);
      const ys = dots(root).map((d) => Number(d.attributes.cy));
      return { above: ys.filter((y) => y < ty).length, below: ys.filter((y) => y > ty).length };
    };
    expect(layout('pass')).toEqual({ above: 7, below: 0 });
    expect(layout('fail')).toEqual({ above: 0, below: 7 });
    const hm = layout('hit_or_miss');
    expect(hm.above).toBeGreaterThan(0);
    expect(hm.below).toBeGreaterThan(0);
  });
});
