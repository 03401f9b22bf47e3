// @vitest-environment jsdom
import { CSRF, fakeApi, json, renderPage, sessionOf, withRole } from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import { ORG } from '../components/goals/test-support';
import { DEFINITION, FALLS_ID, REPORT_ID } from '../components/reports/test-support';
import ReportsPage from './ReportsPage';

const SERIES = [
  {
    id: FALLS_ID,
    measure: { id: 'm1', code: 'demo-falls', name: 'Inpatient falls', domain: 'safety' },
    unit: { id: 'u1', name: 'Ward 10' },
  },
];

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(CSRF);
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('qi_lead')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/reports', () => ({ items: [DEFINITION] }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/dashboard', () => ({ series: SERIES, matrix: [], total: 1 }));
});
afterEach(() => {
  cleanup();
});

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<ReportsPage />, '/organisations/RF4/reports', '/organisations/:ref/reports');

describe('ReportsPage', () => {
  it('lists the reports with how many measures each shows', async () => {
    render();
    const link = await screen.findByRole('link', { name: 'Monthly board report' });
    expect(link.getAttribute('href')).toBe(`/reports/${REPORT_ID}`);
    expect(screen.getByText('2 measures')).toBeTruthy();
  });

  it('lets a QI lead define a report, naming what is missing first', async () => {
    fakeApi.on('POST', '/api/v1/organisations/RF4/reports', () =>
      json(201, { ...DEFINITION, id: '40000000-0000-4000-8000-0000000000ff' }),
    );
    const view = render();
    await screen.findByRole('heading', { name: 'Define a report' });
    fireEvent.click(screen.getByRole('button', { name: 'Save the report' }));
    expect((await screen.findAllByText('Enter a title')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Choose at least one measure').length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Quality committee report' } });
    fireEvent.click(await screen.findByLabelText(/Inpatient falls: Ward 10/));
    fireEvent.click(screen.getByRole('button', { name: 'Save the report' }));
    await waitFor(() => {
      expect(view.getByTestId('location').textContent).toBe('/reports/40000000-0000-4000-8000-0000000000ff');
    });
    expect(fakeApi.calls('POST', '/api/v1/organisations/RF4/reports')[0]!.body).toEqual({
      title: 'Quality committee report',
      description: '',
      seriesIds: [FALLS_ID],
    });
  });

  it('shows staff the reports without the form', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    render();
    await screen.findByRole('link', { name: 'Monthly board report' });
    expect(screen.queryByRole('heading', { name: 'Define a report' })).toBeNull();
  });
});
