import { describe, expect, it } from 'vitest';
import { filtersFromForm, filtersFromParams, hasFilters, measuresQuery, paramsFromFilters } from './filters';

describe('catalogue filters', () => {
  it('reads the filters from the URL and writes them back the same', () => {
    const params = new URLSearchParams(
      'q=falls&domain=safety&type=rate&visibility=internal&scope=own&organisation=rf4',
    );
    const filters = filtersFromParams(params);
    expect(filters).toEqual({
      search: 'falls',
      domain: 'safety',
      dataType: 'rate',
      visibility: 'internal',
      scope: 'own',
      organisation: 'RF4',
    });
    expect(paramsFromFilters(filters).toString()).toBe(
      'q=falls&domain=safety&type=rate&visibility=internal&scope=own&organisation=RF4',
    );
  });

  it('ignores values that are not in the lists, and empty ones', () => {
    const filters = filtersFromParams(new URLSearchParams('q=%20%20&domain=cheese&type=&scope=everyone'));
    expect(filters).toEqual({
      search: '',
      domain: undefined,
      dataType: undefined,
      visibility: undefined,
      scope: undefined,
      organisation: undefined,
    });
    expect(hasFilters(filters)).toBe(false);
    expect(paramsFromFilters(filters).toString()).toBe('');
  });

  it('turns the filters into the API query, with the organisation resolved to its id', () => {
    const filters = filtersFromParams(new URLSearchParams('q=4-hour&scope=shared&organisation=RF4'));
    expect(measuresQuery(filters, 'b3c1e6a2-0000-4000-8000-000000000001', 'next')).toEqual({
      limit: 50,
      cursor: 'next',
      search: '4-hour',
      shared: 'true',
      organisationId: 'b3c1e6a2-0000-4000-8000-000000000001',
    });
    expect(measuresQuery(filtersFromParams(new URLSearchParams('scope=own')), undefined, undefined)).toEqual({
      limit: 50,
      shared: 'false',
    });
  });

  it('reads a submitted form', () => {
    const form = new FormData();
    form.set('q', ' pressure ');
    form.set('domain', '');
    form.set('visibility', 'public');
    expect(paramsFromFilters(filtersFromForm(form)).toString()).toBe('q=pressure&visibility=public');
  });
});
