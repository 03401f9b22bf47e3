import { describe, expect, it } from 'vitest';
import {
  actionWords,
  apiQuery,
  dateAt,
  entityWords,
  filtersFromParams,
  filtersToParams,
  hasFilters,
} from './filters';

describe('the audit log’s filters in the URL', () => {
  it('reads the filters set, leaving out empty and malformed ones', () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        'action=annotation.create&actor=&entityType=series&from=2026-11-01&to=2026-02-30&x=1',
      ),
    );
    expect(filters).toEqual({
      action: 'annotation.create',
      actor: undefined,
      entityType: 'series',
      entityId: undefined,
      from: '2026-11-01',
      to: undefined,
    });
    expect(filtersToParams(filters).toString()).toBe(
      'action=annotation.create&entityType=series&from=2026-11-01',
    );
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(filtersFromParams(new URLSearchParams('')))).toBe(false);
  });

  it('asks the API from the start of the first day to the end of the last (local time)', () => {
    expect(
      apiQuery({ actor: 'p1', entityId: 's1', from: '2026-11-01', to: '2026-11-26', entityType: 'series' }),
    ).toEqual({
      actorId: 'p1',
      entityType: 'series',
      entityId: 's1',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 26, 23, 59, 59, 999).toISOString(),
    });
    expect(apiQuery({})).toEqual({});
    expect(dateAt('2026-02-29', false)).toBeNull();
  });

  it('names actions and kinds of thing in words, and unknown ones as they are', () => {
    expect(actionWords('annotation.create')).toBe('Note added');
    expect(actionWords('survey.close')).toBe('survey.close');
    expect(entityWords('series')).toBe('Series (a chart)');
    expect(entityWords('pdsa_cycle')).toBe('Pdsa cycle');
  });
});
