/**
 * @module test-support/fake-api
 * For component and page tests (jsdom): a fake of the HTTP API behind the real typed client. It
 * answers by method and path (`:name` matches one segment), records every request (method, path,
 * query, headers, body), and puts itself in place of `fetch` when this module loads: import it
 * (or a test-support module that re-exports it) before any module that imports `api/client`, which
 * takes `fetch` when it loads. Also: sessions shaped as the API sends them, and renders with a
 * router and a fresh query cache.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, Outlet, RouterProvider, useLocation } from 'react-router';
import type { Session, SessionUser } from '../api/session';

const ORIGIN = 'http://localhost:3000';

/** Node's Request cannot take a path without an origin, as the browser's can: give it jsdom's. */
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, ORIGIN).href : input, init);
  }
}
globalThis.Request = PageRequest;

/** A request the fake API received. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly body: unknown;
}

type Handler = (request: Received) => unknown;

/** The fake API: answers by method and path (`:name` matches one segment); records every request. */
export class FakeApi {
  readonly received: Received[] = [];
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  /** Answers `method path` with the handler's value: JSON with 200, or a `Response` as it is. Later wins. */
  on(method: string, path: string, handler: Handler): this {
    const pattern = new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
    this.routes.unshift({ method, pattern, handler });
    return this;
  }

  /** The requests to this method and path. */
  calls(method: string, path: string): Received[] {
    return this.received.filter((r) => r.method === method && r.path === path);
  }

  /** Forgets every request and every answer. */
  reset(): void {
    this.received.length = 0;
    this.routes.length = 0;
  }

  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : new PageRequest(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const received: Received = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    this.received.push(received);
    const route = this.routes.find((r) => r.method === request.method && r.pattern.test(url.pathname));
    if (route === undefined)
      return json(404, {
        error: { code: 'not_found', message: `no fake for ${request.method} ${url.pathname}` },
      });
    const answer = route.handler(received);
    return answer instanceof Response ? answer : json(200, answer);
  }
}

/** A JSON response. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** An API error response, as the server words them. */
export function apiError(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Response {
  return json(status, { error: { code, message, details } });
}

export const fakeApi = new FakeApi();
globalThis.fetch = (input, init) => fakeApi.fetch(input, init);

export const CSRF = 'csrf-token-of-the-session';

/** The demo QI lead of RF4, as the session names them. */
export const USER: SessionUser = {
  id: '20000000-0000-4000-8000-000000000001',
  email: 'demo.qilead@groundswell.invalid',
  displayName: 'Demo QI lead',
  platformAdmin: false,
  demo: true,
  memberships: [
    {
      organisationId: '00000000-0000-4000-8000-0000000000f4',
      odsCode: 'RF4',
      organisationName: 'Barking, Havering and Redbridge',
      role: 'qi_lead',
      unitId: null,
    },
  ],
};

/** A session of `user` (the demo QI lead unless given). */
export function sessionOf(user: SessionUser = USER): Session {
  return { user, csrfToken: CSRF, expiresAt: '2026-11-26T12:00:00.000Z', demoSignIn: false };
}

/** `USER` with one role in their one organisation (`organisationId` to put it elsewhere). */
export function withRole(
  role: SessionUser['memberships'][number]['role'],
  organisationId?: string,
): SessionUser {
  const [first] = USER.memberships;
  return {
    ...USER,
    memberships: [{ ...first!, role, ...(organisationId === undefined ? {} : { organisationId }) }],
  };
}

export const SIGNED_IN: Session = sessionOf();

export const SIGNED_OUT: Session = { user: null, csrfToken: null, expiresAt: null, demoSignIn: false };

/** Shows the router's current URL, so a test can read where the page went. */
function LocationProbe(): React.JSX.Element {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** The main region alone (when a test needs no header). */
function BareFrame(): React.JSX.Element {
  return (
    <main id="maincontent" tabIndex={-1}>
      <Outlet />
    </main>
  );
}

/**
 * Renders `page` at `url` (matched by `path`) inside `layout` (the real Layout, or a bare frame),
 * with the home page and the sign-in page as simple stand-ins unless `path` is one of them; any
 * other address is "Another page".
 */
export function renderPage(
  page: ReactNode,
  url: string,
  path: string,
  { layout }: { layout?: ReactNode } = {},
): RenderResult & { client: QueryClient } {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const children = [
    { path, element: page },
    ...(path === '/' ? [] : [{ path: '/', element: <h1>Home</h1> }]),
    ...(path === '/sign-in' ? [] : [{ path: '/sign-in', element: <h1>Sign-in page</h1> }]),
    { path: '*', element: <h1>Another page</h1> },
  ];
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            {layout ?? <BareFrame />}
            <LocationProbe />
          </>
        ),
        children,
      },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, client };
}

/** The router's current URL in a page rendered with `renderPage` or `renderAt`. */
export function currentUrl(view: RenderResult): string {
  return view.getByTestId('location').textContent;
}
