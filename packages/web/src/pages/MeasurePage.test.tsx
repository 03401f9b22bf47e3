// @vitest-environment jsdom
import {
  aView,
  answer,
  calls,
  NOTE,
  ORG_ID,
  pageRoutes,
  renderRoute,
  SERIES_ID,
  sessionAs,
  WARD_ID,
} from '../components/measure/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MeasurePage from './MeasurePage';

const ROUTE = '/series/:seriesId';
const PATH = `/series/${SERIES_ID}`;

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('MeasurePage', () => {
  it('says it is loading while the analysis is on its way', async () => {
    answer({ [`/api/v1/series/${SERIES_ID}`]: 'pending' });
    renderRoute(ROUTE, PATH, <MeasurePage />);
    expect((await screen.findByRole('status')).textContent).toBe('Loading the chart…');
  });

  it('says plainly when there is no chart at the address', async () => {
    answer({
      [`/api/v1/series/${SERIES_ID}/analysis`]: {
        status: 404,
        body: { error: { code: 'not_found', message: 'no series has this id' } },
      },
    });
    renderRoute(ROUTE, PATH, <MeasurePage />);
    await screen.findByRole('heading', { level: 1, name: 'Chart not found' });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('no series has this id');
    expect(screen.getByRole('link', { name: 'Choose an organisation' }).getAttribute('href')).toBe('/');
  });

  it('shows the measure, where it is recorded, the analysis in words, the chart, notes, data and definition', async () => {
    const view = aView();
    answer(pageRoutes(view, [NOTE]));
    const { container } = renderRoute(ROUTE, PATH, <MeasurePage />);
    const h1 = await screen.findByRole('heading', { level: 1, name: /Seen within 4 hours/ });
    await waitFor(() => {
      expect(h1.textContent).toBe('Barking Test Trust · Ward 10Seen within 4 hours');
    });
    expect(document.title).toBe('Seen within 4 hours – Groundswell');

    // Breadcrumbs back to the organisation's overview and up the unit tree.
    const crumbs = within(screen.getByRole('navigation', { name: 'Breadcrumb' }));
    const hrefs = crumbs
      .getAllByRole('link')
      .filter((a) => a.classList.contains('nhsuk-breadcrumb__link'))
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(hrefs).toEqual([
      ['Organisations', '/'],
      ['Barking Test Trust', '/organisations/RF4'],
      ['Medicine', expect.stringMatching(/^\/organisations\/RF4\/units\/4{8}-/)],
      ['Ward 10', `/organisations/RF4/units/${WARD_ID}`],
    ]);

    // The analysis in words: the shift down, and the target that will be missed.
    const words = container.querySelector('.gs-analysis-words')!.textContent;
    expect(words).toMatch(/^Seen within 4 hours: p′ chart/);
    expect(words).toContain('Special cause concern since May 2024');
    expect(words).toContain('The target of 95% will be consistently missed');
    expect(screen.getByText(/Special cause concern \(low\); Consistently failing the target/)).toBeTruthy();

    // The chart: the shared renderer's SVG, labelled, with the note's marker.
    const svg = container.querySelector('.gs-spc-chart__svg svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('.point')).toHaveLength(24);
    expect(svg.querySelector('desc')!.textContent).toBe(words);
    expect(svg.querySelectorAll('.annotation')).toHaveLength(1);
    expect(svg.querySelector('.line-target')).not.toBeNull();

    // Notes, numbered as on the chart.
    const notes = within(screen.getByRole('region', { name: 'Notes' }));
    expect(notes.getByRole('list').textContent).toContain('May 2024: New triage model');

    // Every point in the table, in a labelled scrollable region.
    const region = await screen.findByRole('region', { name: /Every point of the chart/ });
    expect(region.getAttribute('tabindex')).toBe('0');
    const rows = within(region).getAllByRole('row');
    expect(rows).toHaveLength(25);
    const may = rows.find((r) => r.textContent.startsWith('May 2024'))!;
    const cells = within(may)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['72%', '72', '100']);
    expect(cells).toContain('Special cause concern');
    expect(cells.at(-1)).toBe('Note 1');

    // The definition.
    const about = within(screen.getByRole('region', { name: 'About this measure' }));
    expect(about.getByText('Improvement direction').nextSibling!.textContent).toBe('Higher is better');
    expect(about.getByText('Target').nextSibling!.textContent).toBe(
      '95% from 1 April 2016 (the national standard)',
    );
    expect(about.getByText('Visibility').nextSibling!.textContent).toMatch(/^Public/);
    expect(about.getByText('Frequency').nextSibling!.textContent).toBe('Monthly');
    expect(about.getByText('Owner').nextSibling!.textContent).toBe('Urgent care team');
    expect(about.queryByText('Synthetic demo data')).toBeNull();

    // Downloads: the CSV export, and the chart as SVG.
    expect(
      screen.getByRole('link', { name: 'Download the data and analysis (CSV)' }).getAttribute('href'),
    ).toBe(`/api/v1/series/${SERIES_ID}/export.csv?bom=true`);

    // One h1 and headings in order.
    const levels = [...container.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(calls.map((c) => c.path)).toContain(`/api/v1/organisations/${ORG_ID}`);
  });

  it('downloads the same SVG the page draws, named after the organisation, measure, unit and last period', async () => {
    answer(pageRoutes(aView()));
    renderRoute(ROUTE, PATH, <MeasurePage />);
    await screen.findByRole('heading', { level: 1, name: /Seen within 4 hours/ });
    await screen.findByRole('link', { name: 'Ward 10' });
    let blob: Blob | undefined;
    const create = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:chart';
    });
    URL.createObjectURL = create;
    URL.revokeObjectURL = vi.fn();
    let name = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download the chart (SVG)' }));
    expect(name).toBe('RF4-ae-4-hour-ward-10-2024-12.svg');
    expect(blob!.type).toBe('image/svg+xml');
    const text = await blob!.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('<title id="series-11111111-title">Seen within 4 hours</title>');
    expect(text).toContain('Special cause concern since May 2024');
  });

  it('says plainly that a short series is a run chart until it has enough points, with its Anhøj figures', async () => {
    const view = aView({ points: 9 });
    answer(pageRoutes(view));
    const { container } = renderRoute(ROUTE, PATH, <MeasurePage />);
    const heading = await screen.findByRole('heading', { name: 'A run chart until there are 13 points' });
    const notice = heading.closest('.nhsuk-inset-text')!;
    expect(notice.textContent).toContain('This chart has 9 points');
    expect(notice.textContent).toContain('the centre line is the median');
    expect(notice.textContent).toMatch(
      /Longest run on one side of the median: \d+ points \(more than 6 would be a signal\)/,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Run chart' })).toBeTruthy();
    expect(screen.queryByLabelText('Show the 1σ and 2σ lines')).toBeNull();
    expect(container.querySelector('.gs-analysis-words')!.textContent).toContain(
      'There are too few points for process limits (at least 13 are needed)',
    );
    const region = await screen.findByRole('region', { name: /Every point of the chart/ });
    expect(
      within(region)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('Median');
  });

  it('labels synthetic demo data as such', async () => {
    answer(pageRoutes(aView({ synthetic: true })));
    renderRoute(ROUTE, PATH, <MeasurePage />);
    const callout = await screen.findByRole('heading', { level: 2, name: 'Synthetic demo data' });
    expect(callout.parentElement!.textContent).toContain('not real');
    const about = within(screen.getByRole('region', { name: 'About this measure' }));
    expect(about.getByText('Data').nextSibling!.textContent).toContain('Synthetic demo data');
  });

  it('draws the 1σ and 2σ lines when asked', async () => {
    answer(pageRoutes(aView()));
    const { container } = renderRoute(ROUTE, PATH, <MeasurePage />);
    const box = await screen.findByLabelText('Show the 1σ and 2σ lines');
    expect(container.querySelectorAll('.line-sigma')).toHaveLength(0);
    fireEvent.click(box);
    await waitFor(() => {
      expect(container.querySelectorAll('.line-sigma').length).toBeGreaterThan(0);
    });
  });

  it('prepares the note form for the point chosen on the chart', async () => {
    answer(pageRoutes(aView()));
    renderRoute(ROUTE, PATH, <MeasurePage />);
    const reader = await screen.findByLabelText('Read the chart point by point');
    fireEvent.change(reader, { target: { value: '4' } });
    expect(screen.getByText('May 2023: 83%')).toBeTruthy();
    await screen.findByRole('button', { name: 'Add a note to May 2023' });
    fireEvent.click(screen.getByRole('button', { name: 'Add a note to May 2023' }));
    const period = screen.getByLabelText<HTMLSelectElement>('Period');
    expect(period.value).toBe('2023-05-01');
    expect(document.activeElement).toBe(period);
  });

  it('asks someone signed out to sign in instead of showing forms that would be refused', async () => {
    answer(pageRoutes(aView(), [], undefined, sessionAs(null)));
    renderRoute(ROUTE, PATH, <MeasurePage />);
    const link = await screen.findByRole('link', { name: 'Sign in to add a note or change this chart' });
    expect(link.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(PATH)}`);
    expect(screen.queryByLabelText('Note')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Set target' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Ghost a point, or include it again' })).toBeNull();
    expect(screen.getByText('No notes yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Add a note' })).toBeNull();
    // The chart's point reader offers no changes either.
    fireEvent.change(screen.getByLabelText('Read the chart point by point'), { target: { value: '4' } });
    expect(screen.queryByRole('button', { name: /Add a note to/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /audit log/ })).toBeNull();
  });

  it('tells staff which roles may make each change, naming the organisation', async () => {
    answer(pageRoutes(aView(), [], undefined, sessionAs('staff')));
    renderRoute(ROUTE, PATH, <MeasurePage />);
    await screen.findByRole('heading', { level: 3, name: 'Add a note' });
    await waitFor(() => {
      expect(screen.getAllByText(/You need the role of/).map((p) => p.textContent)).toEqual([
        'You need the role of improver, unit lead, QI lead or administrator in Barking Test Trust to add a note. You are signed in as Sam Someone.',
        'You need the role of improver, unit lead, QI lead or administrator in Barking Test Trust to ghost points, recalculate the limits or change the method. You are signed in as Sam Someone.',
        'You need the role of QI lead or administrator in Barking Test Trust to set the target. You are signed in as Sam Someone.',
      ]);
    });
    expect(screen.queryByLabelText('Note')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'SPC method and improvement direction' })).toBeNull();
    expect(screen.queryByRole('link', { name: /audit log/ })).toBeNull();
  });

  it('gives an improver the notes and analysis forms, but not the target', async () => {
    answer(pageRoutes(aView(), [], undefined, sessionAs('improver')));
    renderRoute(ROUTE, PATH, <MeasurePage />);
    await screen.findByLabelText('Note');
    expect(screen.getByRole('heading', { name: 'Ghost a point, or include it again' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'SPC method and improvement direction' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Set target' })).toBeNull();
    expect(screen.getByText(/to set the target\./).textContent).toContain('QI lead or administrator');
    expect(screen.queryByRole('link', { name: /audit log/ })).toBeNull();
  });

  it('links a QI lead to the changes to this chart in the audit log', async () => {
    answer(pageRoutes(aView()));
    renderRoute(ROUTE, PATH, <MeasurePage />);
    await screen.findByLabelText('Note');
    expect(screen.getByRole('button', { name: 'Set target' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'See the changes to this chart in the audit log' });
    expect(link.getAttribute('href')).toBe(
      `/organisations/RF4/audit?entityType=series&entityId=${SERIES_ID}`,
    );
    expect(screen.queryByText(/You need the role of/)).toBeNull();
  });
});
