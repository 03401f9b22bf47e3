// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentUrl, fakeApi, FakeXhr, installFakeXhr, json, renderAt, SIGNED_IN } from './test-support';
import ImportPage from '../../pages/ImportPage';
import { anImport, aPreview, badDates, ORGANISATION_ID } from './fixtures';
import type { Import } from './api';

const RF4 = {
  id: ORGANISATION_ID,
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2024-01-01T00:00:00Z',
};
const MAPPING = {
  period: { column: 'Month' },
  measure: { value: 'demo-falls' },
  numerator: { column: 'Falls' },
  denominator: { column: 'Bed days' },
};
const ID = '20000000-0000-4000-8000-000000000001';
const NEW_ID = '20000000-0000-4000-8000-000000000002';

/** The import the fake API holds; tests move it along as the server would. */
let stored: Import;

beforeEach(() => {
  installFakeXhr();
  sessionStorage.clear();
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('GET', '/api/v1/organisations/:ref', () => RF4);
  fakeApi.on('GET', '/api/v1/organisations/:ref/units', () => ({ items: [] }));
  fakeApi.on('GET', '/api/v1/measures', () => ({ items: [], nextCursor: null }));
  fakeApi.on('GET', '/api/v1/imports/:id', (request) =>
    request.path.endsWith(stored.id)
      ? stored
      : json(404, { error: { code: 'not_found', message: 'no import has this id' } }),
  );
  fakeApi.on('DELETE', '/api/v1/imports/:id', () => new Response(null, { status: 204 }));
});
afterEach(cleanup);

const withProblems = (): Import =>
  anImport({
    status: 'previewed',
    mapping: MAPPING,
    preview: aPreview({ problemCount: 2, problems: badDates(2), added: 0, changed: 0 }),
  });

describe('the import wizard', () => {
  it('resumes a checked file from the URL, goes back to the columns, checks again and imports', async () => {
    stored = withProblems();
    const view = renderAt(<ImportPage />, `/imports/new?import=${ID}`, '/imports/new');
    expect(
      await screen.findByRole('heading', { level: 1, name: /Fix the problems in the file/ }),
    ).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByRole('heading').textContent).toBe(
      'There are 2 problems in the file',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Change what the columns hold' }));
    expect(currentUrl(view)).toBe(`/imports/new?import=${ID}&step=mapping`);
    await screen.findByRole('heading', { level: 1, name: /Match the columns/ });
    expect(screen.getByLabelText<HTMLSelectElement>('Falls', { exact: true }).value).toBe('numerator');
    expect(screen.getByLabelText<HTMLSelectElement>('Measure for every row').value).toBe('demo-falls');

    fakeApi.on('POST', '/api/v1/imports/:id/preview', () => {
      stored = anImport({ status: 'previewing', mapping: MAPPING, progress: { rowsDone: 0, rowsTotal: 4 } });
      return json(202, stored);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check the data' }));
    await screen.findByRole('progressbar', { name: /Checking every row of falls.csv/ });
    expect(fakeApi.calls('POST', `/api/v1/imports/${ID}/preview`)[0]!.body).toEqual({ mapping: MAPPING });
    await waitFor(() => {
      expect(currentUrl(view)).toBe(`/imports/new?import=${ID}`);
    });

    stored = anImport({ status: 'previewed', mapping: MAPPING, preview: aPreview() });
    await screen.findByRole('heading', { level: 1, name: /Check what will be imported/ }, { timeout: 3000 });

    fakeApi.on('POST', '/api/v1/imports/:id/commit', () => {
      stored = anImport({ status: 'running', mapping: MAPPING, progress: { rowsDone: 2, rowsTotal: 4 } });
      return json(202, stored);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import the data' }));
    const bar = await screen.findByRole('progressbar', { name: /Importing falls.csv/ });
    expect(bar.getAttribute('value')).toBe('2');
    expect(screen.getByText('2 of 4 rows (50%)')).toBeTruthy();

    stored = anImport({ status: 'succeeded', mapping: MAPPING, added: 4, changed: 1, preview: aPreview() });
    await screen.findByRole('heading', { level: 1, name: 'Import complete' }, { timeout: 3000 });
    expect(screen.getByText('4 points added, 1 changed, 0 left unchanged')).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'See Barking, Havering and Redbridge’s overview' })
        .getAttribute('href'),
    ).toBe('/organisations/RF4');
    expect(screen.getByRole('link', { name: /See the imported measure/ }).getAttribute('href')).toBe(
      '/organisations/RF4?measure=demo-falls',
    );
  });

  it('checks a corrected file with the same mapping, and discards the first upload', async () => {
    stored = withProblems();
    const view = renderAt(<ImportPage />, `/imports/new?import=${ID}`, '/imports/new');
    await screen.findByRole('heading', { level: 1, name: /Fix the problems in the file/ });
    fakeApi.on('POST', '/api/v1/imports/:id/preview', () => {
      stored = anImport({ id: NEW_ID, status: 'previewed', mapping: MAPPING, preview: aPreview() });
      return json(202, stored);
    });
    fireEvent.change(screen.getByLabelText('Corrected file'), {
      target: { files: [new File(['x'], 'falls-fixed.csv')] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Upload corrected file' }));
    expect(FakeXhr.last!.url).toBe(
      `/api/v1/organisations/${ORGANISATION_ID}/imports?fileName=falls-fixed.csv`,
    );
    await act(async () => {
      FakeXhr.last!.respond(201, {
        import: anImport({ id: NEW_ID, fileName: 'falls-fixed.csv' }),
        sample: [],
        suggestedMapping: {},
      });
      await Promise.resolve();
    });
    await screen.findByRole('heading', { level: 1, name: /Check what will be imported/ });
    expect(currentUrl(view)).toBe(`/imports/new?import=${NEW_ID}`);
    expect(fakeApi.calls('DELETE', `/api/v1/imports/${ID}`)).toHaveLength(1);
    expect(fakeApi.calls('POST', `/api/v1/imports/${NEW_ID}/preview`)[0]!.body).toEqual({ mapping: MAPPING });
  });

  it('shows why an import failed, with nothing written', async () => {
    stored = anImport({
      status: 'failed',
      error: 'the commit failed: the database went away; nothing was written',
      mapping: MAPPING,
      preview: null,
    });
    renderAt(<ImportPage />, `/imports/new?import=${ID}`, '/imports/new');
    await screen.findByRole('heading', { level: 1, name: /The import failed/ });
    const summary = screen.getByRole('alert');
    expect(
      within(summary).getByText('the commit failed: the database went away; nothing was written'),
    ).toBeTruthy();
    expect(screen.getByLabelText('Corrected file')).toBeTruthy();
  });

  it('says when the upload in the URL is no longer there', async () => {
    stored = anImport({ id: NEW_ID });
    renderAt(<ImportPage />, `/imports/new?import=${ID}`, '/imports/new');
    expect(await screen.findByText(/This upload is no longer here/)).toBeTruthy();
    await waitFor(() => {
      expect(fakeApi.calls('GET', `/api/v1/imports/${ID}`)).toHaveLength(1);
    });
  });
});
