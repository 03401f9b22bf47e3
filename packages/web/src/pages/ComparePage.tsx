/**
 * @module pages/ComparePage
 * One measure across the organisations that record it (`/measures/:measureId/compare`): a card per
 * organisation, in alphabetical order and never ranked, each its own SPC analysis against its own
 * past. A page of cards at a time (a phone is not asked to draw hundreds of charts), searchable by
 * name or ODS code, at the level chosen (the organisation as a whole, or units of one name such as
 * an A&E department type). The search and level are kept in the URL.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, data } from '../api/client';
import type { Schema } from '../api/client';
import { FunnelLink } from '../components/compare/FunnelLink';
import { count } from '../components/dashboard/format';
import { SeriesCard } from '../components/dashboard/SeriesCard';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../styles/dashboard.css';

type Comparison = Schema<'Comparison'>;
type Level = Schema<'ComparisonLevel'>;

/** Cards per page. */
export const COMPARE_PAGE_SIZE = 24;

function levelName(level: string | null): string {
  return level ?? 'Organisation as a whole';
}

/** The level with the most organisations (the default when none records the measure as a whole). */
function busiestLevel(levels: readonly Level[]): Level | undefined {
  let best: Level | undefined;
  for (const level of levels)
    if (best === undefined || level.organisations > best.organisations) best = level;
  return best;
}

function NotALeagueTable(): React.JSX.Element {
  return (
    <div className="nhsuk-inset-text gs-not-league">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 className="nhsuk-heading-s">This is not a league table</h2>
      <p>
        Organisations are listed in alphabetical order, never ranked. Each chart is that organisation&apos;s
        own statistical process control (SPC) chart: it shows the organisation against its own past, and its
        icons say whether the organisation has changed and whether it will meet the target, not how it
        compares with the others. Differences between organisations can come from chance, from the patients
        they serve or from how they record their data.
      </p>
    </div>
  );
}

export default function ComparePage(): React.JSX.Element {
  const { measureId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const unit = params.get('unit') ?? undefined;
  const [text, setText] = useState(search);
  const [shownSearch, setShownSearch] = useState(search);
  if (shownSearch !== search) {
    setShownSearch(search);
    setText(search);
  }
  const query = useInfiniteQuery({
    queryKey: ['comparison', measureId, unit ?? null, search],
    queryFn: ({ pageParam }) =>
      data(
        api.GET('/api/v1/measures/{id}/comparison', {
          params: {
            path: { id: measureId },
            query: {
              limit: COMPARE_PAGE_SIZE,
              ...(pageParam === null ? {} : { cursor: pageParam }),
              ...(unit === undefined ? {} : { unit }),
              ...(search === '' ? {} : { search }),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Comparison) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

  // No organisation records it as a whole: show the level most of them record it at.
  const first = query.data?.pages[0];
  useEffect(() => {
    if (unit !== undefined || first === undefined || first.total > 0) return;
    const level = busiestLevel(first.levels);
    if (level?.unit != null) {
      const next = new URLSearchParams(params);
      next.set('unit', level.unit);
      setParams(next, { replace: true });
    }
  }, [unit, first, params, setParams]);

  // After "Show more", move focus to the first card that was added.
  const grid = useRef<HTMLDivElement>(null);
  const focusFrom = useRef<number | null>(null);
  const cardCount = query.data?.pages.reduce((n, page) => n + page.items.length, 0) ?? 0;
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || cardCount <= from) return;
    focusFrom.current = null;
    grid.current?.querySelectorAll<HTMLElement>('figure.gs-card h3 a')[from]?.focus();
  }, [cardCount]);

  if (query.isPending) {
    return (
      <>
        <PageTitle caption="Compare across organisations">Measure</PageTitle>
        <Loading what="the comparison" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageTitle caption="Compare across organisations">Measure</PageTitle>
        <ErrorSummary title="Could not load the comparison" error={query.error} />
        <p>
          <Link to="/measures">Choose another measure</Link>
        </p>
      </>
    );
  }
  const pages = query.data.pages;
  const head = pages[0]!;
  const { measure, levels, total, matching } = head;
  const items = pages.flatMap((page) => page.items);
  const synthetic = items.some((item) => item.series.measure.synthetic);
  const level = levelName(head.unit);
  const choose = (form: HTMLFormElement): void => {
    const values = new FormData(form);
    const next = new URLSearchParams();
    const q = text.trim();
    const level = values.get('level');
    const chosen = typeof level === 'string' ? level : (unit ?? '');
    if (q !== '') next.set('q', q);
    if (chosen !== '') next.set('unit', chosen);
    setParams(next);
  };

  return (
    <>
      <PageTitle caption="Compare across organisations">{measure.name}</PageTitle>
      {measure.description !== '' && <p className="nhsuk-body-l">{measure.description}</p>}
      {synthetic && (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--orange">Synthetic demo data</strong> These figures are made
          up for the demonstration; they are not real.
        </p>
      )}
      <NotALeagueTable />
      <FunnelLink measure={measure} unit={head.unit} />
      <form
        className="gs-compare-form"
        role="search"
        aria-label="Choose organisations"
        onSubmit={(event) => {
          event.preventDefault();
          choose(event.currentTarget);
        }}
      >
        {levels.length > 1 && (
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Compare</legend>
              <div className="nhsuk-radios nhsuk-radios--small">
                {levels.map((l) => (
                  <div className="nhsuk-radios__item" key={l.unit ?? ''}>
                    <input
                      className="nhsuk-radios__input"
                      id={`level-${l.unit ?? 'organisation'}`}
                      name="level"
                      type="radio"
                      value={l.unit ?? ''}
                      defaultChecked={(l.unit ?? undefined) === unit}
                      key={`${l.unit ?? ''}:${unit ?? ''}`}
                    />
                    <label
                      className="nhsuk-label nhsuk-radios__label"
                      htmlFor={`level-${l.unit ?? 'organisation'}`}
                    >
                      {levelName(l.unit)} ({count(l.organisations, 'organisation')})
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        )}
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="compare-search">
            Organisation name or ODS code
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id="compare-search"
            name="q"
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show organisations
        </button>
      </form>
      <h2>
        {level}
        <span className="nhsuk-u-visually-hidden">: organisations in alphabetical order</span>
      </h2>
      <p className="nhsuk-body" role="status">
        {count(total, 'organisation')} record{total === 1 ? 's' : ''} this measure
        {head.unit === null ? ' as a whole organisation' : ` for ${head.unit}`}
        {search === '' ? '' : `; ${matching.toLocaleString('en-GB')} match “${search}”`}. Showing{' '}
        {items.length === matching ? (items.length === 1 ? 'it' : `all ${items.length}`) : items.length}, in
        alphabetical order.
      </p>
      {items.length === 0 ? (
        <p>
          {search === ''
            ? 'No organisation records this measure at this level.'
            : `No organisation matches “${search}”.`}
        </p>
      ) : (
        <div className="gs-cards" ref={grid}>
          {items.map((item) => (
            <SeriesCard
              key={item.series.id}
              series={item.series}
              heading={item.organisation.name}
              compare={false}
              context={
                <>
                  <Link to={`/organisations/${encodeURIComponent(item.organisation.odsCode)}`}>
                    <span className="nhsuk-u-visually-hidden">
                      Overview of {item.organisation.name}, ODS code{' '}
                    </span>
                    {item.organisation.odsCode}
                  </Link>
                  {' · '}
                  {item.series.unit?.name ?? 'Whole organisation'}
                </>
              }
            />
          ))}
        </div>
      )}
      {query.hasNextPage && (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          disabled={query.isFetchingNextPage}
          onClick={() => {
            focusFrom.current = items.length;
            void query.fetchNextPage();
          }}
        >
          {query.isFetchingNextPage
            ? 'Loading…'
            : `Show ${Math.min(COMPARE_PAGE_SIZE, matching - items.length)} more organisations`}
        </button>
      )}
    </>
  );
}
