// @vitest-environment jsdom
import {
  aCompletion,
  apiError,
  BY_UNIT,
  CURRICULUM,
  F1_ID,
  fakeApi,
  NURSE_ID,
  ORGANISATION,
  P1_ID,
  PEOPLE,
  renderPage,
  sessionOf,
  SIGNED_OUT,
  UNITS,
  withRole,
} from '../components/capability/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CapabilityPage from './CapabilityPage';

const BASE = '/api/v1/organisations/RF4';

function answer(coach: boolean, items = [aCompletion()]): void {
  fakeApi.on('GET', `${BASE}/completions`, () => ({ coach, items }));
}

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORGANISATION);
  fakeApi.on('GET', `${BASE}/units`, () => UNITS);
  fakeApi.on('GET', `${BASE}/curriculum`, () => CURRICULUM);
  fakeApi.on('GET', `${BASE}/capability`, () => BY_UNIT);
  fakeApi.on('GET', `${BASE}/capability/people`, () => PEOPLE);
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<CapabilityPage />, '/organisations/RF4/capability', '/organisations/:ref/capability');

describe('CapabilityPage', () => {
  it('shows a member of staff capability by unit, the curriculum and their own training, and lets them declare a course', async () => {
    const nurse = { ...withRole('staff'), id: NURSE_ID, displayName: 'Nurse Nia' };
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(nurse));
    answer(false);
    fakeApi.on('POST', `${BASE}/completions/declare`, () => new Response(null, { status: 204 }));
    render();
    await screen.findByRole('table', { name: /Staff trained at each level/ });
    const curriculum = screen.getByRole('region', { name: 'The curriculum' });
    expect(curriculum.textContent).toContain('1. foundation');
    expect(curriculum.textContent).toContain('QI-F1 Introduction to QI');
    const mine = screen.getByRole('region', { name: 'My training' });
    await within(mine).findByRole('table', { name: 'Your completed courses' });
    expect(within(mine).getByRole('table', { name: 'Your completed courses' }).textContent).toContain(
      'Recorded by a coach',
    );
    // no coach's tools, no curriculum forms
    expect(screen.queryByRole('form', { name: 'Record a completed course' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add a level' })).toBeNull();

    const form = screen.getByRole('form', { name: 'Declare a course you completed' });
    fireEvent.click(within(form).getByRole('button', { name: 'Declare it' }));
    await within(form).findByRole('link', { name: 'Choose the course you completed' });
    expect(fakeApi.calls('POST', `${BASE}/completions/declare`)).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('Course'), { target: { value: P1_ID } });
    fireEvent.change(within(form).getByLabelText('Completed on'), { target: { value: '2026-10-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Declare it' }));
    await within(form).findByText('Declared: it counts once a coach confirms it.');
    expect(fakeApi.calls('POST', `${BASE}/completions/declare`)[0]!.body).toEqual({
      courseId: P1_ID,
      completedOn: '2026-10-01',
    });
  });

  it('lets a QI lead record training, confirm a declaration, and see every bad row of a CSV file', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('qi_lead')));
    answer(true, [
      aCompletion(),
      aCompletion({ courseId: P1_ID, courseCode: 'QI-P1', source: 'self_declared', counts: false }),
    ]);
    fakeApi.on('POST', `${BASE}/completions`, () => new Response(null, { status: 204 }));
    fakeApi.on(
      'POST',
      `/api/v1/courses/:id/completions/:userId/confirm`,
      () => new Response(null, { status: 204 }),
    );
    fakeApi.on('POST', `${BASE}/completions/import`, () =>
      apiError(400, 'invalid_input', '2 problems in the file: nothing was imported.', {
        field: 'csv',
        issues: [
          { field: 'row 3, email', message: 'No active member of RF4 has the email x@y.z.' },
          { field: 'row 4, course', message: 'No course of the curriculum has the code ZZ9.' },
        ],
      }),
    );
    render();
    const record = await screen.findByRole('form', { name: 'Record a completed course' });
    expect(screen.getByRole('form', { name: 'Add a level' })).toBeTruthy();
    await waitFor(() => {
      expect(
        within(record)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toContain('Nurse Nia (nia@example.nhs.uk)');
    });
    fireEvent.change(within(record).getByLabelText('Person'), { target: { value: NURSE_ID } });
    fireEvent.change(within(record).getByLabelText('Course'), { target: { value: F1_ID } });
    fireEvent.change(within(record).getByLabelText('Completed on'), { target: { value: '2026-11-02' } });
    fireEvent.click(within(record).getByRole('button', { name: 'Record it' }));
    await within(record).findByText(/Recorded the course for Nurse Nia/);
    expect(fakeApi.calls('POST', `${BASE}/completions`)[0]!.body).toEqual({
      userId: NURSE_ID,
      courseId: F1_ID,
      completedOn: '2026-11-02',
    });

    const waiting = screen.getByRole('table', { name: 'Declared courses waiting for a coach' });
    fireEvent.click(within(waiting).getByRole('button', { name: 'Confirm QI-P1 for Nurse Nia' }));
    await waitFor(() => {
      expect(
        fakeApi.received.some((r) => r.path === `/api/v1/courses/${P1_ID}/completions/${NURSE_ID}/confirm`),
      ).toBe(true);
    });

    const upload = screen.getByRole('form', { name: 'Import training records from a CSV file' });
    const file = new File(['email,course,completed on\nx@y.z,ZZ9,2026-01-01\n'], 'training.csv', {
      type: 'text/csv',
    });
    fireEvent.change(within(upload).getByLabelText('CSV file'), { target: { files: [file] } });
    fireEvent.click(within(upload).getByRole('button', { name: 'Import the file' }));
    const alert = await within(upload).findByRole('alert');
    expect(alert.textContent).toContain('nothing was imported');
    expect(within(alert).getByRole('link', { name: 'See the 2 problems by row and column' })).toBeTruthy();
    const problems = within(upload).getByRole('table', { name: /Problems in the file/ });
    expect(
      within(problems)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([
      '3emailNo active member of RF4 has the email x@y.z.',
      '4courseNo course of the curriculum has the code ZZ9.',
    ]);
    // a QI lead also sets people's units from a file
    expect(screen.getByRole('form', { name: 'Set people’s units from a CSV file' })).toBeTruthy();
    expect((fakeApi.calls('POST', `${BASE}/completions/import`)[0]!.body as { csv: string }).csv).toContain(
      'x@y.z,ZZ9',
    );
  });

  it('asks someone signed out to sign in', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    await screen.findByRole('link', { name: 'Sign in to see training records' });
    expect(fakeApi.calls('GET', `${BASE}/curriculum`)).toHaveLength(0);
  });
});
