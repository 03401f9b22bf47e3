// @vitest-environment jsdom
import {
  answer,
  aDashboard,
  fetchedUrls,
  fetchMock,
  FALLS,
  ORGANISATION,
  renderRoute,
  UNIT_TREE,
} from '../components/dashboard/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import OverviewPage from './OverviewPage';

const ROUTE = '/organisations/:ref';

beforeEach(() => {
  fetchMock.mockReset();
});
afterEach(cleanup);

describe('OverviewPage', () => {
  it('says it is loading while the dashboard is on its way', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': 'pending',
      '/api/v1/organisations/RF4/units': 'pending',
    });
    renderRoute(ROUTE, '/organisations/RF4', <OverviewPage />);
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading the organisation's dashboard/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Organisation overview');
  });

  it('shows the server’s message in an error summary when the organisation is unknown', async () => {
    answer({
      '/api/v1/organisations/ZZZ99/dashboard': {
        status: 404,
        body: { error: { code: 'not_found', message: 'no organisation has the id or ODS code "ZZZ99"' } },
      },
      '/api/v1/organisations/ZZZ99/units': {
        status: 404,
        body: { error: { code: 'not_found', message: 'no' } },
      },
    });
    renderRoute(ROUTE, '/organisations/ZZZ99', <OverviewPage />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe(
      "Could not load the organisation's dashboard",
    );
    expect(alert.textContent).toContain('no organisation has the id or ODS code "ZZZ99"');
    expect(screen.getByRole('link', { name: 'Choose another organisation' }).getAttribute('href')).toBe('/');
  });

  it('shows the organisation, its top-level units, the summary matrix and a card per series', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard(),
      '/api/v1/organisations/RF4/units': UNIT_TREE,
    });
    const { container } = renderRoute(ROUTE, '/organisations/RF4', <OverviewPage />);
    const h1 = await screen.findByRole('heading', { level: 1, name: /Barking Test Trust/ });
    expect(h1.textContent).toBe('ODS code RF4Barking Test Trust');
    expect(document.title).toBe('Barking Test Trust – Groundswell');
    const units = await screen.findByRole('region', { name: 'Units' });
    const links = within(units).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Medicine', 'Surgery']);
    expect(links[0]!.getAttribute('href')).toBe(`/organisations/RF4/units/${UNIT_TREE.items[0]!.id}`);
    expect(screen.getByRole('table', { name: /variation \(rows\)/ })).toBeTruthy();
    expect(container.querySelectorAll('figure.gs-card svg.sparkline')).toHaveLength(3);
    expect(screen.getByText('Showing all 3 measures.')).toBeTruthy();
    // Headings in order: h1, then h2 sections, cards at h3.
    const levels = [...container.querySelectorAll('h1, h2, h3')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(fetchedUrls()).toContain('/api/v1/organisations/RF4/dashboard');
  });

  it('reads a chosen matrix cell from the URL through the API’s variation and assurance filters', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard(),
      '/api/v1/organisations/RF4/units': UNIT_TREE,
    });
    renderRoute(
      ROUTE,
      '/organisations/RF4?domain=safety&variation=improvement_low&assurance=pass',
      <OverviewPage />,
    );
    await screen.findByRole('heading', { level: 1, name: /Barking Test Trust/ });
    await waitFor(() => {
      expect(fetchedUrls()).toContain(
        '/api/v1/organisations/RF4/dashboard?domain=safety&variation=improvement_low&assurance=pass',
      );
    });
    // The matrix itself is read without the cell, so that every cell still counts and names its measures.
    expect(fetchedUrls()).toContain('/api/v1/organisations/RF4/dashboard?domain=safety');
    expect(screen.getByLabelText<HTMLSelectElement>('Domain').value).toBe('safety');
    expect(screen.getByLabelText<HTMLSelectElement>('Variation').value).toBe('improvement_low');
    expect(screen.getByRole('link', { name: /Showing 1 measure/ }).getAttribute('aria-current')).toBe('true');
  });

  it('shows only the measure a link names (`?measure=`: the catalogue, an import’s result)', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard([FALLS]),
      '/api/v1/organisations/RF4/units': UNIT_TREE,
    });
    renderRoute(ROUTE, '/organisations/RF4?measure=demo-falls', <OverviewPage />);
    expect(await screen.findByText('Showing all 1 measure: Falls per 1,000 bed days.')).toBeTruthy();
    expect(fetchedUrls()).toContain('/api/v1/organisations/RF4/dashboard?measure=demo-falls');
    expect(fetchedUrls()).not.toContain('/api/v1/organisations/RF4/dashboard');
    // Choosing a cell keeps the measure; the filters can be cleared.
    const cell = screen.getByRole('link', { name: /^Show 1 measure:/ });
    expect(cell.getAttribute('href')).toMatch(/measure=demo-falls/);
    expect(screen.getByRole('link', { name: 'Clear filters' })).toBeTruthy();
  });

  it('applies the filters to the URL (and the API query) only when asked', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard(),
      '/api/v1/organisations/RF4/units': UNIT_TREE,
    });
    renderRoute(ROUTE, '/organisations/RF4', <OverviewPage />);
    await screen.findByRole('heading', { level: 1, name: /Barking Test Trust/ });
    const unit = screen.getByLabelText<HTMLSelectElement>('Unit');
    expect([...unit.options].map((o) => o.textContent)).toEqual([
      'All (organisation and units)',
      'Whole organisation only',
      'Medicine',
      '— Ward 10',
      '— Ward 12',
      'Surgery',
    ]);
    fireEvent.change(unit, { target: { value: UNIT_TREE.items[0]!.id } });
    fireEvent.change(screen.getByLabelText('Assurance'), { target: { value: 'none' } });
    // Choosing an option changes nothing yet.
    expect(fetchedUrls().some((url) => url.includes('assurance=none'))).toBe(false);
    expect(screen.queryByRole('link', { name: 'Clear filters' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => {
      expect(fetchedUrls()).toContain(
        `/api/v1/organisations/RF4/dashboard?unit=${UNIT_TREE.items[0]!.id}&subtree=true&assurance=none`,
      );
    });
    expect(screen.getByRole('link', { name: 'Clear filters' })).toBeTruthy();
  });

  it('says so when an organisation has no units', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard([FALLS]),
      '/api/v1/organisations/RF4/units': { items: [] },
    });
    renderRoute(ROUTE, '/organisations/RF4', <OverviewPage />);
    expect(
      await screen.findByText(/has no units: every measure is for the organisation as a whole/),
    ).toBeTruthy();
    expect(screen.getByText(ORGANISATION.name, { selector: 'h1 *, h1' })).toBeTruthy();
  });
});
