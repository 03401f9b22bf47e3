/**
 * @module components/import/ProblemsTable
 * Every problem the preview kept, by spreadsheet row and column, a page at a time.
 */
import { useState } from 'react';
import { ResponsiveTable } from '../catalogue/ResponsiveTable';
import { problemText } from './problems';
import type { ImportProblem } from './problems';

export const PROBLEMS_PER_PAGE = 25;

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
            {current > 0 && (
              <li className="nhsuk-pagination-item--previous">
                <button
                  className="nhsuk-pagination__link nhsuk-pagination__link--prev gs-pagination__button"
                  type="button"
                  aria-label={`Previous page of problems: page ${current} of ${pages}`}
                  onClick={() => {
                    go(current - 1);
                  }}
                >
                  <span className="nhsuk-pagination__title">
                    Previous<span className="nhsuk-u-visually-hidden"> page of problems</span>
                  </span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">
                    Page {current} of {pages}
                  </span>
                  <svg
                    className="nhsuk-icon nhsuk-icon--arrow-left"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox="0 0 24 24"
                    width="16"
                    height="16"
                    focusable="false"
                    aria-hidden="true"
                  >
                    <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z" />
                  </svg>
                </button>
              </li>
            )}
            {current < pages - 1 && (
              <li className="nhsuk-pagination-item--next">
                <button
                  className="nhsuk-pagination__link nhsuk-pagination__link--next gs-pagination__button"
                  type="button"
                  aria-label={`Next page of problems: page ${current + 2} of ${pages}`}
                  onClick={() => {
                    go(current + 1);
                  }}
                >
                  <span className="nhsuk-pagination__title">
                    Next<span className="nhsuk-u-visually-hidden"> page of problems</span>
                  </span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">
                    Page {current + 2} of {pages}
                  </span>
                  <svg
                    className="nhsuk-icon nhsuk-icon--arrow-right"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox="0 0 24 24"
                    width="16"
                    height="16"
                    focusable="false"
                    aria-hidden="true"
                  >
                    <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z" />
                  </svg>
                </button>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}
