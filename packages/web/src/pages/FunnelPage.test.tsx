// @vitest-environment jsdom
import { fakeApi, renderPage, currentUrl, SIGNED_IN, SIGNED_OUT } from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schema } from '../api/client';
import FunnelPage from './FunnelPage';

const ID = '40000000-0000-4000-8000-000000000004';
const PATH = `/api/v1/measures/${ID}/funnel`;
const ROUTE = '/measures/:measureId/funnel';
const PROJECT = '70000000-0000-4000-8000-000000000001';

const MEASURE: Schema<'Measure'> = {
  id: ID,
  ownerOrganisationId: null,
  code: 'ae-4-hour',
  name: 'A&E 4-hour performance',
  description: 'Share of attendances seen within 4 hours.',
  unitLabel: '%',
  dataType: 'proportion',
  chartType: 'pp',
  spcOptions: { direction: 'increase' },
  domain: 'effectiveness',
  owner: null,
  source: null,
  visibility: 'public',
  frequency: 'month',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

function point(
  i: number,
  name: string,
  overrides: Partial<Schema<'FunnelPoint'>> = {},
): Schema<'FunnelPoint'> {
  return {
    organisation: {
      id: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`,
      odsCode: `R${i}`,
      name,
      kind: 'provider',
    },
    label: name,
    numerator: 800,
    denominator: 1000,
    periods: 1,
    value: 0.8,
    z: 0.1,
    limits: [
      { level: 95, lower: 0.77, upper: 0.83 },
      { level: 99.8, lower: 0.75, upper: 0.85 },
    ],
    position: 'within',
    assessment: 'expected',
    outlier: false,
    words: 'As expected: within the 95% limits',
    mine: false,
    projects: [],
    ...overrides,
  };
}

function funnel(overrides: Partial<Schema<'Funnel'>> = {}): Schema<'Funnel'> {
  return {
    measure: MEASURE,
    unit: 'Type 1 A&E',
    levels: [
      { unit: 'Type 1 A&E', organisations: 3 },
      { unit: 'Other A&E', organisations: 2 },
    ],
    window: 'latest',
    among: 'all',
    period: { from: '2019-03-01', to: '2019-03-01' },
    type: 'proportion',
    direction: 'increase',
    target: 0.8,
    overdispersion: { requested: true, phi: 12.5, tau2: 0.01, adjusted: true, retained: 3 },
    points: [
      point(1, 'Alpha Trust', { mine: true }),
      point(2, 'Beta Hospitals', {
        value: 0.99,
        numerator: 990,
        position: 'above_99_8',
        assessment: 'better',
        outlier: true,
        words: 'Better than expected (outlier): above the upper 99.8% limit',
        projects: [
          {
            id: PROJECT,
            title: 'Streaming at the front door',
            stage: 'complete',
            aim: 'See everyone within four hours',
            publishedAt: '2018-06-01T09:00:00.000Z',
          },
        ],
      }),
      point(3, 'Gamma Care', {
        value: 0.6,
        position: 'below_95',
        assessment: 'worse',
        words: 'Possibly worse than expected: below the lower 95% limit, within the 99.8% limits',
      }),
    ],
    curves: [],
    missing: [
      { id: 'cccccccc-0000-4000-8000-000000000009', odsCode: 'R9', name: 'Late Trust', kind: 'provider' },
    ],
    highlighted: 'cccccccc-0000-4000-8000-000000000001',
    svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450" role="img" aria-labelledby="t"><title id="t">Funnel plot of A&amp;E 4-hour performance</title><circle class="point point-high" data-unit="Beta Hospitals" cx="1" cy="1" r="2"/></svg>',
    description: 'A&E 4-hour performance: 3 organisations against the overall proportion of 80.0%.',
    warnings: [],
    ...overrides,
  };
}

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
  fakeApi.on('GET', PATH, () => funnel());
});
afterEach(cleanup);

describe('FunnelPage', () => {
  it('says it is loading, then shows an error summary when the measure has no funnel', async () => {
    fakeApi.on(
      'GET',
      PATH,
      () =>
        new Response(
          JSON.stringify({
            error: { code: 'conflict', message: 'a funnel plot needs a proportion or a rate', details: {} },
          }),
          { status: 409, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    renderPage(<FunnelPage />, `/measures/${ID}/funnel`, ROUTE);
    expect(await screen.findByText('Loading the funnel plot…')).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'a funnel plot needs a proportion or a rate',
    );
  });

  it('shows the chart with its text alternative, the outlier with its projects, and the table with my organisation', async () => {
    const view = renderPage(<FunnelPage />, `/measures/${ID}/funnel`, ROUTE);
    expect((await screen.findByRole('heading', { level: 1, name: /A&E 4-hour/ })).textContent).toBe(
      'Funnel plot across organisations' + 'A&E 4-hour performance',
    );
    // The chart is an image named by its title; its description is also shown as text.
    expect(screen.getByRole('img', { name: 'Funnel plot of A&E 4-hour performance' })).toBeTruthy();
    expect(view.container.querySelector('figcaption')!.textContent).toContain(
      '3 organisations against the overall proportion of 80.0%',
    );
    expect(view.container.querySelector('figcaption')!.textContent).toContain('overdispersion φ = 12.5');
    expect(screen.getByText(/3 organisations \(Type 1 A&E\), March 2019/)).toBeTruthy();
    expect(screen.getByText('1 organisation has no data for these periods')).toBeTruthy();

    // The positive outlier first, linking to how they did it.
    const outliers = screen.getByRole('region', { name: 'Outliers' });
    expect(outliers.textContent).toContain('Beta Hospitals is better than expected');
    expect(
      within(outliers).getByRole('link', { name: 'Streaming at the front door' }).getAttribute('href'),
    ).toBe(`/projects/${PROJECT}`);

    // The table: alphabetical, positions in words, my organisation marked in words.
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Alpha Trust Your organisation',
      'Beta Hospitals',
      'Gamma Care',
    ]);
    expect(rows[0]!.className).toContain('gs-funnel-mine');
    expect(rows[1]!.textContent).toContain('99.0%');
    expect(rows[1]!.textContent).toContain('Better than expected (outlier)');
    expect(within(rows[1]!).getByRole('link', { name: 'Streaming at the front door' })).toBeTruthy();
    expect(rows[2]!.textContent).toContain('Possibly worse than expected');
    expect(rows[2]!.textContent).toContain('None published');
    expect(within(rows[0]!).getByRole('link', { name: 'Alpha Trust' }).getAttribute('href')).toBe(
      '/organisations/R1',
    );
    // Back to each organisation's own chart.
    expect(screen.getByRole('link', { name: /own SPC chart/ }).getAttribute('href')).toBe(
      `/measures/${ID}/compare?unit=Type%201%20A%26E`,
    );
  });

  it('keeps the choice in the address and asks the API for it; the providers option only when signed in', async () => {
    const view = renderPage(<FunnelPage />, `/measures/${ID}/funnel`, ROUTE);
    await screen.findByRole('table');
    expect(screen.queryByRole('group', { name: 'Organisations' })).toBeNull();
    fireEvent.click(screen.getByLabelText('The latest 12 months, added together'));
    fireEvent.click(screen.getByLabelText(/Other A&E/));
    fireEvent.click(screen.getByLabelText(/Widen the limits/));
    fireEvent.click(screen.getByRole('button', { name: 'Show the funnel plot' }));
    await waitFor(() => {
      expect(currentUrl(view)).toBe(
        `/measures/${ID}/funnel?unit=Other+A%26E&window=12-months&overdispersion=false`,
      );
    });
    await waitFor(() => {
      const last = fakeApi.calls('GET', PATH).at(-1)!;
      expect(Object.fromEntries(last.query)).toEqual({
        unit: 'Other A&E',
        window: '12-months',
        among: 'all',
        overdispersion: 'false',
      });
    });
    cleanup();

    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    fakeApi.on('GET', PATH, () => funnel({ among: 'granted' }));
    renderPage(<FunnelPage />, `/measures/${ID}/funnel?among=granted`, ROUTE);
    const providers = await screen.findByRole('group', { name: 'Organisations' });
    expect(within(providers).getByLabelText<HTMLInputElement>(/granted my organisation access/).checked).toBe(
      true,
    );
    expect(screen.getByText(/of those that granted your organisation access/)).toBeTruthy();
  });

  it('says plainly when no organisation lies outside the limits, and when there is nothing to plot', async () => {
    fakeApi.on('GET', PATH, () => funnel({ points: [point(1, 'Alpha Trust')], missing: [] }));
    renderPage(<FunnelPage />, `/measures/${ID}/funnel`, ROUTE);
    expect(await screen.findByText(/none is an outlier/)).toBeTruthy();
    cleanup();
    fakeApi.on('GET', PATH, () =>
      funnel({ points: [], svg: null, period: null, target: null, description: 'No organisation has data.' }),
    );
    renderPage(<FunnelPage />, `/measures/${ID}/funnel`, ROUTE);
    expect(await screen.findByText('No organisation has data to compare here.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
