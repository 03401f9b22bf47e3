/**
 * @module components/QueryState
 * Loading and error states of a query, the same on every page: a polite loading message and an NHS
 * error summary with the server's message.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiFailure } from '../api/client';

export function Loading({ what }: { what: string }): React.JSX.Element {
  return (
    <p className="nhsuk-body" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorSummary({ title, error }: { title: string; error: unknown }): React.JSX.Element {
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiFailure ? error.issues : [];
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{message}</p>
        {issues.length > 0 && (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {issues.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>
                {issue.field}: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Renders the query's loading or error state, or `children(data)` once it has data. */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => React.ReactNode;
}): React.JSX.Element {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorSummary title={`Could not load ${what}`} error={query.error} />;
  return <>{children(query.data)}</>;
}
