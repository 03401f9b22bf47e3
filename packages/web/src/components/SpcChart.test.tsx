// @vitest-environment jsdom
import { xmr } from '@groundswell/spc';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { chartSize, renderChart, SpcChart, tooltipsOf } from './SpcChart';
import type { ChartAnalysis } from './SpcChart';

afterEach(cleanup);

const VALUES = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 14, 14.5, 13.5, 14, 14.5, 13.5, 14];
const PERIODS = VALUES.map(
  (_, i) => `${2023 + Math.floor((i + 2) / 12)}-${String(((i + 2) % 12) + 1).padStart(2, '0')}-01`,
);
const json = (): ChartAnalysis =>
  JSON.parse(
    JSON.stringify(xmr({ values: VALUES, periods: PERIODS }, { direction: 'increase', target: 15 })),
  ) as ChartAnalysis;

describe('SpcChart', () => {
  it('draws the API’s JSON with the shared renderer: a labelled SVG image with every point', () => {
    const { container } = render(
      <SpcChart analysis={json()} options={{ title: 'Falls', idPrefix: 'falls' }} />,
    );
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('falls-title falls-desc');
    expect(svg.querySelectorAll('.point')).toHaveLength(VALUES.length);
    expect(svg.querySelector('desc')!.textContent).toContain('Special cause improvement');
  });

  it('reads the chart point by point from one slider: its text is each point’s tooltip', () => {
    const { container } = render(<SpcChart analysis={json()} options={{ title: 'Falls' }} />);
    const reader = screen.getByLabelText('Read the chart point by point');
    // The latest point first.
    expect(reader.getAttribute('aria-valuetext')).toBe('Jul 2024: 14, Special cause improvement');
    expect(container.querySelector('.point.is-selected')!.getAttribute('data-index')).toBe('16');
    fireEvent.change(reader, { target: { value: '0' } });
    expect(container.querySelector('.point.is-selected')!.getAttribute('data-index')).toBe('0');
    // The details are exactly the hover tooltip of the point: ten points below the mean, a shift.
    const tooltip = container.querySelector('.point[data-index="0"] title')!.textContent;
    expect(tooltip).toBe(
      'Mar 2023: 10\nSpecial cause concern\nRules: a run of 6 or more points below the mean',
    );
    const details = container.querySelector('.gs-point-reader__details')!;
    expect(details.querySelector('strong')!.textContent).toBe('Mar 2023: 10');
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
      tooltip.split('\n').slice(1),
    );
    expect(details.getAttribute('aria-live')).toBe('polite');
  });

  it('selects a point clicked on the chart, and offers actions on it', () => {
    const { container } = render(
      <SpcChart
        analysis={json()}
        options={{ title: 'Falls' }}
        actions={(point) => <button type="button">Act on {String(point.period)}</button>}
      />,
    );
    fireEvent.click(container.querySelector('.point[data-index="11"]')!);
    expect(screen.getByLabelText<HTMLInputElement>('Read the chart point by point').value).toBe('11');
    expect(screen.getByRole('button', { name: 'Act on 2024-02-01' })).toBeTruthy();
  });

  it('draws a chart of no points without a reader', () => {
    const empty = JSON.parse(JSON.stringify(xmr({ values: [] }))) as ChartAnalysis;
    const { container } = render(<SpcChart analysis={empty} />);
    expect(container.querySelector('svg')).not.toBeNull();
    expect(screen.queryByLabelText('Read the chart point by point')).toBeNull();
  });
});

describe('renderChart, tooltipsOf and chartSize', () => {
  it('gives the tooltip of every point, by index', () => {
    const tips = tooltipsOf(renderChart(json(), { title: 'Falls' }));
    expect(tips).toHaveLength(VALUES.length);
    expect(tips[10]).toMatch(/^Jan 2024: 14\nSpecial cause improvement\nRules: /);
  });

  it('sizes the chart to its column, taller for its width on a phone', () => {
    expect(chartSize(328)).toEqual({ width: 330, height: 460 });
    expect(chartSize(960)).toEqual({ width: 960, height: 420 });
    expect(chartSize(100)).toEqual({ width: 300, height: 460 });
  });
});
