// @vitest-environment jsdom
import {
  apiError,
  currentUrl,
  fakeApi,
  renderPage,
  sessionOf,
  SIGNED_IN,
  SIGNED_OUT,
  USER,
  withRole,
} from '../test-support/fake-api';
import type { Received } from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../components/audit/data';
import AuditPage from './AuditPage';

const RF4 = {
  id: USER.memberships[0]!.organisationId,
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2024-01-01T00:00:00Z',
};
const LEAD_ID = USER.id;
const ANN_ID = '20000000-0000-4000-8000-0000000000a2';
const SERIES = '11111111-1111-4111-8111-111111111111';

const NOTE: AuditEvent = {
  id: 3,
  at: '2026-11-25T10:30:00.000Z',
  actorId: LEAD_ID,
  actor: 'Demo QI lead',
  via: 'session',
  action: 'annotation.create',
  entityType: 'annotation',
  entityId: '77777777-7777-4777-8777-777777777777',
  summary: 'Annotated the point of 2024-05-01 of Falls',
  before: null,
  after: { seriesId: SERIES, period: '2024-05-01', text: 'New triage model', author: 'Demo QI lead' },
};
const OPTIONS: AuditEvent = {
  id: 2,
  at: '2026-11-20T09:00:00.000Z',
  actorId: ANN_ID,
  actor: 'Ann Improver',
  via: 'token',
  action: 'series.set_options',
  entityType: 'series',
  entityId: SERIES,
  summary: 'Changed this series’ own SPC options for Falls',
  before: { spcOptions: { direction: 'increase' } },
  after: { spcOptions: { direction: 'decrease' } },
};
const CREATED: AuditEvent = {
  ...OPTIONS,
  id: 1,
  at: '2026-11-01T09:00:00.000Z',
  actorId: null,
  actor: 'Groundswell',
  via: 'system',
  action: 'series.create',
  summary: 'Added the series of Falls',
  before: null,
  after: null,
};
const FACETS = {
  actions: ['annotation.create', 'series.create', 'series.set_options'],
  entityTypes: ['annotation', 'series'],
  actors: [
    { id: ANN_ID, name: 'Ann Improver' },
    { id: LEAD_ID, name: 'Demo QI lead' },
  ],
};

let events: AuditEvent[];

/** The fake log: filters as the server does, two events a page. */
function answerAudit(request: Received): unknown {
  const q = request.query;
  if (q.get('facets') === 'true') return { items: events.slice(0, 1), nextCursor: null, facets: FACETS };
  const matching = events.filter(
    (e) =>
      (q.get('action') === null || e.action === q.get('action')) &&
      (q.get('actorId') === null || e.actorId === q.get('actorId')) &&
      (q.get('entityType') === null || e.entityType === q.get('entityType')) &&
      (q.get('entityId') === null || e.entityId === q.get('entityId')) &&
      (q.get('from') === null || e.at >= q.get('from')!) &&
      (q.get('to') === null || e.at <= q.get('to')!) &&
      (q.get('cursor') === null || e.id < Number(q.get('cursor'))),
  );
  const page = matching.slice(0, 2);
  return { items: page, nextCursor: matching.length > 2 ? String(page.at(-1)!.id) : null };
}

const logCalls = (): Received[] =>
  fakeApi.calls('GET', '/api/v1/organisations/RF4/audit').filter((r) => r.query.get('facets') === null);

beforeEach(() => {
  fakeApi.reset();
  events = [NOTE, OPTIONS, CREATED];
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('GET', '/api/v1/organisations/:ref', () => RF4);
  fakeApi.on('GET', '/api/v1/organisations/:ref/audit', answerAudit);
});
afterEach(cleanup);

const open = (url = '/organisations/RF4/audit'): ReturnType<typeof renderPage> =>
  renderPage(<AuditPage />, url, '/organisations/:ref/audit');

async function eventItems(): Promise<HTMLElement[]> {
  await screen.findByRole('heading', { level: 3, name: NOTE.summary });
  return [...document.querySelectorAll<HTMLElement>('.gs-audit-event')];
}

describe('AuditPage', () => {
  it('asks someone signed out to sign in, coming back here, and asks the API nothing', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    open();
    const link = await screen.findByRole('link', { name: 'Sign in to read the audit log' });
    expect(link.getAttribute('href')).toBe('/sign-in?next=%2Forganisations%2FRF4%2Faudit');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Audit log');
    expect(logCalls()).toHaveLength(0);
  });

  it('tells someone without the role which roles may read the log', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('improver')));
    open();
    await waitFor(() => {
      expect(screen.getByText(/You need the role of/).textContent).toBe(
        'You need the role of QI lead, executive or administrator in Barking, Havering and Redbridge to read its audit log. You are signed in as Demo QI lead.',
      );
    });
    expect(logCalls()).toHaveLength(0);
  });

  it('lists the changes newest first: who, how, when, what, and the fields that changed', async () => {
    open();
    const [note, options] = await eventItems();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Barking, Havering and RedbridgeAudit log',
    );
    const facts = (item: HTMLElement): string[][] =>
      [...item.querySelectorAll('.nhsuk-summary-list__row')].map((row) => [
        row.querySelector('dt')!.textContent,
        row.querySelector('dd')!.textContent,
      ]);
    expect(facts(note!)).toEqual([
      ['Who', 'Demo QI lead, signed in'],
      ['When', '25 Nov 2026, 10:30'],
      ['What', 'Note added (annotation.create)'],
      ['Changed', `Note ${NOTE.entityId} Open the chart this change was made to`],
    ]);
    expect(
      within(note!)
        .getByRole('link', { name: /Open the chart/ })
        .getAttribute('href'),
    ).toBe(`/series/${SERIES}`);
    const rows = (item: HTMLElement): string[][] =>
      within(item)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          [...row.querySelectorAll('th, td')].map(
            (cell) => cell.querySelector(':scope > span:last-child')!.textContent,
          ),
        );
    expect(rows(note!)).toEqual([
      ['Series ID', 'nothing', SERIES],
      ['Period', 'nothing', '2024-05-01'],
      ['Text', 'nothing', 'New triage model'],
      ['Author', 'nothing', 'Demo QI lead'],
    ]);
    expect(rows(options!)).toEqual([['SPC options › Direction', 'increase', 'decrease']]);
    expect(facts(options!)[0]).toEqual(['Who', 'Ann Improver, with an API token']);
    // Never the raw JSON.
    expect(document.body.textContent).not.toContain('{"');
    expect(document.querySelector('main [role="status"]')!.textContent).toBe(
      '2 changes shown; there are older ones',
    );
  });

  it('shows older changes on asking, and moves focus to the first of them', async () => {
    open();
    await eventItems();
    fireEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    const heading = await screen.findByRole('heading', { level: 3, name: CREATED.summary });
    await waitFor(() => {
      expect(document.activeElement).toBe(heading);
    });
    expect(logCalls().at(-1)!.query.get('cursor')).toBe('2');
    expect(heading.closest('li')!.textContent).toContain('No details of the change were recorded.');
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();
  });

  it('filters by action, person and dates, in the URL and in the API’s query', async () => {
    const view = open();
    await eventItems();
    await waitFor(() => {
      expect(within(screen.getByLabelText('Person')).getAllByRole('option')).toHaveLength(3);
    });
    expect(
      within(screen.getByLabelText('Action'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Any action',
      'Note added (annotation.create)',
      'Series added (series.create)',
      'SPC options changed (series.set_options)',
    ]);
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'series.set_options' } });
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: ANN_ID } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-19' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByRole('heading', {
      level: 2,
      name: 'Changes (SPC options changed, by Ann Improver, from 19 Nov 2026, to 20 Nov 2026), newest first',
    });
    expect(currentUrl(view)).toBe(
      `/organisations/RF4/audit?action=series.set_options&actor=${ANN_ID}&from=2026-11-19&to=2026-11-20`,
    );
    const query = logCalls().at(-1)!.query;
    expect(Object.fromEntries(query)).toEqual({
      action: 'series.set_options',
      actorId: ANN_ID,
      from: '2026-11-19T00:00:00.000Z',
      to: '2026-11-20T23:59:59.999Z',
      limit: '50',
    });
    await waitFor(() => {
      expect(document.querySelectorAll('.gs-audit-event')).toHaveLength(1);
    });
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(OPTIONS.summary);
    await waitFor(() => {
      expect(document.activeElement?.id).toBe('audit-results-heading');
    });
  });

  it('refuses a date range that ends before it starts, linking to the date', async () => {
    open();
    await eventItems();
    const before = logCalls().length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#audit-to');
    expect(summary.textContent).toContain('The ‘to’ date must be the same as or after the ‘from’ date');
    expect(logCalls()).toHaveLength(before);
  });

  it('shows the changes to one thing when linked from a chart, and says when none match', async () => {
    events = [OPTIONS, CREATED];
    open(`/organisations/RF4/audit?entityType=series&entityId=${SERIES}&action=annotation.create`);
    await screen.findByText('No changes match these filters.');
    expect(screen.getByText(/Only the changes to one series/)).toBeTruthy();
    expect(Object.fromEntries(logCalls().at(-1)!.query)).toMatchObject({
      entityType: 'series',
      entityId: SERIES,
      action: 'annotation.create',
    });
    expect(screen.getByRole('link', { name: 'Show the changes to everything' }).getAttribute('href')).toBe(
      '/organisations/RF4/audit?action=annotation.create',
    );
  });

  it('shows the server’s refusal when the role has gone meanwhile', async () => {
    fakeApi.on('GET', '/api/v1/organisations/:ref/audit', () =>
      apiError(
        403,
        'forbidden',
        'You may not do this in this organisation: it needs the role of QI lead or executive or administrator.',
      ),
    );
    open();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the audit log');
    expect(alert.textContent).toContain('it needs the role of QI lead');
  });
});
