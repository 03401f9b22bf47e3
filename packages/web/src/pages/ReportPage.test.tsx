// @vitest-environment jsdom
import { CSRF, fakeApi, json, renderPage, sessionOf, withRole } from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import { CONTENT, DEFINITION, FALLS_ID, ISSUED, REPORT_ID, RUN } from '../components/reports/test-support';
import ReportPage from './ReportPage';

const render = (url = `/reports/${REPORT_ID}`): ReturnType<typeof renderPage> =>
  renderPage(<ReportPage />, url, '/reports/:id');

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(CSRF);
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('executive')));
  fakeApi.on('GET', `/api/v1/reports/${REPORT_ID}/run`, () => RUN);
  fakeApi.on('GET', `/api/v1/reports/${REPORT_ID}`, () => DEFINITION);
  fakeApi.on('GET', `/api/v1/reports/${REPORT_ID}/issued`, () => ({ items: [] }));
});
afterEach(() => {
  cleanup();
});

describe('ReportPage', () => {
  it('shows the report as headings, the matrix as a table, each chart with its words and commentary', async () => {
    render();
    await screen.findByRole('heading', { level: 1, name: /Monthly board report: March 2019/ });
    const table = screen.getByRole('table', { name: /Measures by variation/ });
    expect(within(table).getByRole('columnheader', { name: /Hit or miss/ })).toBeTruthy();
    const row = within(table)
      .getByRole('rowheader', { name: /Special cause improvement \(low\)/ })
      .closest('tr')!;
    expect(within(row).getByRole('link', { name: 'Inpatient falls: Ward 10' }).getAttribute('href')).toBe(
      `#section-${FALLS_ID}`,
    );
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['Summary: variation and assurance', 'Safety', 'Experience', 'Issued versions']),
    );
    const falls = screen.getByRole('article', { name: 'Inpatient falls: Ward 10' });
    expect(within(falls).getByRole('img', { name: 'Inpatient falls: Ward 10' })).toBeTruthy();
    expect(falls.textContent).toContain('Special cause improvement since December 2017.');
    expect(falls.textContent).toContain('Sustained since the rounding project.');
    expect(falls.textContent).toContain('Variation: Special cause improvement (low)');
    const fft = screen.getByRole('article', { name: 'Would recommend: Ward 12' });
    expect(fft.textContent).toContain('Target: 90%');
    expect(fft.textContent).toContain('No commentary has been written for March 2019.');
    const pdf = screen.getByRole('link', { name: /Download the PDF/ });
    expect(pdf.getAttribute('href')).toBe(`/api/v1/reports/${REPORT_ID}/run.pdf?period=2019-03`);
    expect(await screen.findByText('This report has not been issued yet.')).toBeTruthy();
  });

  it('runs the month chosen, and issues the report for it', async () => {
    let issued = false;
    fakeApi.on('GET', `/api/v1/reports/${REPORT_ID}/issued`, () => ({ items: issued ? [ISSUED] : [] }));
    fakeApi.on('POST', `/api/v1/reports/${REPORT_ID}/issue`, () => {
      issued = true;
      return json(201, ISSUED);
    });
    const view = render(`/reports/${REPORT_ID}?period=2019-03`);
    await screen.findByRole('heading', { level: 1, name: /March 2019/ });
    expect(fakeApi.calls('GET', `/api/v1/reports/${REPORT_ID}/run`)[0]!.query.get('period')).toBe('2019-03');
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2018-11' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show this month' }));
    await waitFor(() => {
      expect(view.getByTestId('location').textContent).toBe(`/reports/${REPORT_ID}?period=2018-11`);
    });
    await waitFor(() => {
      expect(
        fakeApi
          .calls('GET', `/api/v1/reports/${REPORT_ID}/run`)
          .some((c) => c.query.get('period') === '2018-11'),
      ).toBe(true);
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Issue the report for March 2019' }));
    await screen.findByText(/Issued version 1 of “Monthly board report” for March 2019/);
    const [post] = fakeApi.calls('POST', `/api/v1/reports/${REPORT_ID}/issue`);
    expect(post!.body).toEqual({ period: '2019-03' });
    expect(post!.headers.get('x-csrf-token')).toBe(CSRF);
    const versions = await screen.findByRole('table', { name: /Issued versions/ });
    expect(
      within(versions)
        .getByRole('link', { name: /^PDF\s*of version 1 for March 2019/ })
        .getAttribute('href'),
    ).toBe(`/api/v1/issued-reports/${ISSUED.id}/pdf`);
  });

  it('lets an owner write a measure’s commentary for the month, and says what is missing', async () => {
    fakeApi.on('PUT', `/api/v1/series/${FALLS_ID}/commentaries/2019-03`, (request) => ({
      seriesId: FALLS_ID,
      period: '2019-03-01',
      text: (request.body as { text: string }).text,
      author: 'Demo QI lead',
      updatedAt: '2019-04-06T10:00:00.000Z',
    }));
    render();
    const falls = await screen.findByRole('article', { name: 'Inpatient falls: Ward 10' });
    fireEvent.click(within(falls).getByText(/Change the commentary/));
    const box = within(falls).getByLabelText('Commentary on Inpatient falls: Ward 10 for March 2019');
    fireEvent.change(box, { target: { value: '  ' } });
    fireEvent.click(within(falls).getByRole('button', { name: 'Save the commentary' }));
    expect((await within(falls).findAllByText('Enter the commentary')).length).toBeGreaterThan(0);
    fireEvent.change(box, { target: { value: 'Falls stayed low in March.' } });
    fireEvent.click(within(falls).getByRole('button', { name: 'Save the commentary' }));
    await within(falls).findByText('Saved the commentary on Inpatient falls: Ward 10 for March 2019.');
    expect(fakeApi.calls('PUT', `/api/v1/series/${FALLS_ID}/commentaries/2019-03`)[0]!.body).toEqual({
      text: 'Falls stayed low in March.',
    });
  });

  it('offers a reader without the roles neither issuing nor commentary', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    fakeApi.on('GET', `/api/v1/reports/${REPORT_ID}/run`, () => ({
      ...RUN,
      canManage: false,
      canComment: [],
    }));
    render();
    await screen.findByRole('heading', { level: 1, name: /Monthly board report/ });
    expect(screen.queryByRole('button', { name: /Issue the report/ })).toBeNull();
    expect(screen.queryByText(/the commentary/)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Change the report' })).toBeNull();
    expect(CONTENT.domains).toHaveLength(2);
  });
});
