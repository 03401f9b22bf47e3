// @vitest-environment jsdom
import { fakeApi, renderPage, sessionOf, withRole } from '../test-support/fake-api';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT, ISSUED, REPORT_ID } from '../components/reports/test-support';
import IssuedReportPage from './IssuedReportPage';

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
  fakeApi.on('GET', `/api/v1/issued-reports/${ISSUED.id}`, () => ({ ...ISSUED, content: CONTENT }));
});
afterEach(() => {
  cleanup();
});

describe('IssuedReportPage', () => {
  it('shows the report as issued, who issued it, and its PDF to download', async () => {
    renderPage(<IssuedReportPage />, `/issued-reports/${ISSUED.id}`, '/issued-reports/:id');
    await screen.findByRole('heading', { level: 1, name: /Monthly board report: March 2019/ });
    expect(screen.getByText(/issued version 1/)).toBeTruthy();
    expect(
      screen.getByText(/by Demo chief executive \(board\)\. This is the report exactly as it was issued/),
    ).toBeTruthy();
    const pdf = screen.getByRole('link', { name: /Download the PDF/ });
    expect(pdf.getAttribute('href')).toBe(`/api/v1/issued-reports/${ISSUED.id}/pdf`);
    expect(pdf.textContent).toContain('412 KB');
    expect(
      screen.getByRole('link', { name: 'Run the report again for March 2019' }).getAttribute('href'),
    ).toBe(`/reports/${REPORT_ID}?period=2019-03`);
    expect(screen.getByRole('article', { name: 'Inpatient falls: Ward 10' }).textContent).toContain(
      'Sustained since the rounding project.',
    );
    expect(screen.queryByText(/the commentary/)).toBeNull();
  });

  it('says when the report cannot be read', async () => {
    fakeApi.reset();
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    renderPage(<IssuedReportPage />, `/issued-reports/${ISSUED.id}`, '/issued-reports/:id');
    expect(await screen.findByText('Could not load the issued report')).toBeTruthy();
  });
});
