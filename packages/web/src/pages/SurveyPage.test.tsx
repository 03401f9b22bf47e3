// @vitest-environment jsdom
import {
  aSurvey,
  fakeApi,
  json,
  LINK_ID,
  ORGANISATION,
  renderPage,
  sessionOf,
  someResults,
  SURVEY_ID,
  UNITS,
  WARD_ID,
  withoutLinks,
  withRole,
} from '../components/surveys/test-support';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SurveyPage from './SurveyPage';

const BASE = `/api/v1/surveys/${SURVEY_ID}`;

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf());
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORGANISATION);
  fakeApi.on('GET', `/api/v1/organisations/${ORGANISATION.id}/units`, () => UNITS);
  fakeApi.on('GET', BASE, () => aSurvey());
  fakeApi.on('GET', `${BASE}/results`, () => someResults());
  fakeApi.on('GET', `${BASE}/comments`, () => ({
    items: [{ unit: { id: WARD_ID, name: 'Ward 10' }, period: '2026-10-01', text: 'A supportive team' }],
  }));
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<SurveyPage />, `/surveys/${SURVEY_ID}`, '/surveys/:id');

describe('SurveyPage', () => {
  it('shows results by month, with small groups as "Fewer than 5 responses" and no numbers', async () => {
    render();
    const october = (await screen.findByText('October 2026', {}, { timeout: 10_000 })).closest('table')!;
    const row = (name: string): HTMLElement =>
      within(october)
        .getByRole('rowheader', { name: new RegExp(name) })
        .closest('tr')!;
    expect(row('Ward 10').textContent).toContain('87.5% would recommend');
    expect(row('Ward 10').textContent).toContain('9 (7 yes, 1 no, 1 don’t know)');
    expect(row('Surgical ward').textContent).toContain('Fewer than 5 responses');
    expect(row('Surgical ward').textContent).not.toMatch(/\d+ yes/);
    expect(row('Medicine').textContent).toContain('Fewer than 5 responses');
    expect(row('All units').textContent).toContain('69.2% would recommend');
    const november = screen.getByText(/November 2026/).closest('table')!;
    expect(november.textContent).toContain('Month not over yet');
    expect(screen.getByRole('link', { name: 'The measure on the dashboard' }).getAttribute('href')).toContain(
      'measure=',
    );
  });

  it('lets a QI lead make a link: its address and QR code are shown once', async () => {
    fakeApi.on('POST', `${BASE}/links`, () =>
      json(201, {
        id: '82000000-0000-4000-8000-000000000002',
        unit: { id: WARD_ID, name: 'Ward 10' },
        createdAt: '2026-11-02T09:00:00.000Z',
        revokedAt: null,
        token: 'secret-token-shown-once-aaaaaaaaaaaaaaaaaaaa',
        path: '/s/secret-token-shown-once-aaaaaaaaaaaaaaaaaaaa',
        qrSvg:
          '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="QR code: Ward 10"><title>QR code: Ward 10</title></svg>',
      }),
    );
    render();
    await screen.findByRole('option', { name: '— Ward 10' }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Make a link' }));
    expect(await screen.findByRole('link', { name: 'Choose the unit the link is for' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: WARD_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Make a link' }));
    expect(await screen.findByRole('img', { name: 'QR code: Ward 10' })).toBeTruthy();
    expect(screen.getByText(/secret-token-shown-once/).textContent).toContain('/s/secret-token-shown-once');
    expect(fakeApi.calls('POST', `${BASE}/links`)[0]!.body).toEqual({ unitId: WARD_ID });
    expect(screen.getByText('A supportive team')).toBeTruthy();
  });

  it('revokes a link and closes the survey', async () => {
    fakeApi.on('DELETE', `${BASE}/links/${LINK_ID}`, () => ({
      ...aSurvey().links[0],
      revokedAt: '2026-11-02T10:00:00.000Z',
    }));
    fakeApi.on('PATCH', BASE, () => {
      const survey = withoutLinks(aSurvey({ open: false }));
      return survey;
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the link for Ward 10' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close the survey' }));
    expect(await screen.findByText('The survey is closed and its results are published.')).toBeTruthy();
    expect(fakeApi.calls('DELETE', `${BASE}/links/${LINK_ID}`)).toHaveLength(1);
    expect(fakeApi.calls('PATCH', BASE)[0]!.body).toEqual({ open: false });
  });

  it('shows staff the results but no forms and no comments', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    render();
    await screen.findByText('October 2026', {}, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: 'Make a link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close the survey' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Comments' })).toBeNull();
    expect(fakeApi.calls('GET', `${BASE}/comments`)).toHaveLength(0);
  });
});
