// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FALLS, matrixOf, RECOMMEND, ULCERS } from './test-support';
import { SummaryMatrix } from './SummaryMatrix';
import type { DashboardSeries } from './format';

afterEach(cleanup);

const SERIES = [FALLS, RECOMMEND, ULCERS];
const byId = new Map<string, DashboardSeries>(SERIES.map((s) => [s.id, s]));
const href = (v: string, a: string | null): string => `?variation=${v}&assurance=${a ?? 'none'}`;

function renderMatrix(props: Partial<Parameters<typeof SummaryMatrix>[0]> = {}): void {
  render(
    <MemoryRouter>
      <SummaryMatrix cells={matrixOf(SERIES)} series={byId} cellHref={href} {...props} />
    </MemoryRouter>,
  );
}

/** A header's name in words (its icon, hidden from assistive technology, aside). */
const label = (header: HTMLElement): string => header.querySelector('.gs-matrix__label')?.textContent ?? '';

/** The table cell at a row (variation name) and column (assurance name). */
function cellAt(row: string, column: string): HTMLElement {
  const table = screen.getByRole('table');
  const headers = within(table).getAllByRole('columnheader');
  const col = headers.findIndex((h) => label(h).includes(column));
  expect(col).toBeGreaterThanOrEqual(0);
  const rowHeader = within(table)
    .getAllByRole('rowheader')
    .find((h) => new RegExp(row).test(label(h)))!;
  const cells = within(rowHeader.closest('tr')!).getAllByRole('cell');
  return cells[col]!;
}

describe('SummaryMatrix', () => {
  it('is a table with a caption, the assurance icons as column headers and variation icons as row headers, named in words', () => {
    renderMatrix();
    const table = screen.getByRole('table', { name: /variation \(rows\) and assurance \(columns\)/ });
    const columns = within(table).getAllByRole('columnheader').map(label);
    expect(columns).toEqual([
      'Consistently passing the target',
      'Hit or miss the target',
      'Consistently failing the target',
      'No target or no limits',
    ]);
    const rows = within(table).getAllByRole('rowheader').map(label);
    expect(rows).toEqual([
      'Special cause improvement (high)',
      'Special cause improvement (low)',
      'Special cause variation (high)',
      'Special cause variation (low)',
      'Common cause variation',
      'Special cause concern (high)',
      'Special cause concern (low)',
      'Too few points for SPC',
    ]);
    // The icons are drawn too, hidden from assistive technology (the words say it).
    expect(table.querySelectorAll('th [aria-hidden="true"] svg').length).toBeGreaterThanOrEqual(11);
    expect(within(table).getByRole('columnheader', { name: 'Hit or miss the target' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Common cause variation' })).toBeTruthy();
    expect(screen.getByText(/\(3 measures\)/)).toBeTruthy();
  });

  it('sits in a labelled region that keyboard users can focus to scroll it', () => {
    renderMatrix();
    const region = screen.getByRole('region', { name: /variation \(rows\) and assurance \(columns\)/ });
    expect(region.tabIndex).toBe(0);
    expect(within(region).getByRole('table')).toBeTruthy();
  });

  it('counts and links each cell’s measures, and offers the cell as a filter', () => {
    renderMatrix();
    const improvement = cellAt('Special cause improvement \\(low\\)', 'Consistently passing');
    const filter = within(improvement).getByRole('link', {
      name: /Show 1 measure: special cause improvement \(low\)/i,
    });
    expect(filter.getAttribute('href')).toBe('/?variation=improvement_low&assurance=pass');
    const measure = within(improvement).getByRole('link', { name: 'Falls per 1,000 bed days' });
    expect(measure.getAttribute('href')).toBe(`/series/${FALLS.id}`);
    expect(improvement.textContent).toContain('Whole organisation');

    const common = cellAt('Common cause variation', 'No target or no limits');
    expect(within(common).getByRole('link', { name: RECOMMEND.measure.name }).getAttribute('href')).toBe(
      `/series/${RECOMMEND.id}`,
    );
    expect(common.textContent).toContain('Ward 10');
    const none = cellAt('Too few points', 'No target or no limits');
    expect(within(none).getByRole('link', { name: 'Pressure ulcers' })).toBeTruthy();

    // Empty cells say 0 and link nowhere.
    const empty = cellAt('Special cause concern \\(high\\)', 'Consistently failing');
    expect(empty.textContent).toBe('0 measures');
    expect(within(empty).queryByRole('link')).toBeNull();
  });

  it('lists five measures a cell, then says how many more', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      ...FALLS,
      id: `bbbbbbbb-0000-4000-8000-00000000000${i}`,
      measure: { ...FALLS.measure, name: `Measure ${i}` },
    }));
    render(
      <MemoryRouter>
        <SummaryMatrix cells={matrixOf(many)} series={new Map(many.map((s) => [s.id, s]))} cellHref={href} />
      </MemoryRouter>,
    );
    const cell = cellAt('Special cause improvement \\(low\\)', 'Consistently passing');
    expect(within(cell).getByRole('link', { name: /Show 7 measures/ })).toBeTruthy();
    expect(within(cell).getAllByRole('listitem')).toHaveLength(5);
    expect(cell.textContent).toContain('and 2 more');
  });

  it('marks the chosen cell, and tells when one is chosen', () => {
    const onChoose = vi.fn();
    renderMatrix({ selected: { variation: 'improvement_low', assurance: 'pass' }, onChoose });
    const cell = cellAt('Special cause improvement \\(low\\)', 'Consistently passing');
    const link = within(cell).getByRole('link', { name: /Showing 1 measure/ });
    expect(link.getAttribute('aria-current')).toBe('true');
    expect(cell.className).toContain('gs-matrix__cell--selected');
    link.click();
    expect(onChoose).toHaveBeenCalledTimes(1);
  });
});
