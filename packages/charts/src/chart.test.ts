import { describe, expect, it } from 'vitest';
import { COLOURS, attributeChart, gChart, runChart, tChart, xmr } from '@groundswell/spc';
import type { PointType, SpcAnalysis } from '@groundswell/spc';
import { renderSpcChart } from './chart.js';
import { SHIFT_UP, SPIKE, STABLE, flags, months } from './test-support/series.js';
import { byClass, childElements, findAll, parseXml, textOf, titleOf } from './test-support/xml.js';
import type { XmlElement } from './test-support/xml.js';

const render = (a: SpcAnalysis, options?: Parameters<typeof renderSpcChart>[1]): XmlElement =>
  parseXml(renderSpcChart(a, options));

const points = (root: XmlElement): XmlElement[] => byClass(root, 'point');

const TYPE_COLOUR: Record<PointType, string> = {
  common_cause: COLOURS.commonCause,
  improvement: COLOURS.improvement,
  concern: COLOURS.concern,
  neither_high: COLOURS.neither,
  neither_low: COLOURS.neither,
};

/** The x coordinates a path's `M`/`H`/`L` commands visit. */
function pathXs(d: string): number[] {
  return [...d.matchAll(/([MHL])(-?[\d.]+)/g)].map((m) => Number(m[2]));
}

/** Vertices of a d3 line path (`M` then `L`s). */
const vertices = (d: string): number => (d.match(/[ML]/g) ?? []).length;

const shiftUp = (): SpcAnalysis =>
  xmr({ values: SHIFT_UP, periods: months('2023-03', 17) }, { direction: 'increase', target: 95 });

describe('renderSpcChart: the document', () => {
  it('is a well-formed, standalone, labelled SVG image', () => {
    const svg = renderSpcChart(shiftUp(), { title: 'Patients seen in 4 hours' });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(root.attributes.role).toBe('img');
    expect(root.attributes.viewBox).toBe('0 0 800 400');
    const [titleId, descId] = root.attributes['aria-labelledby']!.split(' ');
    const title = findAll(root, (e) => e.attributes.id === titleId)[0]!;
    const desc = findAll(root, (e) => e.attributes.id === descId)[0]!;
    expect(title.name).toBe('title');
    expect(textOf(title)).toBe('Patients seen in 4 hours');
    expect(childElements(root)[0]).toBe(title);
    expect(desc.name).toBe('desc');
    expect(textOf(desc)).toContain('Special cause improvement since January 2024');
    expect(textOf(desc)).toContain('will be consistently missed');
  });

  it('escapes text', () => {
    const nasty = `Falls <&> "ward" 'A'`;
    const svg = renderSpcChart(shiftUp(), {
      title: nasty,
      yAxisLabel: nasty,
      annotations: [{ index: 2, text: nasty }],
      formatPeriod: () => '<p&q>',
    });
    expect(svg).not.toContain('<&>');
    expect(svg).toContain('Falls &lt;&amp;&gt; &quot;ward&quot; &apos;A&apos;');
    const root = parseXml(svg);
    expect(textOf(findAll(root, (e) => e.name === 'title')[0]!)).toBe(nasty);
    expect(textOf(byClass(root, 'chart-title')[0]!)).toBe(nasty);
    expect(titleOf(points(root)[0]!)).toContain('<p&q>');
  });

  it('keeps numbers short: at most two decimals in coordinates', () => {
    const svg = renderSpcChart(xmr({ values: STABLE.map((v) => v / 3) }));
    const root = parseXml(svg);
    for (const e of findAll(root, () => true)) {
      for (const [name, value] of Object.entries(e.attributes)) {
        if (name === 'transform') continue; // icon scale factors
        expect(value, `${e.name} ${name}`).not.toMatch(/\d\.\d{3,}/);
      }
    }
  });

  it('takes width, height and an id prefix; default ids differ between charts', () => {
    const root = render(shiftUp(), { width: 600, height: 300, idPrefix: 'c1' });
    expect(root.attributes.viewBox).toBe('0 0 600 300');
    expect(root.attributes['aria-labelledby']).toBe('c1-title c1-desc');
    const a = render(xmr({ values: STABLE })).attributes['aria-labelledby'];
    const b = render(xmr({ values: SHIFT_UP })).attributes['aria-labelledby'];
    expect(a).not.toBe(b);
    expect(() => renderSpcChart(shiftUp(), { width: 0 })).toThrow(RangeError);
  });
});

describe('renderSpcChart: points', () => {
  it('draws one marker per point, ghosts included', () => {
    const a = xmr({ values: SHIFT_UP, ghosts: flags(17, 4) }, { direction: 'increase' });
    const markers = points(render(a));
    expect(markers).toHaveLength(17);
    expect(markers.map((m) => Number(m.attributes['data-index']))).toEqual(a.points.map((p) => p.index));
  });

  it('colours markers by point type', () => {
    const a = xmr({ values: SHIFT_UP }, { direction: 'increase' });
    const types = new Set(a.points.map((p) => p.pointType));
    expect(types).toEqual(new Set(['improvement', 'concern']));
    const markers = points(render(a));
    a.points.forEach((p, i) => {
      expect(markers[i]!.attributes.fill).toBe(TYPE_COLOUR[p.pointType]);
    });
    const neutral = xmr({ values: SHIFT_UP });
    const nm = points(render(neutral));
    neutral.points.forEach((p, i) => {
      expect(nm[i]!.attributes.fill).toBe(TYPE_COLOUR[p.pointType]);
    });
  });

  it('tells special cause apart by shape as well as colour', () => {
    const a = xmr({ values: SHIFT_UP }, { direction: 'increase' });
    const markers = points(render(a));
    const improvement = markers[16]!;
    const concern = markers[0]!;
    const common = points(render(xmr({ values: STABLE })))[0]!;
    expect(common.name).toBe('circle');
    expect(improvement.name).toBe('circle');
    expect(Number(improvement.attributes.r)).toBeGreaterThan(Number(common.attributes.r));
    expect(concern.name).toBe('path'); // a diamond
    const neither = points(render(xmr({ values: SHIFT_UP })));
    expect(neither[16]!.name).toBe('path');
    expect(neither[16]!.attributes.d).not.toBe(concern.attributes.d);
  });

  it('draws a ghost hollow and leaves it out of the value line', () => {
    const a = xmr({ values: SHIFT_UP, ghosts: flags(17, 4) }, { direction: 'increase' });
    const root = render(a);
    const ghost = points(root)[4]!;
    expect(ghost.attributes.class).toContain('point-ghost');
    expect(ghost.attributes.fill).toBe('#FFFFFF');
    expect(ghost.attributes.stroke).toBe(COLOURS.commonCause);
    expect(titleOf(ghost)).toContain('Ghosted');
    const line = byClass(root, 'value-line')[0]!;
    expect(vertices(line.attributes.d!)).toBe(16);
    expect(pathXs(line.attributes.d!)).not.toContain(Number(ghost.attributes.cx));
    expect(vertices(byClass(render(xmr({ values: SHIFT_UP })), 'value-line')[0]!.attributes.d!)).toBe(17);
  });

  it('gives every point a tooltip with period, value, type and the rules that fired', () => {
    const a = xmr({ values: SPIKE, periods: months('2024-01', 16) }, { direction: 'increase' });
    const markers = points(render(a));
    const last = titleOf(markers[15]!)!;
    expect(last).toContain('Apr 2025: 30');
    expect(last).toContain('Special cause improvement');
    expect(last).toContain('above the upper process limit');
    const first = titleOf(markers[0]!)!;
    expect(first).toContain('Jan 2024: 10');
    expect(first).toContain('Special cause concern');
    expect(first).toContain('a run of 6 or more points below the mean');
    const stable = titleOf(points(render(xmr({ values: STABLE })))[0]!)!;
    expect(stable).toContain('Common cause');
    expect(stable).not.toContain('Rules');
  });

  it('keeps every point inside the plot (the y domain covers values, limits and targets)', () => {
    const a = xmr({ values: SPIKE }, { direction: 'increase', target: -20 });
    const root = render(a);
    const cys = points(root).map((m) =>
      Number(m.attributes.cy ?? /M[\d.]+ ([\d.]+)/.exec(m.attributes.d!)![1]),
    );
    const targetD = byClass(root, 'line-target')[0]!.attributes.d!;
    const targetY = Number(/^M[\d.]+ ([\d.]+)/.exec(targetD)![1]);
    const gridYs = byClass(root, 'y-axis')[0]!.children.filter(
      (c): c is XmlElement => typeof c !== 'string' && c.name === 'path',
    );
    const ys = gridYs.map((g) => Number(/^M[\d.]+ ([\d.]+)/.exec(g.attributes.d!)![1]));
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    for (const y of [...cys, targetY]) {
      expect(y).toBeGreaterThanOrEqual(top);
      expect(y).toBeLessThanOrEqual(bottom);
    }
  });
});

describe('renderSpcChart: lines', () => {
  it('draws the mean solid and the limits dashed, labelled at the right', () => {
    const root = render(xmr({ values: STABLE }));
    const mean = byClass(root, 'line-mean');
    expect(mean).toHaveLength(1);
    expect(mean[0]!.attributes['stroke-dasharray']).toBeUndefined();
    for (const cls of ['line-upper-limit', 'line-lower-limit']) {
      const l = byClass(root, cls);
      expect(l).toHaveLength(1);
      expect(l[0]!.attributes['stroke-dasharray']).toBeDefined();
    }
    const labels = byClass(root, 'line-label').map(textOf);
    expect(labels).toEqual(['UPL 13.49', 'Mean 10.07', 'LPL 6.65']);
  });

  it('splits the lines at a rebase, with a separator between', () => {
    const values = [...STABLE, 20, 21, 19, 20, 21, 19, 20, 21, 19, 20, 21, 19, 20];
    const a = xmr({ values, periods: months('2023-01', 28), rebases: flags(28, 15) });
    const root = render(a);
    const mean = byClass(root, 'line-mean');
    expect(mean).toHaveLength(2);
    expect(byClass(root, 'line-upper-limit')).toHaveLength(2);
    const [first, second] = mean.map((m) => pathXs(m.attributes.d!));
    expect(Math.max(...first!)).toBeLessThan(Math.min(...second!));
    const separators = byClass(root, 'rebase');
    expect(separators).toHaveLength(1);
    const sx = pathXs(separators[0]!.attributes.d!)[0]!;
    expect(sx).toBeGreaterThan(Math.max(...first!));
    expect(sx).toBeLessThan(Math.min(...second!));
    expect(titleOf(separators[0]!)).toBe('Limits recalculated from Apr 2024');
    // Without a rebase: one mean line, no separator.
    const one = render(xmr({ values }));
    expect(byClass(one, 'line-mean')).toHaveLength(1);
    expect(byClass(one, 'rebase')).toHaveLength(0);
  });

  it('draws 1σ and 2σ lines only when asked', () => {
    expect(byClass(render(xmr({ values: STABLE })), 'line-sigma')).toHaveLength(0);
    const root = render(xmr({ values: STABLE }), { showSigmaLines: true });
    expect(byClass(root, 'line-sigma')).toHaveLength(4);
  });

  it('draws a changing target as steps in the target colour', () => {
    const targets = STABLE.map((_, i) => (i < 5 ? null : i < 10 ? 12 : 11));
    const root = render(xmr({ values: STABLE, targets }, { direction: 'increase' }));
    const target = byClass(root, 'line-target');
    expect(target).toHaveLength(1);
    expect(target[0]!.attributes.stroke).toBe(COLOURS.target);
    expect(target[0]!.attributes.d).toMatch(/^M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+$/);
  });

  it('G chart: a centre line and an upper limit, no lower limit', () => {
    const g = gChart({ values: [30, 12, 45, 60, 8, 22, 90, 34, 15, 50, 70, 40, 25, 110] });
    const root = render(g);
    expect(byClass(root, 'line-mean')).toHaveLength(1);
    expect(byClass(root, 'line-upper-limit')).toHaveLength(1);
    expect(byClass(root, 'line-lower-limit')).toHaveLength(0);
    expect(titleOf(byClass(root, 'line-mean')[0]!)).toMatch(/^Centre line: /);
    const legend = textOf(byClass(root, 'legend')[0]!);
    expect(legend).toContain('Centre line');
    expect(legend).toContain('Upper process limit');
    expect(legend).not.toContain('Mean');
    expect(legend).not.toContain('Process limits');
  });

  it('T chart: values are days between events', () => {
    const dates = ['2024-01-03', '2024-01-20', '2024-02-11', '2024-02-15', '2024-03-30', '2024-04-12'];
    const more = ['2024-05-02', '2024-05-30', '2024-06-05', '2024-07-20', '2024-08-01', '2024-08-29'];
    const t = tChart({ dates: [...dates, ...more, '2024-10-01', '2024-10-19', '2024-12-01'] });
    const root = render(t);
    expect(points(root)).toHaveLength(14);
    expect(titleOf(points(root)[0]!)).toContain('20 Jan 2024: 17 days');
    expect(textOf(byClass(root, 'y-axis-label')[0]!)).toBe('Days between events');
    expect(textOf(byClass(root, 'legend')[0]!)).toContain('Centre line');
    expect(textOf(byClass(root, 'line-label-mean')[0]!)).toMatch(/^Centre [\d.]+ days$/);
  });

  it('run chart: only the centre line, labelled as a run chart, without icons', () => {
    const a = xmr({ values: STABLE.slice(0, 8) }, { direction: 'increase', target: 10 });
    expect(a.summary.limitsShown).toBe(false);
    const root = render(a);
    expect(byClass(root, 'line-limit')).toHaveLength(0);
    expect(byClass(root, 'line-sigma')).toHaveLength(0);
    expect(byClass(render(a, { showSigmaLines: true }), 'line-sigma')).toHaveLength(0);
    expect(byClass(root, 'line-mean')).toHaveLength(1);
    expect(textOf(byClass(root, 'chart-title')[0]!)).toBe('Run chart');
    expect(textOf(byClass(root, 'chart-subtitle')[0]!)).toContain('Run chart: too few points');
    expect(byClass(root, 'icon')).toHaveLength(0);
  });
});

describe('renderSpcChart: other chart types', () => {
  it('Anhøj run chart: a median line, no limits, long runs explained in the tooltips', () => {
    const values = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 5, 6, 20, 21, 22, 23, 24, 25];
    const a = runChart({ values });
    const root = render(a);
    expect(byClass(root, 'line-limit')).toHaveLength(0);
    expect(textOf(byClass(root, 'line-label-mean')[0]!)).toBe('Median 12.5');
    const flagged = a.points.findIndex((p) => p.pointType !== 'common_cause');
    expect(flagged).toBeGreaterThanOrEqual(0);
    expect(titleOf(points(root)[flagged]!)).toContain('part of an unusually long run below the median');
    expect(textOf(findAll(root, (e) => e.name === 'desc')[0]!)).toContain('The runs analysis signals');
  });

  it('p chart: limits that vary from point to point are drawn as steps', () => {
    const numerators = [12, 15, 9, 20, 14, 11, 18, 16, 10, 13, 17, 12, 19, 15, 30];
    const denominators = [100, 120, 80, 150, 110, 90, 140, 130, 85, 100, 135, 95, 150, 120, 140];
    const root = render(attributeChart('p', { numerators, denominators }));
    const upper = byClass(root, 'line-upper-limit');
    expect(upper).toHaveLength(1);
    expect((upper[0]!.attributes.d!.match(/V/g) ?? []).length).toBeGreaterThan(5);
    expect(points(root)).toHaveLength(15);
  });
});

describe('renderSpcChart: icons, axes, annotations', () => {
  it('shows the variation and assurance icons with text labels', () => {
    const root = render(shiftUp());
    const variation = byClass(root, 'icon-variation');
    expect(variation).toHaveLength(1);
    expect(titleOf(variation[0]!)).toBe('Special cause improvement (high)');
    expect(textOf(byClass(root, 'header')[0]!)).toContain('Special cause');
    const assurance = byClass(root, 'icon-assurance');
    expect(titleOf(assurance[0]!)).toBe('Consistently failing the target');
    expect(byClass(root, 'icon-label-assurance').map(textOf).join(' ')).toBe(
      'Consistently failing the target',
    );
    // No target, no assurance icon.
    expect(byClass(render(xmr({ values: STABLE })), 'icon-assurance')).toHaveLength(0);
  });

  it('labels monthly periods as months, thinned so they do not overlap', () => {
    const values = Array.from({ length: 36 }, (_, i) => 10 + (i % 3));
    const root = render(xmr({ values, periods: months('2022-03', 36) }));
    const labels = byClass(root, 'x-axis')[0]!.children.filter(
      (c): c is XmlElement => typeof c !== 'string' && c.name === 'text',
    );
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.length).toBeLessThan(36);
    for (const l of labels)
      expect(textOf(l)).toMatch(/^(Jan|Apr|Jul|Oct|Mar|May|Sep|Nov|Jun|Dec|Feb|Aug) \d{4}$/);
    const xs = labels.map((l) => Number(l.attributes.x));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(60);
  });

  it('labels other dates with the day', () => {
    const periods = ['2024-03-01', '2024-03-08', '2024-03-15', '2024-03-22'];
    const root = render(xmr({ values: [1, 2, 3, 4], periods }));
    const first = byClass(root, 'x-axis')[0]!.children.find(
      (c): c is XmlElement => typeof c !== 'string' && c.name === 'text',
    )!;
    expect(textOf(first)).toBe('1 Mar 2024');
  });

  it('numbers annotations on their points and lists them below the plot', () => {
    const root = render(shiftUp(), {
      annotations: [
        { index: 10, text: 'New triage model' },
        { index: 3, text: 'Ward closed' },
      ],
    });
    const badges = byClass(root, 'annotation');
    const badgeAt = new Map(
      badges.map((b) => {
        const label = findAll(b, (e) => e.name === 'text')[0]!;
        const circle = findAll(b, (e) => e.name === 'circle')[0]!;
        return [textOf(label), circle.attributes.cx] as const;
      }),
    );
    expect([...badgeAt.keys()].sort()).toEqual(['1', '2']);
    const marker10 = points(root)[10]!;
    expect(badgeAt.get('1')).toBe(marker10.attributes.cx);
    const marker3 = points(root)[3]!; // a diamond: its path starts at the top vertex, above the point
    expect(marker3.name).toBe('path');
    expect(badgeAt.get('2')).toBe(/^M([\d.]+) /.exec(marker3.attributes.d!)![1]);
    expect(titleOf(marker10)).toContain('Note 1: New triage model');
    const notes = textOf(byClass(root, 'notes')[0]!);
    expect(notes).toContain('1.New triage model');
    expect(notes).toContain('2.Ward closed');
    expect(Number(root.attributes.height)).toBeGreaterThan(400);
    expect(() => renderSpcChart(shiftUp(), { annotations: [{ index: 17, text: 'x' }] })).toThrow(RangeError);
  });

  it('renders an empty analysis without failing', () => {
    const root = render(xmr({ values: [] }));
    expect(points(root)).toHaveLength(0);
    expect(textOf(findAll(root, (e) => e.name === 'desc')[0]!)).toBe('No data to chart.');
  });
});

describe('renderSpcChart: the API’s JSON, percentages and phones', () => {
  it('draws an analysis read back from JSON (no columns, periods as ISO dates) exactly as the live one', () => {
    const live = shiftUp();
    const json = JSON.parse(JSON.stringify(live)) as SpcAnalysis;
    expect('columns' in json).toBe(false);
    const options = { title: 'Seen in 4 hours', annotations: [{ index: 3, text: 'Ward closed' }] };
    expect(renderSpcChart(json, options)).toBe(renderSpcChart(live, options));
  });

  it('with percent, proportions of 1 read as percentages on the axis, the labels, the tooltips and the text', () => {
    const numerators = [78, 80, 79, 81, 77, 80, 79, 78, 82, 80, 79, 81, 80, 78, 79];
    const denominators = numerators.map(() => 100);
    const periods = months('2023-01', numerators.length);
    const a = attributeChart(
      'p',
      { numerators, denominators, periods, targets: numerators.map(() => 0.95) },
      {
        direction: 'increase',
      },
    );
    const root = render(a, { percent: true });
    const ticks = findAll(byClass(root, 'y-axis')[0]!, (e) => e.name === 'text').map(textOf);
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect(tick).toMatch(/^\d+(\.\d+)?%$/);
    expect(ticks.some((tick) => Number(tick.slice(0, -1)) >= 70)).toBe(true);
    expect(titleOf(points(root)[0]!)).toContain('Jan 2023: 78%');
    expect(textOf(root)).toContain('Target 95%');
    const desc = textOf(findAll(root, (e) => e.name === 'desc')[0]!);
    expect(desc).toContain('The latest value is 79%');
    expect(desc).toContain('The target of 95%');
    // Without percent the same analysis keeps its fractions.
    expect(titleOf(points(render(a))[0]!)).toContain('Jan 2023: 0.78');
    // A formatter given wins over the default percentage.
    const own = render(a, { percent: true, formatValue: (v) => (v * 100).toFixed(1) });
    expect(titleOf(points(own)[0]!)).toContain('Jan 2023: 78.0%');
  });

  it('says in the subtitle why a run chart stands in for a chart with limits', () => {
    const a = runChart({ values: STABLE.slice(0, 8), periods: months('2024-01', 8) });
    expect(textOf(byClass(render(a), 'chart-subtitle')[0]!)).toMatch(/^Run chart · 8 points/);
    a.warnings.unshift({ code: 'too_few_points', message: '8 points: at least 13 are needed for limits' });
    expect(textOf(byClass(render(a), 'chart-subtitle')[0]!)).toMatch(
      /^Run chart: too few points for process limits \(13 needed\)/,
    );
  });

  it('on a phone-sized chart, the title wraps instead of being cut and the icons sit below it', () => {
    const title = 'Patients seen, treated and discharged within four hours';
    const phone = render(shiftUp(), { title, width: 340, height: 460 });
    const titles = byClass(phone, 'chart-title').map(textOf);
    expect(titles.length).toBe(2);
    expect(titles.join(' ')).toBe(title);
    const subtitle = byClass(phone, 'chart-subtitle');
    const lastTextY = Math.max(...subtitle.map((e) => Number(e.attributes.y)));
    for (const icon of [...byClass(phone, 'icon-variation'), ...byClass(phone, 'icon-assurance')]) {
      const [x, y] = /translate\(([\d.]+) ([\d.]+)\)/.exec(icon.attributes.transform!)!.slice(1).map(Number);
      expect(x!).toBeGreaterThanOrEqual(0);
      expect(x! + 40).toBeLessThanOrEqual(340);
      expect(y!).toBeGreaterThan(lastTextY);
    }
    // The plot starts below the icons' labels.
    const labelsY = Math.max(...byClass(phone, 'icon-label').map((e) => Number(e.attributes.y)));
    const gridTop = Math.min(
      ...findAll(byClass(phone, 'y-axis')[0]!, (e) => e.name === 'text').map((e) => Number(e.attributes.y)),
    );
    expect(gridTop).toBeGreaterThan(labelsY);
    // A wide chart keeps one title line and its icons at the right.
    const wide = render(shiftUp(), { title: 'Seen in 4 hours' });
    expect(byClass(wide, 'chart-title')).toHaveLength(1);
    const [wx] = /translate\(([\d.]+) /
      .exec(byClass(wide, 'icon-variation')[0]!.attributes.transform!)!
      .slice(1);
    expect(Number(wx)).toBeGreaterThan(400);
  });
});
