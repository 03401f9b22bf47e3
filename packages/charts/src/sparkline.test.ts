import { describe, expect, it } from 'vitest';
import { COLOURS } from '@groundswell/spc';
import { describeSparkline, renderSparkline, sparklineGroups } from './sparkline.js';
import type { SparklineData } from './sparkline.js';
import { months } from './test-support/series.js';
import { byClass, childElements, findAll, parseXml, textOf, titleOf } from './test-support/xml.js';
import type { XmlElement } from './test-support/xml.js';

/** Twelve monthly points: a rebase after the sixth, a target that changes after the eighth. */
function spark(overrides: Partial<SparklineData> = {}): SparklineData {
  const periods = months('2024-01', 12).map(String);
  return {
    periods,
    values: [10, 12, 11, 13, 9, 11, 20, 22, 21, 19, 23, 30],
    mean: [11, 11, 11, 11, 11, 11, 21, 21, 21, 21, 21, 21],
    lower: [5, 5, 5, 5, 5, 5, 15, 15, 15, 15, 15, 15],
    upper: [17, 17, 17, 17, 17, 17, 27, 27, 27, 27, 27, 27],
    target: [15, 15, 15, 15, 15, 15, 15, 15, 25, 25, 25, 25],
    improvement: [11],
    concern: [4],
    neither: [],
    ghosts: [2],
    annotated: [7],
    ...overrides,
  };
}

const render = (data: SparklineData, options?: Parameters<typeof renderSparkline>[1]): XmlElement =>
  parseXml(renderSparkline(data, options));

/** The markers of the points that are not common cause, by index. */
function markers(root: XmlElement): Map<number, XmlElement> {
  return new Map(byClass(root, 'point').map((e) => [Number(e.attributes['data-index']), e]));
}

/** The centres and radii of the common cause dots (one path of two arcs a dot). */
function commonDots(root: XmlElement): { x: number; y: number; r: number }[] {
  const path = byClass(root, 'points-common')[0];
  if (path === undefined) return [];
  return [...path.attributes.d!.matchAll(/M(-?[\d.]+) (-?[\d.]+)a([\d.]+)/g)].map((m) => ({
    x: Number(m[1]) + Number(m[3]),
    y: Number(m[2]),
    r: Number(m[3]),
  }));
}

/** The vertices of a closed marker path (`M … L … Z`). */
const vertices = (d: string): number[][] =>
  [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('renderSparkline: the document', () => {
  it('is a well-formed labelled image with a title and a text alternative, scalable by its viewBox', () => {
    const root = render(spark(), { title: 'Falls on Ward 7', unit: 'falls', idPrefix: 'card-1' });
    expect(root.name).toBe('svg');
    expect(root.attributes.role).toBe('img');
    expect(root.attributes.viewBox).toBe('0 0 300 120');
    expect(root.attributes['aria-labelledby']).toBe('card-1-title card-1-desc');
    const [title, desc] = childElements(root);
    expect(title!.name).toBe('title');
    expect(textOf(title!)).toBe('Falls on Ward 7');
    expect(desc!.name).toBe('desc');
    const text = textOf(desc!);
    expect(text).toContain('Falls on Ward 7: 12 points from January 2024 to December 2024');
    expect(text).toContain('Latest value 30 falls (December 2024)');
    expect(text).toContain('Mean 21 falls, process limits 15 falls to 27 falls');
    expect(text).toContain('Target 25 falls (it changed over the period)');
    expect(text).toContain('1 special cause improvement, 1 special cause concern');
    expect(text).toContain('1 point is ghosted');
    expect(text).toContain('1 point has annotations');
    expect(text).toContain('Limits recalculated once');
  });

  it('takes its size from the options, and escapes text', () => {
    const root = render(spark(), { width: 200, height: 80, title: 'A&E <4h' });
    expect(root.attributes.viewBox).toBe('0 0 200 80');
    expect(titleOf(root)).toBe('A&E <4h');
    expect(renderSparkline(spark(), { title: 'A&E <4h' })).toContain('A&amp;E &lt;4h');
  });

  it('refuses a size with no room for the plot', () => {
    expect(() => renderSparkline(spark(), { width: 0 })).toThrow(RangeError);
    expect(() => renderSparkline(spark(), { height: 20 })).toThrow(RangeError);
  });

  it('says so when there are no points', () => {
    const empty = spark({
      periods: [],
      values: [],
      mean: [],
      lower: [],
      upper: [],
      target: null,
      improvement: [],
      concern: [],
      ghosts: [],
      annotated: [],
    });
    const root = render(empty, { measure: 'Falls' });
    expect(byClass(root, 'point')).toHaveLength(0);
    expect(textOf(root)).toContain('No data yet');
    expect(textOf(findAll(root, (e) => e.name === 'desc')[0]!)).toBe('Falls: no data yet.');
  });

  it('labels the first and last periods, unless told not to', () => {
    const labels = byClass(render(spark()), 'period-label').map(textOf);
    expect(labels).toEqual(['Jan 2024', 'Dec 2024']);
    expect(byClass(render(spark(), { periodLabels: false }), 'period-label')).toHaveLength(0);
  });
});

describe('renderSparkline: points', () => {
  it('draws each point by type, in colour and in shape', () => {
    const root = render(spark());
    const points = markers(root);
    // Special cause and ghosted points: one marker each.
    expect([...points.keys()].sort((p, q) => p - q)).toEqual([2, 4, 11]);
    // Common cause: small grey dots, all in one path.
    const dots = commonDots(root);
    expect(dots).toHaveLength(9);
    expect(byClass(root, 'points-common')[0]!.attributes.fill).toBe(COLOURS.commonCause);
    const improvement = points.get(11)!;
    const concern = points.get(4)!;
    expect(improvement.attributes.class).toBe('point point-improvement');
    expect(improvement.name).toBe('circle');
    expect(improvement.attributes.fill).toBe(COLOURS.improvement);
    // Improvement is a larger circle than common cause.
    expect(Number(improvement.attributes.r)).toBeGreaterThan(dots[0]!.r);
    // Concern: an orange diamond (four vertices).
    expect(concern.attributes.class).toBe('point point-concern');
    expect(concern.name).toBe('path');
    expect(concern.attributes.fill).toBe(COLOURS.concern);
    expect(vertices(concern.attributes.d!)).toHaveLength(4);
    // Every point is drawn once, in x order, without tooltips (a title per point slows pages of sparklines).
    const xs = [
      ...dots.map((d) => d.x),
      Number(improvement.attributes.cx),
      vertices(concern.attributes.d!)[0]![0]!,
      Number(points.get(2)!.attributes.cx),
    ].sort((p, q) => p - q);
    expect(xs).toHaveLength(12);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeCloseTo(xs[1]! - xs[0]!, 1);
    expect(findAll(root, (e) => e.name === 'title')).toHaveLength(1);
  });

  it('draws neither points as purple triangles pointing up above the centre line and down below it', () => {
    const root = render(spark({ improvement: [], concern: [], ghosts: [], neither: [4, 11] }));
    const points = markers(root);
    const low = points.get(4)!;
    const high = points.get(11)!;
    expect(low.attributes.class).toBe('point point-neither_low');
    expect(high.attributes.class).toBe('point point-neither_high');
    for (const p of [low, high]) {
      expect(p.attributes.fill).toBe(COLOURS.neither);
      expect(vertices(p.attributes.d!)).toHaveLength(3);
    }
    // The apex (first vertex) is below the base for a low point (y grows downwards), above it for a high one.
    const [lowApex, lowBase] = vertices(low.attributes.d!);
    const [highApex, highBase] = vertices(high.attributes.d!);
    expect(lowApex![1]).toBeGreaterThan(lowBase![1]!);
    expect(highApex![1]).toBeLessThan(highBase![1]!);
  });

  it('draws ghosted points hollow, and leaves them out of the value line', () => {
    const root = render(spark());
    const ghost = markers(root).get(2)!;
    expect(ghost.attributes.class).toBe('point point-ghost');
    expect(ghost.attributes.fill).toBe('#FFFFFF');
    expect(ghost.attributes.stroke).toBe(COLOURS.commonCause);
    const line = byClass(root, 'value-line')[0]!;
    // Eleven vertices: twelve points less the ghost.
    expect((line.attributes.d!.match(/[ML]/g) ?? []).length).toBe(11);
  });

  it('marks annotated points with a tick', () => {
    const ticks = byClass(render(spark()), 'annotation-mark');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]!.attributes['data-index']).toBe('7');
  });
});

describe('renderSparkline: lines', () => {
  it('draws the centre line solid and the limits dashed, broken where the limits were recalculated', () => {
    const root = render(spark());
    const mean = byClass(root, 'line-mean');
    const upper = byClass(root, 'line-upper-limit');
    const lower = byClass(root, 'line-lower-limit');
    expect(mean).toHaveLength(2);
    expect(upper).toHaveLength(2);
    expect(lower).toHaveLength(2);
    expect(mean[0]!.attributes['stroke-dasharray']).toBeUndefined();
    expect(upper[0]!.attributes['stroke-dasharray']).toBeDefined();
    expect(lower[0]!.attributes['stroke-dasharray']).toBe(upper[0]!.attributes['stroke-dasharray']);
    // The first piece ends before the second begins (a gap at the break).
    const end = Number(/H([\d.]+)$/.exec(mean[0]!.attributes.d!)![1]);
    const start = Number(/^M([\d.]+)/.exec(mean[1]!.attributes.d!)![1]);
    expect(start).toBeGreaterThan(end);
    const rebases = byClass(root, 'rebase');
    expect(rebases).toHaveLength(1);
    expect(rebases[0]!.attributes['data-index']).toBe('6');
  });

  it('draws the target red and dash-dotted, in steps where it changes, unbroken by the recalculation', () => {
    const root = render(spark());
    const target = byClass(root, 'line-target');
    expect(target).toHaveLength(1);
    expect(target[0]!.attributes.stroke).toBe(COLOURS.target);
    expect(target[0]!.attributes['stroke-dasharray']!.split(' ').length).toBe(4);
    // One step: a vertical move between the two levels.
    expect((target[0]!.attributes.d!.match(/V/g) ?? []).length).toBe(1);
  });

  it('draws no target, nor limits, that the data do not have', () => {
    const none = Array<null>(12).fill(null);
    const root = render(spark({ target: null, lower: none, upper: none }));
    expect(byClass(root, 'line-target')).toHaveLength(0);
    expect(byClass(root, 'line-upper-limit')).toHaveLength(0);
    expect(byClass(root, 'line-mean').length).toBeGreaterThan(0);
  });

  it('names a target far from the data below the plot instead of flattening the data against it', () => {
    const near = (v: number): number[] => Array<number>(12).fill(v);
    const data = spark({
      values: [0.991, 0.995, 0.993, 0.996, 0.994, 0.992, 0.997, 0.995, 0.993, 0.994, 0.996, 0.995],
      mean: near(0.994),
      lower: near(0.989),
      upper: near(0.999),
      target: near(0.95),
    });
    const root = render(data, { formatValue: (v) => (v * 100).toFixed(0), unit: '%' });
    expect(byClass(root, 'line-target')).toHaveLength(0);
    const label = byClass(root, 'target-off-scale');
    expect(label.map(textOf)).toEqual(['Target 95%: below the chart ▼']);
    expect(label[0]!.attributes.fill).toBe(COLOURS.target);
    // The data use the plot's height: the limits are far apart.
    const ys = byClass(root, 'line-limit').map((p) => Number(/^M[\d.]+ ([\d.]+)/.exec(p.attributes.d!)![1]));
    expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThan(60);
    // Above the data, it says so.
    const above = render({ ...data, target: near(1.2) });
    expect(byClass(above, 'target-off-scale').map(textOf)[0]).toMatch(/above the chart ▲$/);
    // The description still gives the target.
    expect(textOf(findAll(root, (e) => e.name === 'desc')[0]!)).toContain('Target 95%');
  });

  it('names the centre line after the chart type in the description', () => {
    const root = render(spark(), { chart: 'g' });
    expect(textOf(findAll(root, (e) => e.name === 'desc')[0]!)).toContain('Centre line 21');
    expect(describeSparkline(spark(), { chart: 'run' })).toContain('Median 21');
  });

  it('keeps every mark inside the viewBox', () => {
    const root = render(spark({ values: [10, 12, 11, 13, 9, 11, 20, 22, 21, 19, 23, 300] }));
    const ys = [
      ...commonDots(root).map((d) => d.y),
      ...byClass(root, 'point').map((p) => Number(p.attributes.cy ?? vertices(p.attributes.d!)[0]![1])),
    ];
    expect(ys).toHaveLength(12);
    for (const cy of ys) {
      expect(cy).toBeGreaterThanOrEqual(0);
      expect(cy).toBeLessThanOrEqual(120);
    }
  });
});

describe('describeSparkline', () => {
  it('says when a series is a run chart without limits', () => {
    const none = Array<null>(12).fill(null);
    const text = describeSparkline(
      spark({
        lower: none,
        upper: none,
        target: null,
        improvement: [],
        concern: [],
        ghosts: [],
        annotated: [],
      }),
      { measure: 'Falls', formatValue: (v) => v.toFixed(1) },
    );
    expect(text).toContain('Run chart: no process limits (too few points); mean 21.0.');
    expect(text).toContain('No special cause points.');
    expect(text).not.toContain('Target');
  });

  it('writes values with the formatter and unit given', () => {
    const text = describeSparkline(spark(), { formatValue: (v) => (v * 10).toFixed(0), unit: '%' });
    expect(text).toContain('Latest value 300%');
  });
});

describe('sparklineGroups', () => {
  it('starts a new group where the centre line changes, or appears or disappears', () => {
    expect(sparklineGroups([1, 1, 2, 2, null, null, 2])).toEqual([0, 0, 1, 1, 2, 2, 3]);
    expect(sparklineGroups([])).toEqual([]);
  });
});
