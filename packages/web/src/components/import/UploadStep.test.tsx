// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr, installFakeXhr } from './test-support';
import { anImport } from './fixtures';
import { UploadStep } from './UploadStep';

const RF4 = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider' as const,
  createdAt: '2024-01-01T00:00:00Z',
};

beforeEach(() => {
  installFakeXhr();
  sessionStorage.clear();
});
afterEach(cleanup);

function renderUpload(onUploaded = vi.fn()): typeof onUploaded {
  render(<UploadStep organisations={[RF4]} initialOrganisation="rf4" onUploaded={onUploaded} />);
  return onUploaded;
}

function chooseFile(name: string, text = 'Month,Value\n2024-01-01,3\n'): void {
  fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [new File([text], name)] } });
}

describe('the upload step', () => {
  it('starts from the organisation in the URL and asks for a file', () => {
    renderUpload();
    expect(screen.getByLabelText<HTMLSelectElement>('Organisation').value).toBe('RF4');
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Choose a CSV or Excel file to upload');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#import-file');
    expect(document.getElementById('import-file-error')!.textContent).toContain('Choose a CSV or Excel file');
    expect(FakeXhr.last).toBeNull();
  });

  it('sends the file as the body, shows its progress, and hands on the upload', async () => {
    const onUploaded = renderUpload();
    chooseFile('falls.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/organisations/RF4/imports?fileName=falls.csv');
    expect(xhr.headers['content-type']).toBe('text/csv');
    expect(xhr.body).toBeInstanceOf(File);
    act(() => {
      xhr.progress(10, 40);
    });
    expect(screen.getByRole('progressbar', { name: 'Uploading falls.csv' }).getAttribute('value')).toBe('10');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Uploading…' }).disabled).toBe(true);
    const uploaded = {
      import: anImport(),
      sample: [['2024-01-01', '3']],
      suggestedMapping: { period: { column: 'Month' } },
    };
    await act(async () => {
      xhr.respond(201, uploaded);
      await Promise.resolve();
    });
    expect(onUploaded).toHaveBeenCalledWith(uploaded);
    expect(JSON.parse(sessionStorage.getItem(`groundswell:import:${uploaded.import.id}`)!)).toEqual({
      sample: uploaded.sample,
      suggestedMapping: uploaded.suggestedMapping,
    });
  });

  it('shows a refusal for patient identifiers with the server’s message, next to the file too', async () => {
    const onUploaded = renderUpload();
    chooseFile('patients.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    const message =
      'Row 2, column "Ref" holds a valid NHS number. Groundswell holds aggregate data only: remove patient identifiers before uploading.';
    await act(async () => {
      FakeXhr.last!.respond(400, {
        error: { code: 'invalid_input', message, details: { field: 'file', reason: 'patient_identifier' } },
      });
      await Promise.resolve();
    });
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe(
      'The file was refused: it may hold patient identifiers',
    );
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(within(summary).getByText(/Nothing of this file was kept/)).toBeTruthy();
    expect(document.getElementById('import-file-error')!.textContent).toContain(message);
    expect(onUploaded).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Upload file' })).toBeTruthy();
  });

  it('sends a national file to the national import, and a CSV as CSV whatever the browser calls it', () => {
    renderUpload();
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'national' } });
    fireEvent.change(screen.getByLabelText('File to import'), {
      target: { files: [new File(['a,b\n'], 'all trusts.csv', { type: 'application/vnd.ms-excel' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    expect(FakeXhr.last!.url).toBe('/api/v1/imports?fileName=all+trusts.csv');
    expect(FakeXhr.last!.headers['content-type']).toBe('text/csv');
  });

  it('shows any other refusal as the file could not be uploaded', async () => {
    renderUpload();
    chooseFile('old.xls');
    fireEvent.click(screen.getByRole('button', { name: 'Upload file' }));
    expect(FakeXhr.last!.headers['content-type']).toBe('application/vnd.ms-excel');
    await act(async () => {
      FakeXhr.last!.respond(400, {
        error: {
          code: 'invalid_input',
          message: '"old.xls" is an Excel 97–2003 workbook (.xls); save it as .xlsx',
          details: { field: 'fileName', reason: 'unsupported_format' },
        },
      });
      await Promise.resolve();
    });
    expect(within(screen.getByRole('alert')).getByRole('heading').textContent).toBe(
      'The file could not be uploaded',
    );
    expect(screen.getAllByText(/is an Excel 97–2003 workbook/)).toHaveLength(2);
  });
});
