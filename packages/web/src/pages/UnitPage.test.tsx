// @vitest-environment jsdom
import {
  answer,
  aDashboard,
  fetchedUrls,
  fetchMock,
  RECOMMEND,
  renderRoute,
  ULCERS,
  UNIT_TREE,
} from '../components/dashboard/test-support';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import UnitPage from './UnitPage';

const ROUTE = '/organisations/:ref/units/:unitId';
const MEDICINE = UNIT_TREE.items[0]!;
const WARD_10 = MEDICINE.children[0]!;

beforeEach(() => {
  fetchMock.mockReset();
});
afterEach(cleanup);

describe('UnitPage', () => {
  it('says it is loading while the unit’s dashboard is on its way', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': 'pending',
      '/api/v1/organisations/RF4/units': UNIT_TREE,
    });
    renderRoute(ROUTE, `/organisations/RF4/units/${MEDICINE.id}`, <UnitPage />);
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading the unit's dashboard/);
  });

  it('shows an error summary when the dashboard cannot be read', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': {
        status: 404,
        body: { error: { code: 'not_found', message: 'the unit does not exist in this organisation' } },
      },
      '/api/v1/organisations/RF4/units': UNIT_TREE,
    });
    renderRoute(ROUTE, `/organisations/RF4/units/${MEDICINE.id}`, <UnitPage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the unit does not exist in this organisation');
    expect(screen.getByRole('link', { name: /organisation's overview/ }).getAttribute('href')).toBe(
      '/organisations/RF4',
    );
  });

  it('shows an error summary for a unit that is not in the tree', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard(),
      '/api/v1/organisations/RF4/units': UNIT_TREE,
    });
    renderRoute(ROUTE, '/organisations/RF4/units/99999999-9999-4999-8999-999999999999', <UnitPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('no such unit');
  });

  it('reads the unit and every unit under it, with breadcrumbs and its child units', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard([RECOMMEND, ULCERS]),
      '/api/v1/organisations/RF4/units': UNIT_TREE,
      '/api/v1/organisations/RF4/units/': {
        unit: { id: MEDICINE.id, name: 'Medicine' },
        tree: [],
        serves: [],
      },
    });
    const { container } = renderRoute(ROUTE, `/organisations/RF4/units/${MEDICINE.id}`, <UnitPage />);
    const h1 = await screen.findByRole('heading', { level: 1, name: /Medicine/ });
    expect(h1.textContent).toBe('Division · Barking Test Trust' + 'Medicine');
    expect(fetchedUrls()).toContain(`/api/v1/organisations/RF4/dashboard?unit=${MEDICINE.id}&subtree=true`);
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const items = within(crumbs).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Organisations', 'Barking Test Trust']);
    expect(within(items[1]!).getByRole('link').getAttribute('href')).toBe('/organisations/RF4');
    const children = screen.getByRole('region', { name: 'Units in Medicine' });
    expect(
      within(children)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Ward 10', 'Ward 12']);
    expect(within(children).getAllByRole('link')[0]!.getAttribute('href')).toBe(
      `/organisations/RF4/units/${WARD_10.id}`,
    );
    expect(container.querySelectorAll('figure.gs-card svg.sparkline')).toHaveLength(2);
    const unit = screen.getByLabelText<HTMLSelectElement>('Unit');
    expect([...unit.options].map((o) => o.textContent)).toEqual([
      'Medicine and every unit under it',
      'Medicine only',
      'Ward 10',
      'Ward 12',
    ]);
  });

  it('breadcrumbs a ward through its division, and filters its own series', async () => {
    answer({
      '/api/v1/organisations/RF4/dashboard': aDashboard([RECOMMEND]),
      '/api/v1/organisations/RF4/units': UNIT_TREE,
      '/api/v1/organisations/RF4/units/': { unit: { id: WARD_10.id, name: 'Ward 10' }, tree: [], serves: [] },
    });
    renderRoute(ROUTE, `/organisations/RF4/units/${WARD_10.id}?domain=experience`, <UnitPage />);
    await screen.findByRole('heading', { level: 1, name: /Ward 10/ });
    expect(await screen.findByText('Ward 10 has no goals yet, or none that you can see.')).toBeTruthy();
    expect(fetchedUrls()).toContain(`/api/v1/organisations/RF4/units/${WARD_10.id}/goals`);
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(
      within(crumbs)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Organisations', 'Barking Test Trust', 'Medicine']);
    // A back link to the parent, for narrow screens.
    const back = crumbs.querySelector('a.nhsuk-back-link')!;
    expect(back.textContent).toBe('Back to Medicine');
    expect(back.getAttribute('href')).toBe(`/organisations/RF4/units/${MEDICINE.id}`);
    await waitFor(() => {
      expect(fetchedUrls()).toContain(
        `/api/v1/organisations/RF4/dashboard?unit=${WARD_10.id}&subtree=true&domain=experience`,
      );
    });
    // A ward without units under it has no unit filter.
    expect(screen.queryByLabelText('Unit')).toBeNull();
    expect(screen.queryByRole('region', { name: /Units in/ })).toBeNull();
  });
});
