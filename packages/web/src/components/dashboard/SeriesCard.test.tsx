// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { FALLS, RECOMMEND, ULCERS } from './test-support';
import { SeriesCard } from './SeriesCard';
import type { SeriesCardProps } from './SeriesCard';

afterEach(cleanup);

function renderCard(props: SeriesCardProps): HTMLElement {
  const { container } = render(
    <MemoryRouter>
      <SeriesCard {...props} />
    </MemoryRouter>,
  );
  return container.querySelector('figure.gs-card')!;
}

describe('SeriesCard', () => {
  it('is a figure captioned by its measure (a link to the series), its unit, icons in words, latest value and target', () => {
    const card = renderCard({ series: FALLS });
    expect(card.tagName).toBe('FIGURE');
    const caption = card.querySelector('figcaption')!;
    const heading = within(caption).getByRole('heading', { level: 3 });
    const link = within(heading).getByRole('link');
    expect(link.getAttribute('href')).toBe(`/series/${FALLS.id}`);
    expect(link.textContent).toBe('Falls per 1,000 bed days, Whole organisation');
    expect(caption.textContent).toContain('Whole organisation');
    expect(card.textContent).toContain('Special cause improvement (low)');
    expect(card.textContent).toContain('Consistently passing the target');
    const facts = card.querySelector('dl')!;
    expect(facts.textContent).toContain('Latest4 falls per 1,000 bed days (Dec 2024)');
    expect(facts.textContent).toContain('Target5 falls per 1,000 bed days');
    expect(screen.queryByText('Synthetic demo data')).toBeNull();
  });

  it('draws the sparkline inside the figure, with a title and a text alternative', () => {
    const card = renderCard({ series: FALLS });
    const svg = card.querySelector('svg.sparkline')!;
    expect(svg).toBeTruthy();
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe(
      'Chart of Falls per 1,000 bed days, whole organisation',
    );
    const desc = svg.querySelector('desc')?.textContent ?? '';
    expect(desc).toContain('12 points from January 2024 to December 2024');
    expect(desc).toContain('4 special cause improvement');
    expect(svg.getAttribute('aria-labelledby')).toBe(`spark-${FALLS.id}-title spark-${FALLS.id}-desc`);
  });

  it('writes proportions as percentages and says when there is no target', () => {
    const card = renderCard({ series: RECOMMEND });
    expect(card.textContent).toContain('92.5%');
    expect(card.textContent).toContain('TargetNone');
    expect(card.textContent).toContain('No target');
    expect(card.querySelector('svg.sparkline desc')?.textContent).toContain('Latest value 92.5%');
  });

  it('marks synthetic demo measures', () => {
    const card = renderCard({ series: RECOMMEND });
    expect(within(card).getByText('Synthetic demo data').className).toContain('nhsuk-tag');
  });

  it('says when a series has too few points for limits and is shown as a run chart', () => {
    const card = renderCard({ series: ULCERS });
    expect(card.textContent).toContain(
      'Run chart: too few points for process limits (8 points: at least 15 are needed for limits).',
    );
    expect(card.textContent).toContain('No assurance: no process limits yet');
    expect(card.querySelector('svg.sparkline desc')?.textContent).toContain(
      'Run chart: no process limits (too few points)',
    );
    expect(renderCard({ series: FALLS }).textContent).not.toContain('Run chart');
  });

  it('links a shared measure to its comparison across organisations, at the series’ level', () => {
    const card = renderCard({ series: FALLS });
    const compare = within(card).getByRole('link', { name: /Compare across organisations/ });
    expect(compare.getAttribute('href')).toBe(`/measures/${FALLS.measure.id}/compare`);
    cleanup();
    const unitCard = renderCard({ series: { ...FALLS, unit: { id: ULCERS.unit!.id, name: 'Type 1 A&E' } } });
    expect(
      within(unitCard)
        .getByRole('link', { name: /Compare across organisations/ })
        .getAttribute('href'),
    ).toBe(`/measures/${FALLS.measure.id}/compare?unit=Type+1+A%26E`);
    cleanup();
    // An organisation's own measure has nothing to compare with.
    expect(within(renderCard({ series: RECOMMEND })).queryByRole('link', { name: /Compare/ })).toBeNull();
    cleanup();
    expect(
      within(renderCard({ series: FALLS, compare: false })).queryByRole('link', { name: /Compare/ }),
    ).toBeNull();
  });

  it('takes another heading and context (an organisation, on the comparison page)', () => {
    const card = renderCard({
      series: FALLS,
      heading: 'Barking Test Trust',
      context: 'RF4 · Whole organisation',
    });
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe(
      'Barking Test Trust, Whole organisation',
    );
    expect(card.textContent).toContain('RF4 · Whole organisation');
    expect(card.querySelector('svg.sparkline title')?.textContent).toBe(
      'Chart of Falls per 1,000 bed days, Barking Test Trust',
    );
  });

  it('says when a series has no data yet', () => {
    const card = renderCard({
      series: {
        ...FALLS,
        pointCount: 0,
        latest: null,
        target: null,
        icons: { variation: 'none', assurance: null },
        sparkline: {
          ...FALLS.sparkline,
          periods: [],
          values: [],
          mean: [],
          lower: [],
          upper: [],
          target: null,
          improvement: [],
        },
      },
    });
    expect(card.textContent).toContain('LatestNo data yet');
    expect(card.textContent).not.toContain('Run chart');
  });
});
