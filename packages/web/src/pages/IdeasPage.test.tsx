// @vitest-environment jsdom
import {
  anIdea,
  currentUrl,
  fakeApi,
  MEDICINE_ID,
  ORGANISATION,
  renderPage,
  sessionOf,
  SIGNED_OUT,
  UNITS,
  withRole,
} from '../components/ideas/test-support';
import type { Received } from '../components/ideas/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import IdeasPage from './IdeasPage';

const LIST = '/api/v1/organisations/RF4/ideas';

const TAKEN = anIdea({
  id: '76000000-0000-4000-8000-000000000002',
  proposal: 'Put a falls sensor mat by every high-risk bed',
  status: 'taken_forward',
  statusReason: 'Estates are buying twelve mats; Ward 10 tests them first.',
  projectId: '70000000-0000-4000-8000-000000000009',
  voteCount: 7,
  votedByMe: true,
  commentCount: 1,
});
const ANONYMOUS = anIdea({
  id: '76000000-0000-4000-8000-000000000003',
  proposal: 'Stop the 06:00 observations round for patients who are asleep and stable',
  author: 'Anonymous',
  anonymous: true,
  unit: null,
  voteCount: 1,
});

/** The list the fake answers: every idea, sorted as asked, two a page when `paged`. */
function answer(request: Received, paged = false): unknown {
  const all = [anIdea(), TAKEN, ANONYMOUS];
  const sorted =
    request.query.get('sort') === 'votes' ? [...all].sort((a, b) => b.voteCount - a.voteCount) : all;
  if (!paged) return { items: sorted, nextCursor: null };
  return request.query.get('cursor') === 'page-2'
    ? { items: sorted.slice(2), nextCursor: null }
    : { items: sorted.slice(0, 2), nextCursor: 'page-2' };
}

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORGANISATION);
  fakeApi.on('GET', '/api/v1/organisations/RF4/units', () => UNITS);
  fakeApi.on('GET', LIST, (request) => answer(request));
});
afterEach(cleanup);

const render = (url = '/organisations/RF4/ideas'): ReturnType<typeof renderPage> =>
  renderPage(<IdeasPage />, url, '/organisations/:ref/ideas');

function cards(): HTMLElement[] {
  return within(screen.getByRole('region', { name: 'Ideas' })).getAllByRole('listitem');
}

describe('IdeasPage', () => {
  it('lists the ideas newest first with their status in words, votes, and “you said, we did” for everyone', async () => {
    render();
    await screen.findByRole('link', { name: TAKEN.proposal });
    expect(fakeApi.calls('GET', LIST)[0]!.query.get('sort')).toBe('newest');
    const [first, second, third] = cards();
    expect(first!.textContent).toContain('New');
    expect(first!.textContent).toContain('2 votes');
    expect(first!.textContent).toContain('Ward 10 · Demo ward nurse (staff)');
    expect(second!.textContent).toContain('Taken forward');
    expect(second!.textContent).toContain('7 votes (including yours) · 1 comment');
    expect(second!.textContent).toContain(
      'You said, we did: Estates are buying twelve mats; Ward 10 tests them first.',
    );
    expect(third!.textContent).toContain('Whole organisation · Anonymous');
    expect(third!.textContent).toContain('1 vote ·');
    expect(third!.textContent).not.toContain('You said, we did');
    expect(within(second!).getByRole('link', { name: TAKEN.proposal }).getAttribute('href')).toBe(
      `/ideas/${TAKEN.id}`,
    );
    expect(screen.getByRole('link', { name: 'Submit an idea' }).getAttribute('href')).toBe(
      '/organisations/RF4/ideas/new',
    );
  });

  it('filters by unit and status and sorts by votes, keeping the filters in the address', async () => {
    const view = render();
    await screen.findByRole('link', { name: TAKEN.proposal });
    await screen.findByRole('option', { name: '— Ward 10' });
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: MEDICINE_ID } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'taken_forward' } });
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'votes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show ideas' }));
    await waitFor(() => {
      expect(currentUrl(view)).toBe(
        `/organisations/RF4/ideas?unit=${MEDICINE_ID}&status=taken_forward&sort=votes`,
      );
    });
    await waitFor(() => {
      expect(fakeApi.calls('GET', LIST)).toHaveLength(2);
    });
    const query = fakeApi.calls('GET', LIST)[1]!.query;
    expect(Object.fromEntries(query)).toEqual({
      limit: '50',
      sort: 'votes',
      unit: MEDICINE_ID,
      status: 'taken_forward',
    });
    await waitFor(() => {
      expect(cards()[0]!.textContent).toContain(TAKEN.proposal);
    });
  });

  it('reads the filters from the address, and shows more a page at a time', async () => {
    fakeApi.on('GET', LIST, (request) => answer(request, true));
    render('/organisations/RF4/ideas?sort=votes&status=nonsense');
    await screen.findByRole('link', { name: TAKEN.proposal });
    expect(Object.fromEntries(fakeApi.calls('GET', LIST)[0]!.query)).toEqual({ limit: '50', sort: 'votes' });
    expect(screen.getByLabelText<HTMLSelectElement>('Order').value).toBe('votes');
    expect(cards()).toHaveLength(2);
    expect(screen.getByText('Showing 2 ideas; there are more.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more ideas' }));
    await screen.findByText('Showing 3 ideas.');
    expect(fakeApi.calls('GET', LIST)[1]!.query.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Show more ideas' })).toBeNull();
  });

  it('asks someone signed out to sign in, and reads no ideas', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    expect(await screen.findByRole('link', { name: 'Sign in to read and submit ideas' })).toBeTruthy();
    expect(fakeApi.calls('GET', LIST)).toHaveLength(0);
  });

  it('says so when no idea matches', async () => {
    fakeApi.on('GET', LIST, () => ({ items: [], nextCursor: null }));
    render();
    expect(await screen.findByText('No ideas match these filters.')).toBeTruthy();
  });
});
