import { describe, expect, it } from 'vitest';
import { funnel } from '@groundswell/spc';
import type { FunnelResult } from '@groundswell/spc';
import { renderFunnelChart } from './funnel-chart.js';
import { describeFunnel } from './funnel-describe.js';
import { BOROUGHS, OVERDISPERSED, WIDE } from './test-support/funnel-units.js';
import { byClass, childElements, findAll, parseXml, textOf, titleOf } from './test-support/xml.js';
import type { XmlElement } from './test-support/xml.js';

const boroughs = (): FunnelResult => funnel(BOROUGHS, { type: 'proportion' });

const render = (r: FunnelResult, options?: Parameters<typeof renderFunnelChart>[1]): XmlElement =>
  parseXml(renderFunnelChart(r, options));

const points = (root: XmlElement): XmlElement[] => byClass(root, 'point');
const pointOf = (root: XmlElement, unit: string): XmlElement =>
  points(root).find((p) => p.attributes['data-unit'] === unit)!;

/** The (x, y) pairs of a path's commands (`M1 2H3`, d3's `M1,2L3,4`). */
function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The y range of the grid lines of the value axis. */
function gridRange(root: XmlElement): [number, number] {
  const ys = childElements(byClass(root, 'y-axis')[0]!)
    .filter((e) => e.name === 'path')
    .map((e) => pathPoints(e.attributes.d!)[0]![1]);
  return [Math.min(...ys), Math.max(...ys)];
}

/** A marker's centre y: a circle's cy, or the mean of a path's vertices. */
function markerY(e: XmlElement): number {
  if (e.name === 'circle') return Number(e.attributes.cy);
  const shape = e.name === 'g' ? childElements(e).find((c) => c.name !== 'title' && !c.attributes.r)! : e;
  if (shape.name === 'circle') return Number(shape.attributes.cy);
  const ys = pathPoints(shape.attributes.d!).map((p) => p[1]);
  return ys.reduce((a, b) => a + b, 0) / ys.length;
}

describe('renderFunnelChart: the document', () => {
  it('is a well-formed, standalone, labelled SVG image of 800 × 450', () => {
    const r = boroughs();
    const svg = renderFunnelChart(r, { title: 'Readmissions within 30 days' });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attributes.role).toBe('img');
    expect(root.attributes.viewBox).toBe('0 0 800 450');
    expect(root.attributes.class).toBe('funnel-chart');
    const [titleId, descId] = root.attributes['aria-labelledby']!.split(' ');
    const title = findAll(root, (e) => e.attributes.id === titleId)[0]!;
    const desc = findAll(root, (e) => e.attributes.id === descId)[0]!;
    expect(childElements(root)[0]).toBe(title);
    expect(textOf(title)).toBe('Readmissions within 30 days');
    expect(desc.name).toBe('desc');
    expect(textOf(desc)).toBe(describeFunnel(r, { measure: 'Readmissions within 30 days' }));
    expect(textOf(byClass(root, 'chart-subtitle')[0]!)).toBe(
      'Proportions · 12 organisations · 95% and 99.8% limits',
    );
  });

  it('takes width, height, an id prefix and a description; default ids differ between plots', () => {
    const root = render(boroughs(), { width: 600, height: 380, idPrefix: 'fp 1', description: 'Custom' });
    expect(root.attributes.viewBox).toBe('0 0 600 380');
    expect(root.attributes['aria-labelledby']).toBe('fp-1-title fp-1-desc');
    expect(textOf(findAll(root, (e) => e.name === 'desc')[0]!)).toBe('Custom');
    const a = render(boroughs()).attributes['aria-labelledby'];
    const b = render(funnel(WIDE, { type: 'proportion' })).attributes['aria-labelledby'];
    expect(a).toMatch(/^funnel-[a-z0-9]+-title funnel-[a-z0-9]+-desc$/);
    expect(a).not.toBe(b);
    expect(render(boroughs()).attributes['aria-labelledby']).toBe(a);
  });

  it('refuses sizes that leave no room for the plot', () => {
    expect(() => renderFunnelChart(boroughs(), { width: 0 })).toThrow(RangeError);
    expect(() => renderFunnelChart(boroughs(), { height: 120 })).toThrow(RangeError);
    expect(() => renderFunnelChart(boroughs(), { width: 90 })).toThrow(RangeError);
  });

  it('escapes text', () => {
    const nasty = `A&E <North> "ward" 'B'`;
    const r = funnel([...BOROUGHS, { unit: nasty, numerator: 30, denominator: 300 }], { type: 'proportion' });
    const svg = renderFunnelChart(r, { title: nasty, measure: nasty, highlight: nasty });
    expect(svg).not.toContain('<North>');
    expect(svg).toContain('A&amp;E &lt;North&gt; &quot;ward&quot; &apos;B&apos;');
    const root = parseXml(svg);
    expect(textOf(findAll(root, (e) => e.name === 'title')[0]!)).toBe(nasty);
    expect(textOf(byClass(root, 'chart-title')[0]!)).toBe(nasty);
    expect(textOf(byClass(root, 'y-axis-label')[0]!)).toBe(nasty);
    expect(textOf(byClass(root, 'highlight-label')[0]!)).toBe(nasty);
    expect(titleOf(pointOf(root, nasty))).toMatch(/^A&E <North> "ward" 'B'\n/);
  });

  it('keeps numbers short: at most two decimals in coordinates', () => {
    const root = render(funnel(OVERDISPERSED, { type: 'proportion' }), { highlight: 'East' });
    for (const e of findAll(root, () => true)) {
      for (const [name, value] of Object.entries(e.attributes)) {
        if (name.startsWith('data-')) continue;
        expect(value, `${e.name} ${name}`).not.toMatch(/\d\.\d{3,}/);
      }
    }
  });
});

describe('renderFunnelChart: units', () => {
  it('draws one marker per unit, in the order given within each kind (never ranked)', () => {
    const root = render(boroughs());
    const shown = points(root).map((p) => p.attributes['data-unit']);
    expect(shown).toHaveLength(BOROUGHS.length);
    expect(new Set(shown)).toEqual(new Set(BOROUGHS.map((u) => u.unit)));
    const inside = BOROUGHS.map((u) => u.unit).filter((u) => u !== 'Islington' && u !== 'Kingston');
    expect(shown.slice(0, inside.length)).toEqual(inside);
    expect(shown.slice(inside.length)).toEqual(['Islington', 'Kingston']);
  });

  it('gives units beyond the widest limits a larger shape, pointing up when high and down when low', () => {
    const root = render(boroughs());
    const inside = pointOf(root, 'Ashford');
    expect(inside.name).toBe('circle');
    expect(inside.attributes.class).toBe('point point-inside');
    expect(inside.attributes.r).toBe('3.5');
    const merton = pointOf(root, 'Merton'); // beyond the 95% limit only: not flagged
    expect(merton.name).toBe('circle');
    const high = pointOf(root, 'Islington');
    const low = pointOf(root, 'Kingston');
    expect(high.attributes.class).toBe('point point-high');
    expect(low.attributes.class).toBe('point point-low');
    for (const [p, apexUp] of [
      [high, true],
      [low, false],
    ] as const) {
      expect(p.name).toBe('path');
      const [apex, ...base] = pathPoints(p.attributes.d!);
      expect(base).toHaveLength(2);
      expect(apex![1] < base[0]![1]).toBe(apexUp);
      expect(base[0]![0] - base[1]![0]).toBeGreaterThan(2 * 3.5); // wider than the small dot
    }
    expect(byClass(root, 'point-high')).toHaveLength(1);
    expect(byClass(root, 'point-low')).toHaveLength(1);
  });

  it('gives each point a tooltip: name, value and counts, z, and the limit crossed in words', () => {
    const root = render(boroughs());
    expect(titleOf(pointOf(root, 'Islington'))).toBe(
      'Islington\n22.5% (90 of 400)\nz = 6.86\nAbove the 99.8% limit',
    );
    expect(titleOf(pointOf(root, 'Kingston'))).toBe(
      'Kingston\n2% (12 of 600)\nz = −8.86\nBelow the 99.8% limit',
    );
    expect(titleOf(pointOf(root, 'Merton'))).toBe(
      'Merton\n14.3% (50 of 350)\nz = 2.43\nAbove the 95% limit (within the 99.8% limits)',
    );
    expect(titleOf(pointOf(root, 'Ashford'))).toMatch(/\nWithin the 95% and 99\.8% limits$/);
  });

  it('writes ratios as plain numbers with observed and expected counts', () => {
    const r = funnel(
      [
        { unit: 'A', numerator: 0, denominator: 4.2 },
        { unit: 'B', numerator: 12, denominator: 10.5 },
        { unit: 'C', numerator: 40, denominator: 20 },
        { unit: 'D', numerator: 18, denominator: 19.5 },
      ],
      { type: 'ratio', overdispersion: false },
    );
    const root = render(r);
    expect(titleOf(pointOf(root, 'A'))).toBe(
      'A\n0 (0 observed, 4.2 expected)\nz = −∞\nBelow the 99.8% limit',
    );
    expect(titleOf(pointOf(root, 'C'))).toMatch(
      /^C\n2 \(40 observed, 20 expected\)\nz = 3.1\nAbove the 99.8% limit$/,
    );
    const ticks = childElements(byClass(root, 'y-axis')[0]!).filter((e) => e.name === 'text');
    for (const t of ticks) expect(textOf(t)).toMatch(/^\d+(\.\d+)?$/);
    expect(textOf(byClass(root, 'x-axis-label')[0]!)).toBe('Expected count');
  });

  it('uses formatValue for tooltips, ticks and labels', () => {
    const root = render(boroughs(), { formatValue: (v) => `${(v * 1000).toFixed(0)} per 1,000` });
    expect(titleOf(pointOf(root, 'Islington'))).toContain('225 per 1,000 (90 of 400)');
    const ticks = childElements(byClass(root, 'y-axis')[0]!).filter((e) => e.name === 'text');
    for (const t of ticks) expect(textOf(t)).toMatch(/ per 1,000$/);
    expect(textOf(byClass(root, 'line-label-target')[0]!)).toBe('Overall 101 per 1,000');
  });
});

describe('renderFunnelChart: highlight', () => {
  it('draws the highlighted unit last, ringed, and labels it with its name', () => {
    const root = render(boroughs(), { highlight: 'Camden' });
    const all = points(root);
    expect(all).toHaveLength(BOROUGHS.length);
    const last = all[all.length - 1]!;
    expect(last.attributes['data-unit']).toBe('Camden');
    expect(last.attributes.class).toBe('point point-inside point-highlight');
    expect(findAll(last, (e) => e.name === 'circle' && e.attributes.r === '9').length).toBeGreaterThan(0);
    expect(titleOf(last)).toMatch(/^Camden\n10.2% \(52 of 510\)/);
    const label = byClass(root, 'highlight-label');
    expect(label).toHaveLength(1);
    expect(textOf(label[0]!)).toBe('Camden');
    // Drawn after every other point and line of the plot.
    const order = findAll(root, () => true);
    expect(order.indexOf(last)).toBeGreaterThan(Math.max(...all.slice(0, -1).map((p) => order.indexOf(p))));
    expect(order.indexOf(last)).toBeGreaterThan(order.indexOf(byClass(root, 'lines')[0]!));
    const legend = textOf(byClass(root, 'legend')[0]!);
    expect(legend).toContain('Camden');
  });

  it('keeps the outlier shape of a highlighted outlier', () => {
    const root = render(boroughs(), { highlight: 'Kingston' });
    const p = pointOf(root, 'Kingston');
    expect(p.attributes.class).toBe('point point-low point-highlight');
    expect(childElements(p).some((e) => e.name === 'path')).toBe(true);
    expect(titleOf(p)).toContain('Below the 99.8% limit');
  });

  it('refuses a highlight that is not a unit', () => {
    expect(() => renderFunnelChart(boroughs(), { highlight: 'Nowhere' })).toThrow(RangeError);
    expect(() => renderFunnelChart(boroughs(), { highlight: 'Nowhere' })).toThrow(/"Nowhere"/);
    expect(() => renderFunnelChart(boroughs(), { highlight: 'camden' })).toThrow(RangeError);
  });
});

describe('renderFunnelChart: limits and axes', () => {
  it('draws a lower and an upper curve per level, the widest dashed and darker', () => {
    const r = funnel(BOROUGHS, { type: 'proportion', limits: [90, 95, 99.8] });
    const root = render(r);
    const curves = byClass(root, 'funnel-limit');
    expect(curves).toHaveLength(6);
    for (const level of ['90', '95', '99.8']) {
      const at = curves.filter((c) => c.attributes['data-level'] === level);
      expect(at.map((c) => c.attributes.class)).toEqual([
        `line funnel-limit funnel-limit-upper funnel-limit-${level === '99.8' ? 'outer' : 'inner'}`,
        `line funnel-limit funnel-limit-lower funnel-limit-${level === '99.8' ? 'outer' : 'inner'}`,
      ]);
      expect(titleOf(at[0]!)).toBe(`Upper ${level}% limit`);
      expect(pathPoints(at[0]!.attributes.d!).length).toBeGreaterThan(50);
    }
    const outer = byClass(root, 'funnel-limit-outer')[0]!.attributes;
    const inner = byClass(root, 'funnel-limit-inner')[0]!.attributes;
    expect(outer['stroke-dasharray']).toBe('7 4');
    expect(inner['stroke-dasharray']).toBe('2 3');
    expect(outer.stroke).not.toBe(inner.stroke);
    const legend = textOf(byClass(root, 'legend')[0]!);
    expect(legend).toContain('99.8% limits');
    expect(legend).toContain('95% limits');
    expect(legend).toContain('90% limits');
    expect(legend.indexOf('99.8% limits')).toBeLessThan(legend.indexOf('90% limits'));
  });

  it('draws the target line at the pooled proportion, or at 1 for ratios', () => {
    const root = render(boroughs());
    const target = byClass(root, 'funnel-target');
    expect(target).toHaveLength(1);
    expect(titleOf(target[0]!)).toBe('Overall proportion: 10.1%');
    const ratio = render(
      funnel(
        [
          { unit: 'A', numerator: 12, denominator: 10 },
          { unit: 'B', numerator: 8, denominator: 10 },
        ],
        { type: 'ratio' },
      ),
    );
    expect(titleOf(byClass(ratio, 'funnel-target')[0]!)).toBe('Expected ratio: 1');
    expect(textOf(byClass(ratio, 'line-label-target')[0]!)).toBe('Expected 1');
  });

  it('covers every unit and every curve point in the y domain', () => {
    for (const r of [
      boroughs(),
      funnel(WIDE, { type: 'proportion' }),
      funnel(OVERDISPERSED, { type: 'proportion' }),
    ]) {
      const root = render(r);
      const [lo, hi] = gridRange(root);
      for (const p of points(root)) {
        const y = markerY(p);
        expect(y).toBeGreaterThanOrEqual(lo - 0.01);
        expect(y).toBeLessThanOrEqual(hi + 0.01);
      }
      for (const c of byClass(root, 'funnel-limit')) {
        for (const [, y] of pathPoints(c.attributes.d!)) {
          expect(y).toBeGreaterThanOrEqual(lo - 0.01);
          expect(y).toBeLessThanOrEqual(hi + 0.01);
        }
      }
    }
  });

  it('ignores infinite and undefined curve points', () => {
    const r = boroughs();
    const broken: FunnelResult = {
      ...r,
      curves: r.curves.map((c) => ({
        ...c,
        points: c.points.map((p, i) => (i < 3 ? { ...p, upper: Infinity, lower: Number.NaN } : p)),
      })),
    };
    const svg = renderFunnelChart(broken);
    expect(svg).not.toMatch(/Infinity|NaN/);
    const root = parseXml(svg);
    const [lo, hi] = gridRange(root);
    expect(hi - lo).toBeGreaterThan(100);
    expect(byClass(root, 'funnel-limit')).toHaveLength(4);
  });

  it('uses a linear denominator axis from 0 when denominators are close', () => {
    const root = render(boroughs());
    expect(textOf(byClass(root, 'x-axis-label')[0]!)).toBe('Denominator');
    const ticks = childElements(byClass(root, 'x-axis')[0]!)
      .filter((e) => e.name === 'text')
      .map(textOf);
    expect(ticks[0]).toBe('0');
    expect(ticks).toContain('500');
  });

  it('uses a log scale, labelled, when denominators span more than 50 times', () => {
    const root = render(funnel(WIDE, { type: 'proportion' }), { xAxisLabel: 'Admissions' });
    expect(textOf(byClass(root, 'x-axis-label')[0]!)).toBe('Admissions (log scale)');
    const ticks = childElements(byClass(root, 'x-axis')[0]!)
      .filter((e) => e.name === 'text')
      .map(textOf);
    expect(ticks).toEqual(expect.arrayContaining(['100', '1,000']));
    expect(ticks).not.toContain('0');
    // Equal ratios are equal distances apart.
    const xs = childElements(byClass(root, 'x-axis')[0]!).filter((e) => e.name === 'text');
    const at = (label: string): number => Number(xs.find((e) => textOf(e) === label)!.attributes.x);
    expect(at('1,000') - at('100')).toBeCloseTo(at('2,000') - at('200'), 0);
  });

  it('shows percentages on the value axis of proportions', () => {
    const ticks = childElements(byClass(render(boroughs()), 'y-axis')[0]!).filter((e) => e.name === 'text');
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(textOf(t)).toMatch(/^\d+(\.\d+)?%$/);
  });
});

describe('renderFunnelChart: legend and notes', () => {
  it('says in the legend when the limits were adjusted for overdispersion, with φ', () => {
    const root = render(funnel(OVERDISPERSED, { type: 'proportion' }));
    const note = byClass(root, 'legend-note');
    expect(note).toHaveLength(1);
    expect(textOf(note[0]!)).toBe('Limits adjusted for overdispersion (φ = 3.84)');
    expect(byClass(render(boroughs()), 'legend-note')).toHaveLength(0);
  });

  it('names the marker kinds shown', () => {
    const legend = textOf(byClass(render(boroughs()), 'legend')[0]!);
    expect(legend).toContain('Within the 99.8% limits');
    expect(legend).toContain('Above the 99.8% limit');
    expect(legend).toContain('Below the 99.8% limit');
    const none = textOf(byClass(render(funnel(WIDE, { type: 'proportion' })), 'legend')[0]!);
    expect(none).not.toContain('Above');
  });

  it('lists the warnings below the chart', () => {
    const r = funnel([{ unit: 'Solo', numerator: 5, denominator: 50 }], { type: 'proportion' });
    expect(r.warnings.length).toBeGreaterThan(0);
    const root = render(r);
    const notes = byClass(root, 'notes');
    expect(notes).toHaveLength(1);
    const text = childElements(notes[0]!).map(textOf).join(' ');
    expect(text).toContain('Note:');
    expect(text).toContain('τ² cannot be estimated');
    expect(Number(root.attributes.height)).toBeGreaterThan(450);
    expect(byClass(render(boroughs()), 'notes')).toHaveLength(0);
  });

  it('draws short level marks when every denominator is the same', () => {
    const same = BOROUGHS.map((u) => ({ ...u, denominator: 500, numerator: Math.min(u.numerator, 500) }));
    const root = render(funnel(same, { type: 'proportion' }));
    const curves = byClass(root, 'funnel-limit');
    expect(curves).toHaveLength(4);
    for (const c of curves) expect(c.attributes.d).toMatch(/^M[\d.]+ [\d.]+H[\d.]+$/);
  });
});
