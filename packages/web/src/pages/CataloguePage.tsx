/**
 * @module pages/CataloguePage
 * The measure catalogue (`/measures`): every measure definition, shared and organisations' own,
 * searchable and filtered by domain, data type, visibility, who defined it and which organisation
 * owns or records it. The filters live in the URL; results come a page at a time ("Show more").
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '../api/client';
import { FilterForm } from '../components/catalogue/FilterForm';
import {
  filtersFromParams,
  hasFilters,
  measuresQuery,
  paramsFromFilters,
} from '../components/catalogue/filters';
import type { CatalogueFilters } from '../components/catalogue/filters';
import { MeasureTable } from '../components/catalogue/MeasureTable';
import { useOrganisations } from '../components/catalogue/organisations';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../styles/catalogue.css';

function describe(filters: CatalogueFilters): string {
  return hasFilters(filters) ? 'Measures matching the filters' : 'All measures';
}

export default function CataloguePage(): React.JSX.Element {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  // Applying filters replaces the form (it is rebuilt from the URL): take keyboard and screen reader
  // users to the results instead, whose heading says what they are.
  const results = useRef<HTMLHeadingElement>(null);
  const applied = useRef(false);
  useEffect(() => {
    if (!applied.current) return;
    applied.current = false;
    results.current?.focus();
  }, [params]);
  const organisations = useOrganisations();
  const byId = useMemo(
    () => new Map((organisations.data ?? []).map((org) => [org.id, org])),
    [organisations.data],
  );
  const chosen = filters.organisation
    ? organisations.data?.find((org) => org.odsCode === filters.organisation)
    : undefined;
  const unknownOrganisation =
    filters.organisation !== undefined && organisations.isSuccess && chosen === undefined;
  const waitingForOrganisation = filters.organisation !== undefined && chosen === undefined;

  const measures = useInfiniteQuery({
    queryKey: ['measures', 'catalogue', paramsFromFilters(filters).toString(), chosen?.id ?? null],
    queryFn: ({ pageParam }) =>
      data(api.GET('/api/v1/measures', { params: { query: measuresQuery(filters, chosen?.id, pageParam) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: !waitingForOrganisation,
    placeholderData: keepPreviousData,
  });
  const items = measures.data?.pages.flatMap((page) => page.items) ?? [];
  const moreError = measures.isFetchNextPageError ? measures.error : null;

  return (
    <>
      <PageTitle>Measures</PageTitle>
      <p className="nhsuk-body-l">
        Every measure Groundswell knows: the shared (national) definitions that organisations can compare, and
        the measures organisations define for their own use.
      </p>
      <FilterForm
        key={params.toString()}
        filters={filters}
        organisations={organisations.data ?? []}
        onApply={(next) => {
          const wanted = paramsFromFilters(next);
          if (wanted.toString() === params.toString()) {
            results.current?.focus();
            return;
          }
          applied.current = true;
          setParams(wanted);
        }}
      />
      <h2 className="nhsuk-heading-m gs-catalogue-results" ref={results} tabIndex={-1}>
        {describe(filters)}
      </h2>
      {unknownOrganisation ? (
        <ErrorSummary
          title="There is a problem with the filters"
          error={`No organisation has the ODS code ${filters.organisation ?? ''}. Choose another organisation or clear the filters.`}
        />
      ) : measures.isPending ? (
        <Loading what="measures" />
      ) : measures.isError ? (
        <ErrorSummary title="Could not load the measures" error={measures.error} />
      ) : items.length === 0 ? (
        <div className="gs-catalogue-empty">
          <p className="nhsuk-body" role="status">
            No measures match {hasFilters(filters) ? 'these filters' : 'yet'}.
          </p>
          {hasFilters(filters) && (
            <p className="nhsuk-body">
              Try a shorter search, or <Link to="/measures">clear the filters</Link> to see every measure.
            </p>
          )}
        </div>
      ) : (
        <>
          <p className="nhsuk-body-s" role="status">
            {items.length === 1 ? '1 measure' : `${items.length} measures`}
            {measures.hasNextPage ? ' shown; there are more' : ''}
            {measures.isFetching && !measures.isFetchingNextPage ? ' (updating…)' : ''}
          </p>
          <MeasureTable measures={items} organisations={byId} caption={describe(filters)} />
          {measures.hasNextPage && (
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              disabled={measures.isFetchingNextPage}
              onClick={() => {
                void measures.fetchNextPage();
              }}
            >
              {measures.isFetchingNextPage ? 'Loading more measures…' : 'Show more measures'}
            </button>
          )}
          {moreError !== null && <ErrorSummary title="Could not load more measures" error={moreError} />}
        </>
      )}
    </>
  );
}
