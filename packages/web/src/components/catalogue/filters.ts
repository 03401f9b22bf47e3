/**
 * @module components/catalogue/filters
 * The catalogue's filters as they live in the URL (`/measures?q=falls&domain=safety&scope=own&organisation=RF4`)
 * and as the query of `GET /api/v1/measures`. Unknown values in the URL are ignored, so an old or
 * hand-edited link still opens.
 */
import type { paths } from '../../api/schema';
import { DATA_TYPES, DOMAINS, VISIBILITIES } from './labels';
import type { DataType, Domain, Visibility } from './labels';

export type MeasuresQuery = NonNullable<paths['/api/v1/measures']['get']['parameters']['query']>;

/** Shared (national) definitions, organisations' own measures, or both. */
export type Scope = 'shared' | 'own';

export interface CatalogueFilters {
  readonly search: string;
  readonly domain?: Domain | undefined;
  readonly dataType?: DataType | undefined;
  readonly visibility?: Visibility | undefined;
  readonly scope?: Scope | undefined;
  /** An organisation's ODS code: the measures it owns or records. */
  readonly organisation?: string | undefined;
}

/** Measures a page. */
export const PAGE_SIZE = 50;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The filters in a URL's query. */
export function filtersFromParams(params: URLSearchParams): CatalogueFilters {
  const organisation = params.get('organisation')?.trim().toUpperCase();
  return {
    search: params.get('q')?.trim() ?? '',
    domain: oneOf(params.get('domain'), DOMAINS),
    dataType: oneOf(params.get('type'), DATA_TYPES),
    visibility: oneOf(params.get('visibility'), VISIBILITIES),
    scope: oneOf(params.get('scope'), ['shared', 'own'] as const),
    organisation: organisation === undefined || organisation === '' ? undefined : organisation,
  };
}

/** The URL query for the filters (empty ones left out). */
export function paramsFromFilters(filters: CatalogueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search.trim() !== '') params.set('q', filters.search.trim());
  if (filters.domain) params.set('domain', filters.domain);
  if (filters.dataType) params.set('type', filters.dataType);
  if (filters.visibility) params.set('visibility', filters.visibility);
  if (filters.scope) params.set('scope', filters.scope);
  if (filters.organisation) params.set('organisation', filters.organisation);
  return params;
}

/** The filters a submitted filter form holds. */
export function filtersFromForm(form: FormData): CatalogueFilters {
  const params = new URLSearchParams();
  for (const [name, value] of form.entries()) if (typeof value === 'string') params.set(name, value);
  return filtersFromParams(params);
}

/** True when any filter is set. */
export function hasFilters(filters: CatalogueFilters): boolean {
  return paramsFromFilters(filters).size > 0;
}

/** The API query for the filters, with the organisation's id (resolved from its ODS code). */
export function measuresQuery(
  filters: CatalogueFilters,
  organisationId: string | undefined,
  cursor: string | undefined,
): MeasuresQuery {
  return {
    limit: PAGE_SIZE,
    ...(cursor === undefined ? {} : { cursor }),
    ...(filters.search === '' ? {} : { search: filters.search }),
    ...(filters.domain ? { domain: filters.domain } : {}),
    ...(filters.dataType ? { dataType: filters.dataType } : {}),
    ...(filters.visibility ? { visibility: filters.visibility } : {}),
    ...(filters.scope ? { shared: filters.scope === 'shared' ? 'true' : 'false' } : {}),
    ...(organisationId === undefined ? {} : { organisationId }),
  };
}
