/**
 * @module components/account/test-support
 * For the sign-in and account tests (jsdom): the shared fake of the HTTP API (test-support/fake-api,
 * which records each request's headers, to check the CSRF token), sessions shaped as the API sends
 * them, and a render of pages inside the real layout with a router and a fresh query cache.
 * Import it before any module that imports `api/client` (which takes `fetch` when it loads).
 */
export {
  apiError,
  CSRF,
  currentUrl,
  fakeApi,
  json,
  renderPage,
  sessionOf,
  SIGNED_IN,
  SIGNED_OUT,
  USER,
  withRole,
} from '../../test-support/fake-api';
export type { Received } from '../../test-support/fake-api';
