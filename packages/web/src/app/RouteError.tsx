/**
 * @module app/RouteError
 * What a page shows when it failed to load or threw: the reason in words and a way back.
 */
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

export function RouteError(): React.JSX.Element {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'An unexpected error happened.';
  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper" id="maincontent">
        <h1>Sorry, there is a problem with this page</h1>
        <p>{message}</p>
        <p>
          <Link to="/">Go to the list of organisations</Link>
        </p>
      </main>
    </div>
  );
}
