// @vitest-environment jsdom
import {
  fakeApi,
  renderPage,
  sessionOf,
  SIGNED_OUT,
  WARD_ID,
  withRole,
} from '../components/projects/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Portfolio } from '../components/projects/data';
import ProjectsPage from './ProjectsPage';

const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const PORTFOLIO: Portfolio = {
  items: [
    {
      id: '70000000-0000-4000-8000-000000000001',
      title: 'Fewer falls at night',
      stage: 'testing',
      unit: { id: WARD_ID, name: 'Ward 10' },
      visibility: 'internal',
      lead: { userId: '20000000-0000-4000-8000-000000000001', displayName: 'Demo QI lead' },
      cycles: 2,
      latestCycleOn: '2026-10-01',
      needsCoach: true,
      publishedAt: null,
      updatedAt: '2026-10-01T00:00:00.000Z',
    },
  ],
  nextCursor: null,
  summary: {
    total: 3,
    byStage: {
      idea: 1,
      planning: 0,
      testing: 1,
      implementing: 0,
      spreading: 0,
      sustaining: 0,
      complete: 1,
      stopped: 0,
    },
    needsCoach: 1,
  },
};

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/units', () => ({
    items: [
      {
        id: WARD_ID,
        organisationId: ORG.id,
        parentId: null,
        kind: 'ward',
        name: 'Ward 10',
        createdAt: ORG.createdAt,
        children: [],
      },
    ],
  }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/goals', () => ({
    items: [{ id: '80000000-0000-4000-8000-000000000001', title: 'No avoidable falls' }],
    tree: [],
    projects: {},
  }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/projects', () => PORTFOLIO);
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<ProjectsPage />, '/organisations/RF4/projects', '/organisations/:ref/projects');

describe('ProjectsPage', () => {
  it('shows counts by stage and the projects, flagging those that need a coach; staff may start one', async () => {
    render();
    const link = await screen.findByRole('link', { name: 'Fewer falls at night' });
    expect(link.getAttribute('href')).toBe('/projects/70000000-0000-4000-8000-000000000001');
    const row = link.closest('tr')!;
    expect(row.textContent).toContain('Needs a coach');
    expect(row.textContent).toContain('Ward 10');
    expect(row.textContent).toContain('2, latest 1 October 2026');
    expect(screen.getByText(/3 projects in all; 1 needs a coach/)).toBeTruthy();
    const counts = screen.getByRole('region', { name: 'By stage' });
    expect(within(counts).getByText('Complete').nextElementSibling!.textContent).toBe('1');
    const start = await screen.findByRole('link', { name: 'Start a project' });
    expect(start.getAttribute('href')).toBe('/organisations/RF4/projects/new');
  });

  it('filters by stage, unit, goal and the need of a coach', async () => {
    render();
    await screen.findByRole('link', { name: 'Fewer falls at night' });
    const form = screen.getByRole('form', { name: 'Filter the projects' });
    fireEvent.change(within(form).getByLabelText('Stage'), { target: { value: 'testing' } });
    await within(form).findByRole('option', { name: 'Ward 10' });
    fireEvent.change(within(form).getByLabelText('Unit'), { target: { value: WARD_ID } });
    await within(form).findByRole('option', { name: 'No avoidable falls' });
    fireEvent.change(within(form).getByLabelText('Goal'), {
      target: { value: '80000000-0000-4000-8000-000000000001' },
    });
    fireEvent.click(within(form).getByLabelText('Only projects that need a coach'));
    fireEvent.click(within(form).getByRole('button', { name: 'Filter' }));
    await waitFor(() => {
      expect(fakeApi.calls('GET', '/api/v1/organisations/RF4/projects').length).toBe(2);
    });
    const last = fakeApi.calls('GET', '/api/v1/organisations/RF4/projects').at(-1)!;
    expect(Object.fromEntries(last.query)).toMatchObject({
      stage: 'testing',
      unit: WARD_ID,
      goal: '80000000-0000-4000-8000-000000000001',
      stale: 'true',
    });
  });

  it('asks someone signed out to sign in to start a project', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    expect(await screen.findByRole('link', { name: 'Sign in to start a project' })).toBeTruthy();
  });
});
