// @vitest-environment jsdom
import { fakeApi, renderPage, SIGNED_OUT } from '../components/projects/test-support';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryProject } from '../components/projects/data';
import LibraryPage from './LibraryPage';

const ITEM: LibraryProject = {
  id: '70000000-0000-4000-8000-000000000001',
  organisation: { odsCode: 'RF4', name: 'Barking, Havering and Redbridge' },
  unit: 'Ward 10',
  title: 'Fewer falls at night',
  problem: 'Falls at night doubled.',
  stage: 'complete',
  aim: { what: 'Reduce falls at night', howMuch: 'by 30%', byWhen: '2027-03-31' },
  lessons: 'Huddles at 22:00 work.',
  topics: ['falls'],
  lead: 'Demo QI lead',
  measures: [{ kind: 'outcome', code: 'falls', name: 'Inpatient falls', shared: true }],
  cycles: 2,
  publishedAt: '2026-11-01T00:00:00.000Z',
  rank: 0.5,
};

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
  fakeApi.on('GET', '/api/v1/library/projects', () => ({ items: [ITEM], nextCursor: null }));
});
afterEach(cleanup);

describe('LibraryPage', () => {
  it('lists published projects with organisation, aim and lessons, and searches by words, topic and measure', async () => {
    renderPage(<LibraryPage />, '/library', '/library');
    const link = await screen.findByRole('link', { name: 'Fewer falls at night' });
    expect(link.getAttribute('href')).toBe(`/projects/${ITEM.id}`);
    const result = link.closest('li')!;
    expect(result.textContent).toContain(
      'Barking, Havering and Redbridge · Ward 10 · Complete · 2 PDSA cycles',
    );
    expect(result.textContent).toContain('Reduce falls at night by 30% by 31 March 2027');
    expect(result.textContent).toContain('Huddles at 22:00 work.');
    expect(result.textContent).toContain('Inpatient falls (outcome)');

    fireEvent.change(screen.getByLabelText('Words to search for'), { target: { value: ' night falls ' } });
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'Falls' } });
    fireEvent.change(screen.getByLabelText('Measure'), { target: { value: 'falls' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      expect(fakeApi.calls('GET', '/api/v1/library/projects')).toHaveLength(2);
    });
    expect(Object.fromEntries(fakeApi.calls('GET', '/api/v1/library/projects')[1]!.query)).toEqual({
      limit: '50',
      q: 'night falls',
      topic: 'falls',
      measure: 'falls',
    });
  });

  it('says so when nothing matches', async () => {
    fakeApi.on('GET', '/api/v1/library/projects', () => ({ items: [], nextCursor: null }));
    renderPage(<LibraryPage />, '/library', '/library');
    expect(await screen.findByText(/No published projects match/)).toBeTruthy();
  });
});
