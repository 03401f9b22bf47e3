// @vitest-environment jsdom
import { answer, fetchedUrls, fetchMock, FALLS, renderRoute } from '../components/dashboard/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schema } from '../api/client';
import ComparePage from './ComparePage';

const ROUTE = '/measures/:measureId/compare';
const ID = FALLS.measure.id;
const PATH = `/api/v1/measures/${ID}/comparison`;

const MEASURE: Schema<'Measure'> = {
  id: ID,
  ownerOrganisationId: null,
  code: 'falls',
  name: 'Falls per 1,000 bed days',
  description: 'Inpatient falls.',
  unitLabel: 'falls per 1,000 bed days',
  dataType: 'rate',
  chartType: 'up',
  spcOptions: {},
  domain: 'safety',
  owner: null,
  source: null,
  visibility: 'public',
  frequency: 'month',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

function organisation(i: number, name: string): Schema<'ComparisonItem'> {
  const id = `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    organisation: { id, odsCode: `R${i}`, name, kind: 'provider' },
    series: { ...FALLS, id: `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}` },
  };
}

function comparison(overrides: Partial<Schema<'Comparison'>> = {}): Schema<'Comparison'> {
  return {
    measure: MEASURE,
    unit: null,
    levels: [
      { unit: null, organisations: 3 },
      { unit: 'Type 1 A&E', organisations: 2 },
    ],
    total: 3,
    matching: 3,
    items: [organisation(1, 'Alpha Trust'), organisation(2, 'Beta Hospitals'), organisation(3, 'Gamma Care')],
    nextCursor: null,
    ...overrides,
  };
}

beforeEach(() => {
  fetchMock.mockReset();
});
afterEach(cleanup);

describe('ComparePage', () => {
  it('says it is loading while the comparison is on its way', async () => {
    answer({ [PATH]: 'pending' });
    renderRoute(ROUTE, `/measures/${ID}/compare`, <ComparePage />);
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading the comparison/);
  });

  it('shows an error summary when the measure is unknown', async () => {
    answer({
      [PATH]: { status: 404, body: { error: { code: 'not_found', message: 'no measure has this id' } } },
    });
    renderRoute(ROUTE, `/measures/${ID}/compare`, <ComparePage />);
    expect((await screen.findByRole('alert')).textContent).toContain('no measure has this id');
  });

  it('shows a card per organisation in the order given (alphabetical), says how many, and that it is not a league table', async () => {
    answer({ [PATH]: comparison() });
    const { container } = renderRoute(ROUTE, `/measures/${ID}/compare`, <ComparePage />);
    expect((await screen.findByRole('heading', { level: 1, name: /Falls/ })).textContent).toBe(
      'Compare across organisations' + 'Falls per 1,000 bed days',
    );
    expect(screen.getByRole('heading', { name: 'This is not a league table' })).toBeTruthy();
    expect(screen.getByText(/never ranked/).textContent).toContain('against its own past');
    const cards = [...container.querySelectorAll('figure.gs-card')];
    expect(cards).toHaveLength(3);
    expect(cards.map((card) => card.querySelector('h3')?.textContent)).toEqual([
      'Alpha Trust, Whole organisation',
      'Beta Hospitals, Whole organisation',
      'Gamma Care, Whole organisation',
    ]);
    expect(container.querySelectorAll('figure.gs-card svg.sparkline')).toHaveLength(3);
    expect(
      within(cards[0] as HTMLElement)
        .getByRole('link', { name: /Overview of Alpha Trust/ })
        .getAttribute('href'),
    ).toBe('/organisations/R1');
    // No link to compare from the comparison itself.
    expect(screen.queryByRole('link', { name: /Compare across organisations/ })).toBeNull();
    expect(
      screen.getByText(/3 organisations record this measure as a whole organisation/).textContent,
    ).toContain('Showing all 3, in alphabetical order');
    expect(fetchedUrls()[0]).toBe(`${PATH}?limit=24`);
  });

  it('shows more organisations a page at a time', async () => {
    const first = comparison({ total: 30, matching: 30, nextCursor: 'next-page' });
    answer({ [PATH]: first });
    const { container } = renderRoute(ROUTE, `/measures/${ID}/compare`, <ComparePage />);
    const more = await screen.findByRole('button', { name: 'Show 24 more organisations' });
    answer({ [PATH]: comparison({ total: 30, matching: 30, items: [organisation(4, 'Delta Health')] }) });
    fireEvent.click(more);
    await waitFor(() => {
      expect(container.querySelectorAll('figure.gs-card')).toHaveLength(4);
    });
    expect(fetchedUrls()).toContain(`${PATH}?limit=24&cursor=next-page`);
    expect(screen.queryByRole('button', { name: /more organisations/ })).toBeNull();
  });

  it('searches by name and chooses the level, in the URL', async () => {
    answer({ [PATH]: comparison() });
    renderRoute(ROUTE, `/measures/${ID}/compare`, <ComparePage />);
    await screen.findByRole('heading', { level: 1, name: /Falls/ });
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.parentElement?.textContent)).toEqual([
      'Organisation as a whole (3 organisations)',
      'Type 1 A&E (2 organisations)',
    ]);
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    fireEvent.click(radios[1]!);
    fireEvent.change(screen.getByLabelText('Organisation name or ODS code'), { target: { value: 'beta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show organisations' }));
    await waitFor(() => {
      expect(fetchedUrls()).toContain(`${PATH}?limit=24&unit=Type%201%20A%26E&search=beta`);
    });
  });

  it('shows the level most organisations record when none records the measure as a whole', async () => {
    answer({
      [PATH]: comparison({
        total: 0,
        matching: 0,
        items: [],
        levels: [
          { unit: 'Other A&E', organisations: 5 },
          { unit: 'Type 1 A&E', organisations: 9 },
        ],
      }),
    });
    renderRoute(ROUTE, `/measures/${ID}/compare`, <ComparePage />);
    await waitFor(() => {
      expect(fetchedUrls()).toContain(`${PATH}?limit=24&unit=Type%201%20A%26E`);
    });
  });

  it('says when no organisation matches the search', async () => {
    answer({ [PATH]: comparison({ matching: 0, items: [] }) });
    renderRoute(ROUTE, `/measures/${ID}/compare?q=zeta`, <ComparePage />);
    expect(await screen.findByText('No organisation matches “zeta”.')).toBeTruthy();
    expect(fetchedUrls()[0]).toBe(`${PATH}?limit=24&search=zeta`);
  });

  it('links a shared measure with a denominator to its funnel plot at the level shown, and no other', async () => {
    answer({ [PATH]: comparison({ unit: 'Type 1 A&E' }) });
    renderRoute(ROUTE, `/measures/${ID}/compare?unit=Type%201%20A%26E`, <ComparePage />);
    const link = await screen.findByRole('link', { name: /funnel plot/ });
    expect(link.getAttribute('href')).toBe(`/measures/${ID}/funnel?unit=Type%201%20A%26E`);
    cleanup();
    answer({ [PATH]: comparison({ measure: { ...MEASURE, dataType: 'count', chartType: 'c' } }) });
    renderRoute(ROUTE, `/measures/${ID}/compare`, <ComparePage />);
    await screen.findByRole('heading', { level: 1, name: /Falls/ });
    expect(screen.queryByRole('link', { name: /funnel plot/ })).toBeNull();
  });
});
