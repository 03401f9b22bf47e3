// @vitest-environment jsdom
import { BY_UNIT, ORG_SERIES_ID, renderPage, SERIES_ID } from './test-support';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CapabilityTable } from './CapabilityTable';

afterEach(cleanup);

describe('CapabilityTable', () => {
  it('shows each unit’s share of staff trained at each level, linked to the series’ SPC chart', () => {
    renderPage(<CapabilityTable capability={BY_UNIT} />, '/', '/');
    const table = screen.getByRole('table', {
      name: 'Staff trained at each level or above, November 2026 so far',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Unit', 'foundation', 'practitioner']);
    const row = within(table).getByRole('row', { name: /^Ward 10/ });
    const link = within(row).getByRole('link', {
      name: '3 of 8 (38%) of Ward 10 at foundation level: see the chart',
    });
    expect(link.getAttribute('href')).toBe(`/series/${SERIES_ID}`);
    // a level not published yet has its figure without a link
    expect(row.textContent).toContain('1 of 8 (13%)');
    expect(within(row).getAllByRole('link')).toHaveLength(1);
    // the organisation as a whole comes first, linked to its own series
    const whole = within(table).getAllByRole('row')[1]!;
    expect(within(whole).getByRole('rowheader').textContent).toBe('Whole organisation');
    expect(
      within(whole)
        .getByRole('link', { name: '5 of 20 (25%) of Whole organisation at foundation level: see the chart' })
        .getAttribute('href'),
    ).toBe(`/series/${ORG_SERIES_ID}`);
  });

  it('says why there is nothing to show', () => {
    renderPage(<CapabilityTable capability={{ ...BY_UNIT, units: [], organisation: null }} />, '/', '/');
    expect(screen.getByText(/No unit has staff yet/)).toBeTruthy();
    cleanup();
    renderPage(
      <CapabilityTable capability={{ ...BY_UNIT, levels: [], units: [], organisation: null }} />,
      '/',
      '/',
    );
    expect(screen.getByText(/no level with a required course/)).toBeTruthy();
  });
});
