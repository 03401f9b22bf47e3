// @vitest-environment jsdom
import { fakeApi, renderPage, sessionOf, USER } from '../test-support/fake-api';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { UnitNode } from '../components/dashboard/units';
import { ledUnitIds } from '../components/goals/unit-lead';
import { AIM, DASHBOARD, FALLS, FOUR_HOUR, goalList, LOOSE, ORG } from '../components/goals/test-support';
import GoalsPage from './GoalsPage';

const WARD_10 = FALLS.unitId!;
const BAY = 'b0000000-0000-4000-8000-0000000000b1';
const WARD_12 = 'b0000000-0000-4000-8000-000000000002';
const node = (id: string, name: string, parentId: string | null, children: UnitNode[] = []): UnitNode => ({
  id,
  organisationId: ORG.id,
  parentId,
  kind: 'ward',
  name,
  createdAt: '2020-01-01T00:00:00.000Z',
  children,
});
const TREE = [
  node('b0000000-0000-4000-8000-0000000000d1', 'Medicine', null, [
    node(WARD_10, 'Ward 10 (acute medicine)', 'b0000000-0000-4000-8000-0000000000d1', [
      node(BAY, 'Bay A', WARD_10),
    ]),
    node(WARD_12, 'Ward 12 (respiratory)', 'b0000000-0000-4000-8000-0000000000d1'),
  ]),
];
const UNIT_LEAD = sessionOf({
  ...USER,
  memberships: [{ ...USER.memberships[0]!, organisationId: ORG.id, role: 'unit_lead', unitId: WARD_10 }],
});
const WARD_10_SERIES = {
  ...DASHBOARD.series[0]!,
  id: '90000000-0000-4000-8000-000000000010',
  measure: { ...DASHBOARD.series[0]!.measure, name: 'Falls on Ward 10' },
  unit: { id: WARD_10, name: 'Ward 10 (acute medicine)' },
};

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  fakeApi.on('GET', '/api/v1/auth/session', () => UNIT_LEAD);
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/units', () => ({ items: TREE }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/aims', () => ({ items: [AIM] }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/goals', () => goalList([FOUR_HOUR, FALLS, LOOSE]));
  fakeApi.on('GET', '/api/v1/organisations/RF4/dashboard', () => ({
    ...DASHBOARD,
    series: [...DASHBOARD.series, WARD_10_SERIES],
  }));
});
afterEach(cleanup);

describe('GoalsPage for a unit lead', () => {
  it('offers changing and removing only the goals of their unit and the units under it, and adding one there', async () => {
    renderPage(<GoalsPage />, '/organisations/RF4/goals', '/organisations/:ref/goals');
    await screen.findByRole('button', { name: `Change the goal “${FALLS.title}”` });
    expect(screen.getByRole('button', { name: `Remove the goal “${LOOSE.title}”` })).toBeTruthy();
    expect(screen.queryByRole('button', { name: `Change the goal “${FOUR_HOUR.title}”` })).toBeNull();
    expect(screen.queryByRole('button', { name: `Remove the goal “${FOUR_HOUR.title}”` })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add a strategic aim|the aim/ })).toBeNull();
    expect(screen.queryByText(/You need the role of/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add a goal for Ward 10 (acute medicine)' }));
    const select = await screen.findByLabelText<HTMLSelectElement>('Measure');
    const labels = [...select.options].map((o) => o.textContent);
    expect(labels.some((l) => l.includes('Falls on Ward 10'))).toBe(true);
    expect(labels.some((l) => l.includes('Ward 12'))).toBe(false);
    expect(within(select.closest('form')!).getByRole('button', { name: /Cancel|No/ })).toBeTruthy();
  });
});

describe('ledUnitIds', () => {
  it('is the unit lead’s unit and every unit under it; empty for other roles and organisations', () => {
    expect([...ledUnitIds(UNIT_LEAD.user, ORG.id, TREE)].sort()).toEqual([BAY, WARD_10].sort());
    expect(ledUnitIds(UNIT_LEAD.user, 'another', TREE).size).toBe(0);
    expect(ledUnitIds(USER, ORG.id, TREE).size).toBe(0);
    expect(ledUnitIds(null, ORG.id, TREE).size).toBe(0);
  });
});
