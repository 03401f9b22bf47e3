/**
 * @module components/import/ProblemsTable
 * Every problem the preview kept, by spreadsheet row and column, a page at a time.
 */
import { useState } from 'react';
import { ResponsiveTable } from '../ResponsiveTable';
import { problemText } from './problems';
import type { ImportProblem } from './problems';

export const PROBLEMS_PER_PAGE = 25;

/** The NHS pagination's arrows (nhsuk-frontend's icons). */
const ARROWS = {
  previous: {
    icon: 'arrow-left',
    path: 'M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z',
  },
  next: {
    icon: 'arrow-right',
    path: 'm14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z',
  },
} as const;

/** The link to the previous or next page of problems (`to` counts from 0). */
function PageButton({
  to,
  pages,
  way,
  go,
}: {
  to: number;
  pages: number;
  way: 'previous' | 'next';
  go: (to: number) => void;
}): React.JSX.Element {
  const title = way === 'previous' ? 'Previous' : 'Next';
  return (
    <li className={`nhsuk-pagination-item--${way}`}>
      <button
        className={`nhsuk-pagination__link nhsuk-pagination__link--${way === 'previous' ? 'prev' : 'next'} gs-pagination__button`}
        type="button"
        aria-label={`${title} page of problems: page ${to + 1} of ${pages}`}
        onClick={() => {
          go(to);
        }}
      >
        <span className="nhsuk-pagination__title">
          {title}
          <span className="nhsuk-u-visually-hidden"> page of problems</span>
        </span>
        <span className="nhsuk-u-visually-hidden">:</span>
        <span className="nhsuk-pagination__page">
          Page {to + 1} of {pages}
        </span>
        <svg
          className={`nhsuk-icon nhsuk-icon--${ARROWS[way].icon}`}
          xmlns="http://www.w3.org/2000/svg"
          viewBox="0 0 24 24"
          width="16"
          height="16"
          focusable="false"
          aria-hidden="true"
        >
          <path d={ARROWS[way].path} />
        </svg>
      </button>
    </li>
  );
}

export function ProblemsTable({
  problems,
  problemCount,
}: {
  problems: readonly ImportProblem[];
  /** All problems found; more than `problems.length` when only the first were kept. */
  problemCount: number;
}): React.JSX.Element {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(problems.length / PROBLEMS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const first = current * PROBLEMS_PER_PAGE;
  const shown = problems.slice(first, first + PROBLEMS_PER_PAGE);
  const n = (value: number): string => value.toLocaleString('en-GB');
  const range =
    problems.length <= PROBLEMS_PER_PAGE
      ? ''
      : `${n(first + 1)} to ${n(first + shown.length)} of ${n(problems.length)}`;
  const go = (to: number): void => {
    setPage(to);
    document.getElementById('problems')?.focus();
  };
  return (
    <section className="gs-problems" aria-labelledby="problems">
      <h2 className="nhsuk-heading-m" id="problems" tabIndex={-1}>
        Problems by row
      </h2>
      {problemCount > problems.length && (
        <p className="nhsuk-body">
          The first {n(problems.length)} of {n(problemCount)} problems are listed. Fix these and check again
          to see the rest.
        </p>
      )}
      {range !== '' && (
        <p className="nhsuk-body" role="status">
          Showing problems {range}
        </p>
      )}
      <ResponsiveTable
        caption={`Problems, by spreadsheet row (the header is row 1)${range === '' ? '' : `: ${range}`}`}
        captionClassName="nhsuk-u-visually-hidden"
        columns={[
          {
            heading: 'Row',
            cell: (p: ImportProblem) => (p.row === null ? 'Whole file' : p.row.toLocaleString('en-GB')),
          },
          { heading: 'Column', cell: (p: ImportProblem) => p.column ?? '–' },
          { heading: 'Problem', cell: (p: ImportProblem) => problemText(p) },
        ]}
        rows={shown}
        rowKey={(p, i) => `${first + i}:${p.row ?? ''}:${p.column ?? ''}`}
      />
      {pages > 1 && (
        <nav className="nhsuk-pagination gs-pagination" aria-label="Pages of problems">
          <ul className="nhsuk-list nhsuk-pagination__list">
            {current > 0 && <PageButton to={current - 1} pages={pages} way="previous" go={go} />}
            {current < pages - 1 && <PageButton to={current + 1} pages={pages} way="next" go={go} />}
          </ul>
        </nav>
      )}
    </section>
  );
}
