// @vitest-environment jsdom
import { apiError, fakeApi, renderPage } from './test-support';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowProblems, staffImportText, StaffUnitUpload } from './CsvUpload';

const URL = '/api/v1/organisations/RF4/capability/people/import';

beforeEach(() => {
  fakeApi.reset();
});
afterEach(cleanup);

function choose(form: HTMLElement, text: string): void {
  const file = new File([text], 'esr.csv', { type: 'text/csv' });
  fireEvent.change(within(form).getByLabelText('CSV file'), { target: { files: [file] } });
}

describe('StaffUnitUpload', () => {
  it('asks for a file, checks only when asked, and says what the file did', async () => {
    fakeApi.on('POST', URL, (request) => {
      const sent = request.body as { dryRun: boolean };
      return { dryRun: sent.dryRun, rows: 3, assigned: 2, moved: 1, unchanged: 0, cleared: 0 };
    });
    renderPage(<StaffUnitUpload odsCode="RF4" />, '/', '/');
    const form = screen.getByRole('form', { name: 'Set people’s units from a CSV file' });
    fireEvent.click(within(form).getByRole('button', { name: 'Upload the file' }));
    expect(within(form).getByText('Choose a CSV file')).toBeTruthy();
    expect(fakeApi.calls('POST', URL)).toHaveLength(0);

    choose(form, 'email,unit\nnia@example.nhs.uk,Ward 10\n');
    fireEvent.click(within(form).getByLabelText('Check only'));
    fireEvent.click(within(form).getByRole('button', { name: 'Upload the file' }));
    await within(form).findByText(/The file is fine \(3 people\).*Nothing was changed\./);
    expect(fakeApi.calls('POST', URL)[0]!.body).toEqual({
      csv: 'email,unit\nnia@example.nhs.uk,Ward 10\n',
      dryRun: true,
      replace: false,
    });

    fireEvent.click(within(form).getByLabelText('Check only'));
    fireEvent.click(within(form).getByRole('button', { name: 'Upload the file' }));
    await within(form).findByText(/Saved the units of 3 people: 2 people given a unit, 1 person moved/);
    expect((fakeApi.calls('POST', URL)[1]!.body as { dryRun: boolean }).dryRun).toBe(false);
  });

  it('lists every problem of a bad file by row and column', async () => {
    fakeApi.on('POST', URL, () =>
      apiError(400, 'invalid_input', '3 problems in the file: nothing was changed.', {
        field: 'csv',
        issues: [
          { field: 'row 3, email', message: 'Nobody has the email x@y.z.' },
          { field: 'row 4, unit', message: '2 units are called Ward 7: write its path instead.' },
          { field: 'row 1', message: 'The file is not valid CSV.' },
        ],
      }),
    );
    renderPage(<StaffUnitUpload odsCode="RF4" />, '/', '/');
    const form = screen.getByRole('form', { name: 'Set people’s units from a CSV file' });
    choose(form, 'email,unit\nx@y.z,Ward 7\n');
    fireEvent.click(within(form).getByRole('button', { name: 'Upload the file' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('nothing was changed');
    const link = within(alert).getByRole('link', { name: 'See the 3 problems by row and column' });
    expect(link.getAttribute('href')).toBe('#capability-units-csv-problems');
    const table = within(form).getByRole('table', { name: /Problems in the file/ });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) =>
          Array.from(r.children)
            .map((c) => c.textContent)
            .join(' | '),
        ),
    ).toEqual([
      'Row | Column | Problem',
      '3 | email | Nobody has the email x@y.z.',
      '4 | unit | 2 units are called Ward 7: write its path instead.',
      '1 |  | The file is not valid CSV.',
    ]);
  });

  it('reads issues as rows and columns, and words the counts', () => {
    expect(rowProblems([{ field: 'csv', message: 'Too big' }])).toEqual([
      { row: '', column: 'csv', message: 'Too big' },
    ]);
    expect(staffImportText({ dryRun: false, rows: 1, assigned: 0, moved: 0, unchanged: 1, cleared: 2 })).toBe(
      'Saved the units of 1 person: 0 people given a unit, 0 people moved, 1 person unchanged, 2 people not in the file cleared. Capability by unit is up to date.',
    );
  });
});
