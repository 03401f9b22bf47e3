/**
 * @module components/import/test-support
 * For component tests (jsdom): a fake of the HTTP API behind the real typed client, a fake
 * XMLHttpRequest for uploads, and a render with the router and query client the pages need.
 * Import it before any module that imports `api/client` (which takes `fetch` when it loads).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';

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
  readonly body: unknown;
}

type Handler = (request: Received) => unknown;

/** The fake API: answers by method and path (`:name` matches one segment); records every request. */
export class FakeApi {
  readonly received: Received[] = [];
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  /** Answers `method path` with the handler's value: JSON with 200, or a `Response` as it is. */
  on(method: string, path: string, handler: Handler): this {
    const pattern = new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
    this.routes.unshift({ method, pattern, handler });
    return this;
  }

  /** The requests to this method and path. */
  calls(method: string, path: string): Received[] {
    return this.received.filter((r) => r.method === method && r.path === path);
  }

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

export const fakeApi = new FakeApi();
globalThis.fetch = (input, init) => fakeApi.fetch(input, init);

/** An upload in flight through the fake XMLHttpRequest, answered by the test. */
export class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  send(body: unknown): void {
    this.body = body;
    FakeXhr.last = this;
  }

  abort(): void {
    this.onabort?.();
  }

  /** Reports bytes sent. */
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }

  /** Answers the upload. */
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

/** Puts the fake XMLHttpRequest in place (for upload tests). */
export function installFakeXhr(): void {
  FakeXhr.last = null;
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
}

/** Shows the router's current URL, so a test can read what the page put there. */
function LocationProbe(): React.JSX.Element {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** Renders `element` at `url` (matched by `path`) with a fresh query client and the router. */
export function renderAt(element: ReactNode, url: string, path: string): RenderResult {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={<p>Another page</p>} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The router's current URL in a page rendered with `renderAt`. */
export function currentUrl(view: RenderResult): string {
  return view.getByTestId('location').textContent;
}
