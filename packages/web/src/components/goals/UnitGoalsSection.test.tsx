// @vitest-environment jsdom
import { fakeApi, renderPage, SIGNED_OUT } from '../../test-support/fake-api';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FALLS, FOUR_HOUR } from './test-support';
import { UnitGoalsSection } from './UnitGoalsSection';

const WARD = FALLS.unitId!;

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
});
afterEach(() => {
  cleanup();
});

const render = (): ReturnType<typeof renderPage> =>
  renderPage(
    <UnitGoalsSection odsCode="RF4" unitId={WARD} unitName="Ward 10 (acute medicine)" />,
    '/unit',
    '/unit',
  );

describe('UnitGoalsSection', () => {
  it('shows the unit’s goals with their status and the goals above that they serve', async () => {
    fakeApi.on('GET', `/api/v1/organisations/RF4/units/${WARD}/goals`, () => ({
      unit: { id: WARD, name: 'Ward 10 (acute medicine)' },
      tree: [{ ...FALLS, children: [] }],
      serves: [FOUR_HOUR],
    }));
    render();
    const goal = await screen.findByRole('heading', { name: FALLS.title });
    const card = goal.closest('article')!;
    expect(within(card).getByText('At risk')).toBeTruthy();
    expect(card.textContent).toContain(FALLS.status.reason);
    const serves = screen.getByRole('heading', { name: 'The goals they serve' }).nextElementSibling!;
    expect(serves.textContent).toContain(FOUR_HOUR.title);
    expect(within(serves as HTMLElement).getByText('Off track')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Every goal of the organisation' }).getAttribute('href')).toBe(
      '/organisations/RF4/goals',
    );
  });

  it('says when the unit has no goals', async () => {
    fakeApi.on('GET', `/api/v1/organisations/RF4/units/${WARD}/goals`, () => ({
      unit: { id: WARD, name: 'Ward 10 (acute medicine)' },
      tree: [],
      serves: [],
    }));
    render();
    expect(await screen.findByText(/Ward 10 \(acute medicine\) has no goals yet/)).toBeTruthy();
  });
});
