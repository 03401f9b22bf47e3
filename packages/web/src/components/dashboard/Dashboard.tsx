/**
 * @module components/dashboard/Dashboard
 * What the organisation and unit dashboards share: reading the dashboard with the URL's filters,
 * the summary matrix, the filters and the small multiples (one card per series).
 *
 * The matrix counts every series that matches the domain and unit filters, and names them, so it
 * is read without the variation and assurance filters; when a matrix cell is chosen, the cards are
 * read again with the API's `variation` and `assurance` filters.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { ErrorSummary, Loading } from '../QueryState';
import { DashboardFilters, FILTER_KEYS, filterSearch, filtersFrom } from './DashboardFilters';
import type { FilterValues, UnitOption } from './DashboardFilters';
import type { Assurance, DashboardSeries, Variation } from './format';
import {
  assuranceName,
  assuranceParam,
  count,
  domainLabel,
  parseAssurance,
  parseDomain,
  parseVariation,
  variationName,
} from './format';
import { SeriesCard } from './SeriesCard';
import { SummaryMatrix } from './SummaryMatrix';
import '../../styles/dashboard.css';
import { fetchDashboard } from '../../api/prefetch';

export type DashboardView = Schema<'Dashboard'>;
type DashboardQuery = NonNullable<
  paths['/api/v1/organisations/{ref}/dashboard']['get']['parameters']['query']
>;

/** Which units' series a dashboard reads: the API's `unit` and `subtree`. */
export interface UnitScope {
  readonly unit?: string | undefined;
  readonly subtree?: boolean | undefined;
}

/** The API query for a scope and filters (only those set). */
function apiQuery(
  scope: UnitScope,
  filters: {
    domain?: string | undefined;
    measure?: string | undefined;
    variation?: Variation | undefined;
    assurance?: Assurance | undefined;
  },
): DashboardQuery {
  const query: DashboardQuery = {};
  if (scope.unit !== undefined) query.unit = scope.unit;
  if (scope.subtree === true) query.subtree = 'true';
  const domain = parseDomain(filters.domain ?? null);
  if (domain !== undefined) query.domain = domain;
  if (filters.measure !== undefined && filters.measure !== '') query.measure = filters.measure;
  if (filters.variation !== undefined) query.variation = filters.variation;
  if (filters.assurance !== undefined) query.assurance = filters.assurance ?? 'none';
  return query;
}

/** The dashboard as the URL's filters ask: the matrix (all cells), and the cards of the chosen cell. */
export interface DashboardQueries {
  readonly values: FilterValues;
  readonly variation: Variation | undefined;
  readonly assurance: Assurance | undefined;
  /** Without the variation and assurance filters: the matrix and the organisation. */
  readonly matrix: UseQueryResult<DashboardView>;
  /** With every filter: the cards. The same as `matrix` when no cell is chosen. */
  readonly cards: UseQueryResult<DashboardView>;
}

/**
 * Reads the dashboard of `ref` with the URL's filters. `scopeOf` turns the unit filter ('' for
 * none) into the API's `unit` and `subtree`.
 */
export function useDashboard(ref: string, scopeOf: (unitFilter: string) => UnitScope): DashboardQueries {
  const [params] = useSearchParams();
  const values = filtersFrom(params);
  const variation = parseVariation(values.variation || null);
  const assurance = parseAssurance(values.assurance || null);
  const scope = scopeOf(values.unit);
  const base = apiQuery(scope, { domain: values.domain, measure: values.measure });
  const matrix = useQuery({
    queryKey: ['dashboard', ref, base],
    queryFn: () => fetchDashboard(ref, base),
    placeholderData: keepPreviousData,
  });
  const filtered = variation !== undefined || assurance !== undefined;
  const full = apiQuery(scope, { domain: values.domain, measure: values.measure, variation, assurance });
  const cellQuery = useQuery({
    queryKey: ['dashboard', ref, full],
    queryFn: () => fetchDashboard(ref, full),
    placeholderData: keepPreviousData,
    enabled: filtered,
  });
  return { values, variation, assurance, matrix, cards: filtered ? cellQuery : matrix };
}

export interface DashboardBodyProps {
  readonly queries: DashboardQueries;
  /** The matrix data (from `queries.matrix`, once loaded). */
  readonly dashboard: DashboardView;
  /** The unit filter's options; none: no unit filter. */
  readonly units?: readonly UnitOption[] | undefined;
  readonly allUnitsLabel?: string | undefined;
  /** Where the dashboard is, in words ("NHS provider RF4", "Ward 10"), for headings. */
  readonly scopeName: string;
}

/** The summary matrix, the filters and the cards. */
export function DashboardBody({
  queries,
  dashboard,
  units,
  allUnitsLabel,
  scopeName,
}: DashboardBodyProps): React.JSX.Element {
  const [params, setParams] = useSearchParams();
  const { values, variation, assurance, cards } = queries;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveToCards = useRef(false);
  const cellChosen = variation !== undefined || assurance !== undefined;

  const seriesById = new Map<string, DashboardSeries>(dashboard.series.map((s) => [s.id, s]));
  const cellHref = (v: Variation, a: Assurance): string =>
    filterSearch({ ...values, variation: v, assurance: assuranceParam(a) });

  // After a matrix cell is chosen, take the reader to the cards it shows.
  useEffect(() => {
    if (!moveToCards.current || cards.isPlaceholderData || cards.isPending) return;
    moveToCards.current = false;
    // Focus scrolls the heading into view.
    headingRef.current?.focus();
  }, [cards.isPlaceholderData, cards.isPending, values.variation, values.assurance]);

  const apply = (next: FilterValues): void => {
    const search = new URLSearchParams(params);
    for (const key of FILTER_KEYS) {
      if (next[key] === '') search.delete(key);
      else search.set(key, next[key]);
    }
    setParams(search);
  };

  const updating = queries.matrix.isFetching && queries.matrix.isPlaceholderData;
  return (
    <>
      <section className="gs-dashboard__matrix" aria-labelledby="summary-matrix">
        <h2 id="summary-matrix">Summary matrix</h2>
        <p className="nhsuk-body-s gs-muted">
          Each measure of {scopeName} placed by its Making Data Count icons: what its variation shows (rows)
          and whether it will meet its target (columns). Choose a count to show only those measures.
        </p>
        <p className="gs-matrix__hint">Scroll the table sideways to see every column.</p>
        {updating && <Loading what="the dashboard" />}
        <SummaryMatrix
          cells={dashboard.matrix}
          series={seriesById}
          cellHref={cellHref}
          selected={cellChosen ? { variation, assurance } : undefined}
          onChoose={() => {
            moveToCards.current = true;
          }}
        />
      </section>
      <section className="gs-dashboard__cards" aria-labelledby="measures">
        <h2 id="measures" ref={headingRef} tabIndex={-1}>
          Measures
        </h2>
        <DashboardFilters
          values={values}
          units={units}
          allUnitsLabel={allUnitsLabel}
          onApply={apply}
          clearHref="?"
        />
        <CardsState
          cards={cards}
          total={dashboard.total}
          values={values}
          variation={variation}
          assurance={assurance}
        />
      </section>
    </>
  );
}

function CardsState({
  cards,
  total,
  values,
  variation,
  assurance,
}: {
  cards: UseQueryResult<DashboardView>;
  total: number;
  values: FilterValues;
  variation: Variation | undefined;
  assurance: Assurance | undefined;
}): React.JSX.Element {
  if (cards.isPending) return <Loading what="the measures" />;
  if (cards.isError) return <ErrorSummary title="Could not load the measures" error={cards.error} />;
  const shown = cards.data.series;
  const domain = parseDomain(values.domain || null);
  const what: string[] = [];
  if (values.measure !== '') what.push(shown[0]?.measure.name ?? `measure ${values.measure}`);
  if (domain !== undefined) what.push(`domain ${domainLabel(domain)}`);
  if (variation !== undefined) what.push(variationName(variation).toLowerCase());
  if (assurance !== undefined) what.push(assuranceName(assurance).toLowerCase());
  return (
    <>
      <p className="nhsuk-body-s" role="status">
        {shown.length === total
          ? `Showing all ${count(total, 'measure')}`
          : `Showing ${shown.length.toLocaleString('en-GB')} of ${count(total, 'measure')}`}
        {what.length > 0 ? `: ${what.join(', ')}` : ''}.
        {(variation !== undefined || assurance !== undefined) && (
          <>
            {' '}
            <Link to={filterSearch({ ...values, variation: '', assurance: '' })}>Show every cell</Link>
          </>
        )}
      </p>
      {shown.length === 0 ? (
        <p>No measure matches these filters.</p>
      ) : (
        <div className="gs-cards">
          {shown.map((series) => (
            <SeriesCard key={series.id} series={series} />
          ))}
        </div>
      )}
    </>
  );
}
